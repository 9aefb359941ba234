package io.anim3d.capture.vision;

import java.nio.FloatBuffer;

/**
 * Samples a rotated rectangle of an RGB24 image into a float tensor the way MediaPipe's
 * ImageToTensorCalculator does on CPU, which is OpenCV's warpPerspective with INTER_LINEAR on
 * 8-bit pixels: output pixel (u, v) samples the source at {@code topLeft + u/outW · xAxis +
 * v/outH · yAxis} (source pixel i at coordinate i), the position rounded to 1/32 pixel, the four
 * neighbours weighted in 15-bit fixed point and the result rounded back to 8 bits; then
 * {@code value · scale + offset}. Integer arithmetic makes it both exact and fast.
 */
final class ImageWarp {
    /** OpenCV's INTER_BITS: sub-pixel positions are multiples of 1/32. */
    private static final int SUBPIXEL_BITS = 5;
    private static final int SUBPIXEL = 1 << SUBPIXEL_BITS;
    /** OpenCV's INTER_REMAP_COEF_BITS: the four weights sum to 2^15. */
    private static final int WEIGHT_BITS = 15;
    private static final int WEIGHT_ROUND = 1 << (WEIGHT_BITS - 1);
    /** (2^15) / (32 · 32): scales the product of the two sub-pixel fractions to 15 bits. */
    private static final int WEIGHT_UNIT = (1 << WEIGHT_BITS) / (SUBPIXEL * SUBPIXEL);

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
        int stride = width * 3;
        out.clear();
        for (int v = 0; v < outH; v++) {
            double rowX = originX + v * dvX;
            double rowY = originY + v * dvY;
            for (int u = 0, k = 0; u < outW; u++, k += 3) {
                int fxX = (int) Math.rint((rowX + u * duX) * SUBPIXEL);
                int fxY = (int) Math.rint((rowY + u * duY) * SUBPIXEL);
                int x0 = fxX >> SUBPIXEL_BITS, y0 = fxY >> SUBPIXEL_BITS;
                int ax = fxX & (SUBPIXEL - 1), ay = fxY & (SUBPIXEL - 1);
                int w00 = (SUBPIXEL - ax) * (SUBPIXEL - ay) * WEIGHT_UNIT;
                int w01 = ax * (SUBPIXEL - ay) * WEIGHT_UNIT;
                int w10 = (SUBPIXEL - ax) * ay * WEIGHT_UNIT;
                int w11 = ax * ay * WEIGHT_UNIT;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
                    int p00 = y0 * stride + x0 * 3;
                    int p10 = p00 + stride;
                    for (int ch = 0; ch < 3; ch++) {
                        int val = w00 * (rgb[p00 + ch] & 0xff) + w01 * (rgb[p00 + 3 + ch] & 0xff)
                                + w10 * (rgb[p10 + ch] & 0xff) + w11 * (rgb[p10 + 3 + ch] & 0xff);
                        row[k + ch] = lut[(val + WEIGHT_ROUND) >> WEIGHT_BITS];
                    }
                } else {
                    for (int ch = 0; ch < 3; ch++) {
                        int val = w00 * pixel(rgb, width, height, x0, y0, ch, replicate)
                                + w01 * pixel(rgb, width, height, x0 + 1, y0, ch, replicate)
                                + w10 * pixel(rgb, width, height, x0, y0 + 1, ch, replicate)
                                + w11 * pixel(rgb, width, height, x0 + 1, y0 + 1, ch, replicate);
                        row[k + ch] = lut[(val + WEIGHT_ROUND) >> WEIGHT_BITS];
                    }
                }
            }
            out.put(row);
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
