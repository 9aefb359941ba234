package io.anim3d.render;

/**
 * Synthetic RGB24 frames whose content can be checked after a lossy round trip: smooth colour
 * gradients (what video codecs handle well), four flat colour patches (to catch a wrong colour
 * matrix or range), and a strip of 8 black/white blocks spelling the frame index in binary (to
 * catch dropped, repeated or reordered frames).
 */
final class TestPattern {
    static final int CODE_BITS = 8;
    /** Patch colours: red, green, blue, white; saturated so a BT.601/709 mix-up shifts them visibly. */
    static final int[] PATCH_COLOURS = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF};

    private TestPattern() {
    }

    static byte[] frame(int width, int height, int index) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 255 / Math.max(1, width - 1));
                rgb[i + 1] = (byte) (y * 255 / Math.max(1, height - 1));
                rgb[i + 2] = (byte) (128 + 100 * Math.sin(2 * Math.PI * ((double) x / width + index / 30.0)));
            }
        }
        for (int p = 0; p < PATCH_COLOURS.length; p++) {
            fill(rgb, width, patchX(width, p), patchY(height), patchSize(height), patchSize(height), PATCH_COLOURS[p]);
        }
        for (int bit = 0; bit < CODE_BITS; bit++) {
            int colour = ((index >> bit) & 1) != 0 ? 0xFFFFFF : 0x000000;
            fill(rgb, width, codeX(width, bit), 0, codeSize(width), codeSize(width), colour);
        }
        return rgb;
    }

    static int patchSize(int height) {
        return Math.max(8, height / 6);
    }

    static int patchX(int width, int p) {
        return width / 10 + p * width / 5;
    }

    static int patchY(int height) {
        return height / 2;
    }

    static int codeSize(int width) {
        return Math.max(4, width / (2 * CODE_BITS));
    }

    static int codeX(int width, int bit) {
        return bit * 2 * codeSize(width);
    }

    static void fill(byte[] rgb, int width, int x0, int y0, int w, int h, int colour) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (colour >> 16);
                rgb[i + 1] = (byte) (colour >> 8);
                rgb[i + 2] = (byte) colour;
            }
        }
    }

    /** The frame index spelled by the code strip of a decoded frame (block centres, threshold 128). */
    static int decodeIndex(byte[] rgb, int width) {
        int s = codeSize(width);
        int index = 0;
        for (int bit = 0; bit < CODE_BITS; bit++) {
            if (meanLuma(rgb, width, codeX(width, bit) + s / 4, s / 4, s / 2, s / 2) > 128) {
                index |= 1 << bit;
            }
        }
        return index;
    }

    static double meanLuma(byte[] rgb, int width, int x0, int y0, int w, int h) {
        double[] c = meanColour(rgb, width, x0, y0, w, h);
        return (c[0] + c[1] + c[2]) / 3;
    }

    static double[] meanColour(byte[] rgb, int width, int x0, int y0, int w, int h) {
        double[] sum = new double[3];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int i = (y * width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    sum[c] += rgb[i + c] & 0xff;
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            sum[c] /= (double) w * h;
        }
        return sum;
    }

    /** Mean absolute difference per byte of two equally sized RGB24 frames, in 8-bit levels. */
    static double meanAbsoluteError(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }
}
