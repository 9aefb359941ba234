package io.anim3d.formats.fbx.scene;

/**
 * FBX time: KTime ticks and the {@code GlobalSettings.TimeMode} enum of FBX 7.x.
 */
final class FbxTime {
    /** KTime ticks per second in FBX before 7.7 (and 7.7 with TCDefinition 127). */
    static final long KTIME_PER_SECOND = 46_186_158_000L;
    /** {@code TimeMode} for a rate with no enum of its own: the rate goes in CustomFrameRate. */
    static final int MODE_CUSTOM = 14;

    /** Rates with their own TimeMode (Blender's FBX_FRAMERATES), NTSC rates as exact fractions. */
    private static final double[][] MODES = {
        {120, 1}, {100, 2}, {60, 3}, {50, 4}, {48, 5}, {30, 6}, {30 / 1.001, 9}, {25, 10}, {24, 11},
        {24 / 1.001, 13}, {96, 15}, {72, 16}, {60 / 1.001, 17}, {120 / 1.001, 18},
    };
    /**
     * A rate within this many frames per second of an enum rate takes that enum: 29.97 (as users
     * type it) is 30/1.001 = 29.97003 to 3e-5, while the nearest distinct rates are 0.03 apart.
     */
    private static final double MODE_TOLERANCE_FPS = 1e-3;

    private FbxTime() {
    }

    /** KTime of {@code frame} at {@code frameRate} frames per second (rounded to the nearest tick). */
    static long ktime(int frame, double frameRate) {
        return Math.round(frame / frameRate * KTIME_PER_SECOND);
    }

    /** The TimeMode enum for {@code frameRate}, or {@link #MODE_CUSTOM}. */
    static int timeMode(double frameRate) {
        for (double[] m : MODES) {
            if (Math.abs(m[0] - frameRate) <= MODE_TOLERANCE_FPS) {
                return (int) m[1];
            }
        }
        return MODE_CUSTOM;
    }
}
