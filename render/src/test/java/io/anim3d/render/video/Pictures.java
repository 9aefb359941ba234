package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.render.video.SideBySideLayout.Rect;

/** Measurements on packed RGB24 pictures that survive lossy encoding: mean colours of areas. */
final class Pictures {
    /** Cells per side of the grid whose mean colours compare a scaled picture with its source. */
    static final int GRID = 12;
    /** Flat test colours may move this much per channel through yuv420p H.264 at 0.1 bit/pixel (or JPEG). */
    static final double FLAT_TOLERANCE = 10;

    private Pictures() {
    }

    /** Mean R, G, B of the {@code w}x{@code h} area at {@code x0},{@code y0}. */
    static double[] mean(byte[] rgb, int stride, int x0, int y0, int w, int h) {
        double[] sum = new double[3];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int i = (y * stride + x) * 3;
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

    /**
     * Mean colours of a {@value #GRID}x{@value #GRID} grid of cells over a rectangle: nearly the
     * same for a picture and any good scaled copy of it, whatever the scaling filter.
     */
    static double[] grid(byte[] rgb, int stride, Rect r) {
        double[] out = new double[GRID * GRID * 3];
        for (int gy = 0; gy < GRID; gy++) {
            for (int gx = 0; gx < GRID; gx++) {
                int x0 = r.x() + gx * r.width() / GRID;
                int x1 = r.x() + (gx + 1) * r.width() / GRID;
                int y0 = r.y() + gy * r.height() / GRID;
                int y1 = r.y() + (gy + 1) * r.height() / GRID;
                double[] m = mean(rgb, stride, x0, y0, x1 - x0, y1 - y0);
                System.arraycopy(m, 0, out, (gy * GRID + gx) * 3, 3);
            }
        }
        return out;
    }

    /** Mean absolute difference of two grids, 8-bit levels. */
    static double difference(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /**
     * Asserts that the character's rectangle of a decoded frame shows {@link TestCharacter}'s
     * frame {@code frame}: background in a corner, the disc at its centre for this frame, and
     * background where the disc is in the mirrored position.
     */
    static void assertCharacter(byte[] rgb, int stride, Rect r, int frame, TestCharacter character, String where) {
        int radius = TestCharacter.radius(r.height());
        int patch = Math.max(2, radius / 2);
        int cx = character.centreX(frame, r.width());
        int cy = r.height() / 2;
        assertColour(rgb, stride, r.x() + r.width() / 20, r.y() + r.height() / 20, patch, TestCharacter.BACKGROUND,
                where + ": background in the character's top-left corner");
        assertColour(rgb, stride, r.x() + cx - patch / 2, r.y() + cy - patch / 2, patch, TestCharacter.DISC,
                where + ": disc at x=" + cx + " of the character's half");
        int mirrored = r.width() - cx;
        if (Math.abs(mirrored - cx) > 3 * radius) {
            assertColour(rgb, stride, r.x() + mirrored - patch / 2, r.y() + cy - patch / 2, patch,
                    TestCharacter.BACKGROUND, where + ": no disc at the mirrored x=" + mirrored);
        }
    }

    static void assertColour(byte[] rgb, int stride, int x0, int y0, int size, int colour, String what) {
        double[] m = mean(rgb, stride, x0, y0, size, size);
        for (int c = 0; c < 3; c++) {
            int expected = (colour >> (16 - 8 * c)) & 0xff;
            assertTrue(Math.abs(m[c] - expected) <= FLAT_TOLERANCE, () -> what + ": mean RGB (" + Math.round(m[0]) + ", " + Math.round(m[1]) + ", " + Math.round(m[2])
                    + ") differs from " + String.format("#%06X", colour) + " by more than " + FLAT_TOLERANCE + " levels");
        }
    }
}
