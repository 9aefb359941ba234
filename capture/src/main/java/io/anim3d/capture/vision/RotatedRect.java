package io.anim3d.capture.vision;

import io.anim3d.motion.Roi;

/**
 * MediaPipe's rect calculators on normalised rectangles: AlignmentPointsRectsCalculator (a
 * rectangle from two keypoints) and RectTransformationCalculator (scale, square_long).
 */
final class RotatedRect {
    /** rotation_vector_target_angle_degrees 90 of pose_detection_to_roi / pose_landmarks_to_roi, as float. */
    private static final double TARGET_ANGLE = (float) (Math.PI * 90 / 180.0f);
    /** scale_x and scale_y of pose_detection_to_roi and pose_landmarks_to_roi. */
    static final float ROI_SCALE = 1.25f;

    private RotatedRect() {
    }

    /**
     * A rectangle centred on keypoint 0 whose side is twice the distance to keypoint 1, turned
     * so that the vector 0→1 points up. Coordinates are normalised; width and height in pixels
     * are equal.
     */
    static Roi fromAlignmentPoints(float x0n, float y0n, float x1n, float y1n, int width, int height) {
        double x0 = x0n * width, y0 = y0n * height, x1 = x1n * width, y1 = y1n * height;
        double size = 2 * Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        double rotation = normalizeRadians(TARGET_ANGLE - Math.atan2(-(y1 - y0), x1 - x0));
        return new Roi(x0n, y0n, (float) (size / width), (float) (size / height), (float) rotation);
    }

    /** square_long: the longer side in pixels on both sides, then both scaled by {@code scale}. */
    static Roi squareLongScaled(Roi r, int width, int height, float scale) {
        float longSide = Math.max(r.width() * width, r.height() * height);
        return new Roi(r.xCenter(), r.yCenter(), longSide / width * scale, longSide / height * scale, r.rotation());
    }

    /** An angle in [-π, π). */
    static double normalizeRadians(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }
}
