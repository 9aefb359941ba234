package io.anim3d.server.eval;

import io.anim3d.motion.Vec3;
import java.nio.file.Path;

/**
 * One annotated image of a 3D pose data set.
 *
 * @param joints      the dataset's joints order (names, bones, hips)
 * @param imageName   the image as named in the annotation file
 * @param image       the image file, absolute; it existed when loaded
 * @param positions   3D joint positions in the camera frame, metres: x to the image right, y down,
 *                    z along the optical axis away from the camera (OpenCV convention)
 * @param confidence  per joint, 1 when annotated and visible, 0 otherwise (S[..., 3])
 * @param keypoints2d per joint (u, v, visible): image pixels of the projected joint
 * @param center      centre of the person's box, pixels (u, v)
 * @param scale       size of the person's box / 200 px (mmpose's convention)
 */
public record GroundTruthSample(DatasetJoints joints, String imageName, Path image, Vec3[] positions,
        double[] confidence, double[][] keypoints2d, double[] center, double scale) {
    public GroundTruthSample {
        positions = positions.clone();
        confidence = confidence.clone();
        keypoints2d = deepCopy(keypoints2d);
        center = center.clone();
    }

    @Override
    public Vec3[] positions() {
        return positions.clone();
    }

    @Override
    public double[] confidence() {
        return confidence.clone();
    }

    @Override
    public double[][] keypoints2d() {
        return deepCopy(keypoints2d);
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    /** Position of the joint called {@code name}, metres, camera frame. */
    public Vec3 position(String name) {
        return positions[joints.require(name)];
    }

    /** Distance between two named joints, metres. */
    public double distance(String a, String b) {
        return position(a).distance(position(b));
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
