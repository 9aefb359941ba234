package io.anim3d.render.scene;

/**
 * Conversions between linear light (0 to 1, where lighting is computed and samples are averaged)
 * and 8-bit sRGB (what frames hold), through tables so that a pixel costs no {@code pow}. {@link StrictMath}
 * keeps the tables identical on every machine.
 */
final class Srgb {
    /**
     * Entries of the linear → sRGB table. The sRGB curve is steepest near black (12.92×), where
     * 2<sup>14</sup> steps keep each step under a quarter of an 8-bit level, so dark suits do not band.
     */
    private static final int ENCODE_SIZE = 1 << 14;
    private static final int[] ENCODE = new int[ENCODE_SIZE + 1];
    private static final float[] DECODE = new float[256];

    static {
        for (int i = 0; i <= ENCODE_SIZE; i++) {
            ENCODE[i] = (int) Math.round(255 * encode((double) i / ENCODE_SIZE));
        }
        for (int i = 0; i < 256; i++) {
            DECODE[i] = (float) decode(i / 255.0);
        }
    }

    private Srgb() {
    }

    /** The 8-bit sRGB level of a linear value (clamped to 0..1). */
    static int toByte(double linear) {
        if (!(linear > 0)) {
            return 0;
        }
        if (linear >= 1) {
            return 255;
        }
        return ENCODE[(int) (linear * ENCODE_SIZE + 0.5)];
    }

    /** {@code 0xFFRRGGBB} of a linear colour. */
    static int toArgb(double r, double g, double b) {
        return 0xFF000000 | toByte(r) << 16 | toByte(g) << 8 | toByte(b);
    }

    /** Linear value of an 8-bit sRGB level. */
    static float toLinear(int level) {
        return DECODE[level & 0xFF];
    }

    /** Exact sRGB transfer function (IEC 61966-2-1), linear → encoded, both 0 to 1. */
    static double encode(double linear) {
        return linear <= 0.0031308 ? 12.92 * linear : 1.055 * StrictMath.pow(linear, 1 / 2.4) - 0.055;
    }

    /** Exact inverse of {@link #encode}. */
    static double decode(double encoded) {
        return encoded <= 0.04045 ? encoded / 12.92 : StrictMath.pow((encoded + 0.055) / 1.055, 2.4);
    }
}
