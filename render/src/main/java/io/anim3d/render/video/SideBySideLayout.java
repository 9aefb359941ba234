package io.anim3d.render.video;

/**
 * Where the original picture and the animated character go in a rendered frame ({@code render.sbs}).
 *
 * <p>Rules: the frame is as high as the input picture (after crop and rotation) but at most
 * {@value #MAX_HEIGHT} pixels; each half has the input's aspect ratio; every size is even, as
 * H.264 in yuv420p needs. Side by side, the original is on the left and the character on the
 * right, both the same size; without it the frame is the character's half alone. Heights round
 * down to even (never upscaling an odd-height input by a row), half widths round to the nearest
 * even number, so the aspect ratio is off by at most one pixel per half.
 *
 * <p>Extreme panoramas would give frames wider than {@value #MAX_WIDTH} pixels (more than 3.5:1
 * per half at 1080): their height is lowered until the frame fits, because H.264 decoders
 * (browsers, OpenH264's level 5.2) refuse pictures beyond about 8k pixels across.
 *
 * @param width     frame width, pixels, even, at least 2
 * @param height    frame height, pixels, even, at least 2
 * @param original  where the scaled original picture goes, or null without side by side
 * @param character where the character is drawn
 */
public record SideBySideLayout(int width, int height, Rect original, Rect character) {
    /** Highest frame height, pixels: the "the input's height up to 1080". */
    public static final int MAX_HEIGHT = 1080;
    /** Widest frame, pixels (8K UHD): beyond it browsers' H.264 decoders give up. */
    public static final int MAX_WIDTH = 7680;

    /**
     * A rectangle of the frame, origin top-left.
     *
     * @param x      left column, pixels
     * @param y      top row, pixels
     * @param width  columns, at least 1
     * @param height rows, at least 1
     */
    public record Rect(int x, int y, int width, int height) {
        public Rect {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("rectangle " + width + "x" + height + " at " + x + "," + y
                        + " must have a non-negative corner and at least 1x1 pixel");
            }
        }
    }

    public SideBySideLayout {
        if (width < 2 || height < 2 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("frame size must be even and at least 2x2, got " + width + "x" + height);
        }
        if (character == null) {
            throw new IllegalArgumentException("the character rectangle is required");
        }
    }

    /**
     * The layout for an input picture of {@code sourceWidth}x{@code sourceHeight} pixels (as
     * shown: after rotation metadata and crop).
     *
     * @param sideBySide true: original left, character right; false: the character alone
     */
    public static SideBySideLayout of(int sourceWidth, int sourceHeight, boolean sideBySide) {
        if (sourceWidth < 1 || sourceHeight < 1) {
            throw new IllegalArgumentException("input picture must be at least 1x1 pixel, got " + sourceWidth + "x"
                    + sourceHeight);
        }
        double aspect = (double) sourceWidth / sourceHeight;
        int halves = sideBySide ? 2 : 1;
        int height = evenDown(Math.min(sourceHeight, MAX_HEIGHT));
        int half = evenNearest(height * aspect);
        if (half * halves > MAX_WIDTH) {
            half = evenDown(MAX_WIDTH / halves);
            height = evenDown((int) Math.min(height, Math.floor(half / aspect)));
        }
        Rect right = new Rect(sideBySide ? half : 0, 0, half, height);
        Rect left = sideBySide ? new Rect(0, 0, half, height) : null;
        return new SideBySideLayout(half * halves, height, left, right);
    }

    /** Whether the original picture is shown. */
    public boolean sideBySide() {
        return original != null;
    }

    private static int evenDown(int v) {
        return Math.max(2, v & ~1);
    }

    private static int evenNearest(double v) {
        return (int) Math.max(2, 2 * Math.round(v / 2));
    }
}
