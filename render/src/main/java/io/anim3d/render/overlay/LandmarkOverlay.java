package io.anim3d.render.overlay;

import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;

/**
 * Draws a tracked pose on its video frame so users can check the tracking: the ROI the model
 * looked at, bones (MediaPipe's POSE_CONNECTIONS) coloured by body side, and joints. Landmarks
 * the model was unsure of (visibility below the style's threshold) get hollow joints and faded
 * bones. Pure Java, deterministic, well under a millisecond per 1080p frame.
 */
public final class LandmarkOverlay {
    private static final int[][] BONES = PoseLandmark.connections();
    private static final int LEFT = 1;
    private static final int RIGHT = 2;
    private static final int CENTRE = 0;
    /** Landmarks 0 to 10 are on the face: smaller joints keep eyes and mouth readable. */
    private static final int LAST_FACE_LANDMARK = PoseLandmark.MOUTH_RIGHT.ordinal();
    private static final double FACE_JOINT_SCALE = 0.6;
    private static final double ROI_LINE_SCALE = 0.5;
    private static final double ROI_ALPHA = 0.7;

    private LandmarkOverlay() {
    }

    /**
     * Draws {@code pose} into {@code rgb} in place.
     *
     * @param rgb    packed RGB24, row after row from the top, stride {@code width * 3} bytes
     * @param width  frame width in pixels; image landmark x is a fraction of it
     * @param height frame height in pixels; image landmark y is a fraction of it
     * @param pose   the landmarks of this frame, normalised to this frame; landmarks with
     *               non-finite coordinates are skipped
     */
    public static void draw(byte[] rgb, int width, int height, PoseObservation pose, OverlayStyle style) {
        if (width < 1 || height < 1 || rgb == null || rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException("need a " + width + "x" + height + " RGB24 frame of "
                    + ((long) width * height * 3) + " bytes, got " + (rgb == null ? "none" : rgb.length));
        }
        if (pose == null || style == null) {
            throw new IllegalArgumentException("pose and style are required");
        }
        CoverageRaster raster = new CoverageRaster(rgb, width, height);
        double line = style.lineWidthPx(height);
        double[] px = new double[PoseLandmark.COUNT];
        double[] py = new double[PoseLandmark.COUNT];
        boolean[] usable = new boolean[PoseLandmark.COUNT];
        for (int i = 0; i < PoseLandmark.COUNT; i++) {
            px[i] = pose.x(i) * (double) width;
            py[i] = pose.y(i) * (double) height;
            usable[i] = Double.isFinite(px[i]) && Double.isFinite(py[i]);
        }
        if (style.drawRoi()) {
            drawRoi(raster, pose.roi(), width, height, Math.max(1.0, line * ROI_LINE_SCALE) / 2, style);
        }
        for (int[] bone : BONES) {
            int a = bone[0];
            int b = bone[1];
            if (!usable[a] || !usable[b]) {
                continue;
            }
            boolean sure = sure(pose, a, style) && sure(pose, b, style);
            int colour = colour(side(a) == side(b) ? side(a) : CENTRE, style);
            raster.capsule(px[a], py[a], px[b], py[b], line / 2, colour, sure ? 1.0 : style.unsureAlpha());
        }
        for (int i = 0; i < PoseLandmark.COUNT; i++) {
            if (!usable[i]) {
                continue;
            }
            double radius = line * style.jointRadiusPerLine() * (i <= LAST_FACE_LANDMARK ? FACE_JOINT_SCALE : 1);
            int colour = colour(side(i), style);
            if (sure(pose, i, style)) {
                double rim = Math.max(1.0, line / 4);
                raster.disk(px[i], py[i], radius + rim, style.outlineColour(), 0.8);
                raster.disk(px[i], py[i], radius, colour, 1.0);
            } else {
                double ringWidth = Math.max(1.0, line / 2);
                raster.annulus(px[i], py[i], radius - ringWidth, radius, colour, style.unsureAlpha());
            }
        }
    }

    private static boolean sure(PoseObservation pose, int i, OverlayStyle style) {
        return pose.visibility(i) >= style.visibilityThreshold();
    }

    /** Which side landmark {@code i} is on: MediaPipe names say LEFT or RIGHT; the nose is centre. */
    static int side(int i) {
        String name = PoseLandmark.of(i).name();
        return name.contains("LEFT") ? LEFT : name.contains("RIGHT") ? RIGHT : CENTRE;
    }

    private static int colour(int side, OverlayStyle style) {
        return side == LEFT ? style.leftColour() : side == RIGHT ? style.rightColour() : style.centreColour();
    }

    /**
     * The ROI's four edges. Its size is normalised per axis, so the half sizes become pixels
     * before rotating; rotation is clockwise on screen (y points down).
     */
    private static void drawRoi(CoverageRaster raster, Roi roi, int width, int height, double halfLine,
            OverlayStyle style) {
        double cx = roi.xCenter() * (double) width;
        double cy = roi.yCenter() * (double) height;
        double hw = roi.width() * (double) width / 2;
        double hh = roi.height() * (double) height / 2;
        if (!(Double.isFinite(cx) && Double.isFinite(cy) && Double.isFinite(hw) && Double.isFinite(hh)
                && Float.isFinite(roi.rotation())) || hw <= 0 || hh <= 0) {
            return;
        }
        double cos = Math.cos(roi.rotation());
        double sin = Math.sin(roi.rotation());
        double[][] corners = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int k = 0; k < 4; k++) {
            xs[k] = cx + corners[k][0] * cos - corners[k][1] * sin;
            ys[k] = cy + corners[k][0] * sin + corners[k][1] * cos;
        }
        for (int k = 0; k < 4; k++) {
            int next = (k + 1) % 4;
            raster.capsule(xs[k], ys[k], xs[next], ys[next], halfLine, style.roiColour(), ROI_ALPHA);
        }
    }
}
