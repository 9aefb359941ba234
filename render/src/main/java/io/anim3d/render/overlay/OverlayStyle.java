package io.anim3d.render.overlay;

/**
 * How {@link LandmarkOverlay} draws. Colours are {@code 0xRRGGBB}; sizes scale with the frame
 * height so an overlay looks the same at 360p and 4K.
 *
 * @param leftColour            bones and joints of the person's left side (MediaPipe: orange)
 * @param rightColour           the person's right side (MediaPipe: cyan)
 * @param centreColour          the nose and bones joining left to right (shoulders, hips, mouth)
 * @param outlineColour         thin dark rim around confident joints, so they stand out on light clothes
 * @param roiColour             the rectangle the landmark model looked at
 * @param lineWidthPerHeight    bone width as a fraction of the frame height; 1/270 is 4 px at 1080p
 * @param minLineWidthPx        bone width never goes below this many pixels (small frames)
 * @param jointRadiusPerLine    joint radius in bone widths; face joints are drawn at 60 % of it
 * @param visibilityThreshold   landmarks with visibility below this are "unsure": their joints
 *                              are hollow rings and every bone touching them is faded
 * @param unsureAlpha           opacity of unsure joints and bones, 0 to 1 (confident ones are opaque)
 * @param drawRoi               whether to draw the region of interest
 */
public record OverlayStyle(int leftColour, int rightColour, int centreColour, int outlineColour, int roiColour,
        double lineWidthPerHeight, double minLineWidthPx, double jointRadiusPerLine, float visibilityThreshold,
        double unsureAlpha, boolean drawRoi) {

    /** MediaPipe-like colours, 1/270 of the height wide, unsure below visibility 0.5, ROI shown. */
    public static final OverlayStyle DEFAULT = new OverlayStyle(0xFF8A00, 0x00D9E7, 0xE0E0E0, 0x202020, 0xFFE000,
            1.0 / 270, 1.5, 1.25, 0.5f, 0.45, true);

    public OverlayStyle {
        for (int c : new int[] {leftColour, rightColour, centreColour, outlineColour, roiColour}) {
            if ((c & 0xFF000000) != 0) {
                throw new IllegalArgumentException("colours are 0xRRGGBB, got 0x" + Integer.toHexString(c));
            }
        }
        if (!(lineWidthPerHeight > 0) || lineWidthPerHeight > 0.1) {
            throw new IllegalArgumentException("lineWidthPerHeight must be in (0, 0.1], got " + lineWidthPerHeight);
        }
        if (!(minLineWidthPx > 0) || minLineWidthPx > 100) {
            throw new IllegalArgumentException("minLineWidthPx must be in (0, 100], got " + minLineWidthPx);
        }
        if (!(jointRadiusPerLine > 0) || jointRadiusPerLine > 20) {
            throw new IllegalArgumentException("jointRadiusPerLine must be in (0, 20], got " + jointRadiusPerLine);
        }
        if (!(visibilityThreshold >= 0 && visibilityThreshold <= 1)) {
            throw new IllegalArgumentException("visibilityThreshold must be in [0, 1], got " + visibilityThreshold);
        }
        if (!(unsureAlpha >= 0 && unsureAlpha <= 1)) {
            throw new IllegalArgumentException("unsureAlpha must be in [0, 1], got " + unsureAlpha);
        }
    }

    public OverlayStyle withDrawRoi(boolean draw) {
        return new OverlayStyle(leftColour, rightColour, centreColour, outlineColour, roiColour, lineWidthPerHeight,
                minLineWidthPx, jointRadiusPerLine, visibilityThreshold, unsureAlpha, draw);
    }

    /** Bone width in pixels for a frame {@code frameHeight} pixels high. */
    public double lineWidthPx(int frameHeight) {
        return Math.max(minLineWidthPx, frameHeight * lineWidthPerHeight);
    }
}
