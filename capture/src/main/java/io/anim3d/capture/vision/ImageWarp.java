package io.anim3d.capture.vision;

import java.nio.FloatBuffer;

/**
 * Samples a rotated rectangle of an RGB24 image into a float tensor, as MediaPipe's
 * ImageToTensorCalculator does on CPU (OpenCV warpPerspective, INTER_LINEAR): output pixel
 * (u, v) samples the source at {@code topLeft + u/outW · xAxis + v/outH · yAxis}, source pixel i
 * at integer coordinate i, bilinear on 8-bit values rounded back to 8 bits, then
 * {@code value · scale + offset}.
 */
final class ImageWarp {
    private ImageWarp() {
    }

    /**
     * @param rgb        packed RGB24 source, stride {@code width·3}
     * @param cx         rectangle centre x, pixels
     * @param cy         rectangle centre y, pixels
     * @param rectWidth  rectangle width, pixels (already padded to the output aspect ratio)
     * @param rectHeight rectangle height, pixels
     * @param rotation   clockwise rotation of the rectangle, radians (image y down)
     * @param replicate  true: pixels outside the image repeat the edge; false: they are zero
     * @param scale      multiplier from 0–255 to the tensor's range
     * @param offset     added after scaling
     * @param out        HWC float tensor of outW × outH × 3, written from its position 0
     */
    static void warp(byte[] rgb, int width, int height, double cx, double cy, double rectWidth, double rectHeight,
                     double rotation, int outW, int outH, boolean replicate, float scale, float offset, FloatBuffer out) {
        double c = Math.cos(rotation);
        double s = Math.sin(rotation);
        // Axis vectors of the rectangle across its full width and height.
        double xAxisX = c * rectWidth, xAxisY = s * rectWidth;
        double yAxisX = -s * rectHeight, yAxisY = c * rectHeight;
        double originX = cx - xAxisX / 2 - yAxisX / 2;
        double originY = cy - xAxisY / 2 - yAxisY / 2;
        double duX = xAxisX / outW, duY = xAxisY / outW;
        double dvX = yAxisX / outH, dvY = yAxisY / outH;
        float[] lut = new float[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = i * scale + offset;
        }
        float[] row = new float[outW * 3];
        out.clear();
        for (int v = 0; v < outH; v++) {
            double sx = originX + v * dvX;
            double sy = originY + v * dvY;
            for (int u = 0, k = 0; u < outW; u++, k += 3) {
                sample(rgb, width, height, sx + u * duX, sy + u * duY, replicate, lut, row, k);
            }
            out.put(row);
        }
    }

    private static void sample(byte[] rgb, int width, int height, double x, double y, boolean replicate,
                               float[] lut, float[] dst, int k) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int x1 = x0 + 1;
        int y1 = y0 + 1;
        if (x0 >= 0 && y0 >= 0 && x1 < width && y1 < height) {
            int p00 = (y0 * width + x0) * 3;
            int p01 = p00 + 3;
            int p10 = p00 + width * 3;
            int p11 = p10 + 3;
            double w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
            for (int ch = 0; ch < 3; ch++) {
                double val = w00 * (rgb[p00 + ch] & 0xff) + w01 * (rgb[p01 + ch] & 0xff)
                        + w10 * (rgb[p10 + ch] & 0xff) + w11 * (rgb[p11 + ch] & 0xff);
                dst[k + ch] = lut[(int) (val + 0.5)];
            }
            return;
        }
        for (int ch = 0; ch < 3; ch++) {
            double val = (1 - fx) * (1 - fy) * pixel(rgb, width, height, x0, y0, ch, replicate)
                    + fx * (1 - fy) * pixel(rgb, width, height, x1, y0, ch, replicate)
                    + (1 - fx) * fy * pixel(rgb, width, height, x0, y1, ch, replicate)
                    + fx * fy * pixel(rgb, width, height, x1, y1, ch, replicate);
            dst[k + ch] = lut[(int) (val + 0.5)];
        }
    }

    private static int pixel(byte[] rgb, int width, int height, int x, int y, int ch, boolean replicate) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            if (!replicate) {
                return 0;
            }
            x = Math.min(Math.max(x, 0), width - 1);
            y = Math.min(Math.max(y, 0), height - 1);
        }
        return rgb[(y * width + x) * 3 + ch] & 0xff;
    }
}
