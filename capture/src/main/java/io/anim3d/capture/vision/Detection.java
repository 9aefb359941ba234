package io.anim3d.capture.vision;

/**
 * A person found by the detector: a face box and four alignment keypoints (0 mid-hip, 1 a point
 * encoding full-body size and rotation, 2 mid-shoulder, 3 upper-body size and rotation), all
 * normalised to the image.
 *
 * @param score     detection confidence, 0 to 1
 * @param keypoints {x0, y0, x1, y1, x2, y2, x3, y3}; not copied, never mutated after construction
 */
public record Detection(float score, float xmin, float ymin, float width, float height, float[] keypoints) {
    public float keypointX(int k) {
        return keypoints[2 * k];
    }

    public float keypointY(int k) {
        return keypoints[2 * k + 1];
    }
}
