package io.anim3d.capture.solve;

import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.Vec3;

/**
 * Where the hips are relative to the camera: per frame, the translation t that best reprojects
 * the hip-centred world landmarks P + t onto the image landmarks through a pinhole camera
 * (focal length {@code factor × the frame's longer side}, principal point at the centre).
 * Each visible body landmark gives two linear equations in t, weighted by its visibility, solved
 * by least squares; the result is in the solver frame (X right, Y up, Z towards the camera,
 * camera at the origin looking along −Z).
 */
final class RootSolver {
    /** Body landmarks used (the face is small and its depth unreliable). */
    private static final PoseLandmark[] USED = {
        PoseLandmark.LEFT_SHOULDER, PoseLandmark.RIGHT_SHOULDER, PoseLandmark.LEFT_ELBOW, PoseLandmark.RIGHT_ELBOW,
        PoseLandmark.LEFT_WRIST, PoseLandmark.RIGHT_WRIST, PoseLandmark.LEFT_HIP, PoseLandmark.RIGHT_HIP,
        PoseLandmark.LEFT_KNEE, PoseLandmark.RIGHT_KNEE, PoseLandmark.LEFT_ANKLE, PoseLandmark.RIGHT_ANKLE,
        PoseLandmark.LEFT_HEEL, PoseLandmark.RIGHT_HEEL, PoseLandmark.LEFT_FOOT_INDEX, PoseLandmark.RIGHT_FOOT_INDEX};
    /** Depth used when the equations are degenerate (nothing visible). */
    private static final double FALLBACK_DEPTH = 3.0;

    private RootSolver() {
    }

    /** Hip-centre position per frame, metres, solver frame. */
    static Vec3[] solve(BodyFrames b, double focalLengthFactor) {
        double focal = focalLengthFactor * Math.max(b.width, b.height);
        double cx = b.width / 2.0, cy = b.height / 2.0;
        Vec3[] out = new Vec3[b.count];
        for (int f = 0; f < b.count; f++) {
            double[] ata = new double[9];
            double[] atb = new double[3];
            for (PoseLandmark l : USED) {
                int k = l.ordinal();
                double w = Math.max(0.05, b.visibility[f][k]);
                // Camera coordinates (x right, y down, z forward) from the solver frame.
                Vec3 p = b.world[f][k];
                double x = p.x(), y = -p.y(), z = -p.z();
                double du = b.u[f][k] - cx, dv = b.v[f][k] - cy;
                // focal·(x + tx) − du·(z + tz) = 0  →  [focal, 0, −du]·t = du·z − focal·x
                accumulate(ata, atb, w, focal, 0, -du, du * z - focal * x);
                accumulate(ata, atb, w, 0, focal, -dv, dv * z - focal * y);
            }
            double[] t = solve3(ata, atb);
            if (t == null || !(t[2] > 0.3)) {
                t = new double[] {0, 0, FALLBACK_DEPTH};
            }
            out[f] = new Vec3(t[0], -t[1], -t[2]);
        }
        return out;
    }

    private static void accumulate(double[] ata, double[] atb, double w, double a0, double a1, double a2, double rhs) {
        double[] a = {a0, a1, a2};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                ata[3 * i + j] += w * a[i] * a[j];
            }
            atb[i] += w * a[i] * rhs;
        }
    }

    /** Solves the 3×3 system by Cramer's rule; null when singular. */
    static double[] solve3(double[] m, double[] r) {
        double det = det(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        return new double[] {
            det(r[0], m[1], m[2], r[1], m[4], m[5], r[2], m[7], m[8]) / det,
            det(m[0], r[0], m[2], m[3], r[1], m[5], m[6], r[2], m[8]) / det,
            det(m[0], m[1], r[0], m[3], m[4], r[1], m[6], m[7], r[2]) / det};
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
