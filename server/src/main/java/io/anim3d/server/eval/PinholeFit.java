package io.anim3d.server.eval;

import io.anim3d.motion.Vec3;

/**
 * A pinhole camera u = fx·x/z + cx, v = fy·y/z + cy fitted by least squares to a sample's 3D
 * joints and their 2D keypoints (visible joints only). The ground truth files carry no
 * intrinsics outside Python pickles; this recovers them, and its small residual is the evidence
 * that {@code S} is in the camera frame of {@code part}.
 *
 * @param fx focal length along u, pixels
 * @param fy focal length along v, pixels
 * @param cx principal point u, pixels
 * @param cy principal point v, pixels
 * @param maxResidualPixels the largest reprojection error of a fitted joint, pixels
 */
public record PinholeFit(double fx, double fy, double cx, double cy, double maxResidualPixels) {
    /** Fits the camera; needs at least two visible joints at different x/z and y/z. */
    public static PinholeFit of(GroundTruthSample sample) {
        Vec3[] p = sample.positions();
        double[][] kp = sample.keypoints2d();
        double[] confidence = sample.confidence();
        double[] u = line(p, kp, confidence, 0);
        double[] v = line(p, kp, confidence, 1);
        double worst = 0;
        for (int j = 0; j < p.length; j++) {
            if (confidence[j] > 0 && kp[j][2] > 0) {
                double du = u[0] * p[j].x() / p[j].z() + u[1] - kp[j][0];
                double dv = v[0] * p[j].y() / p[j].z() + v[1] - kp[j][1];
                worst = Math.max(worst, Math.hypot(du, dv));
            }
        }
        return new PinholeFit(u[0], v[0], u[1], v[1], worst);
    }

    /** Least-squares line pixel = f·ratio + c over the visible joints; axis 0 for u, 1 for v. */
    private static double[] line(Vec3[] p, double[][] kp, double[] confidence, int axis) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int j = 0; j < p.length; j++) {
            if (confidence[j] > 0 && kp[j][2] > 0) {
                double x = (axis == 0 ? p[j].x() : p[j].y()) / p[j].z();
                double y = kp[j][axis];
                n++;
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
        }
        double det = n * sxx - sx * sx;
        if (n < 2 || Math.abs(det) < 1e-18) {
            throw new IllegalArgumentException("fitting a camera needs two visible joints at different image positions, got "
                    + (int) n + " visible of " + p.length);
        }
        double f = (n * sxy - sx * sy) / det;
        return new double[] {f, (sy - f * sx) / n};
    }
}
