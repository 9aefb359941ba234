package io.anim3d.formats.fbx.scene;

import io.anim3d.motion.Quat;

/**
 * Quaternion → FBX Euler angles for {@code RotationOrder} 0 (eEulerXYZ): the rotation about X is
 * applied first, so the matrix is R = Rz(z)·Ry(y)·Rx(x) for column vectors, which is also
 * Blender's {@code 'XYZ'} Euler. Of the two angle triples that give each rotation (and their
 * 360° multiples) the one nearest the previous frame's is chosen, as Blender's exporter does
 * ({@code rot_euler_compat}), so curves never jump by ±360° or flip through the other solution.
 * Not thread-safe: one instance per curve set, fed frames in order.
 */
final class EulerXyz {
    /** Below this cos(y) the X and Z axes line up (gimbal lock) and only their sum/difference is defined. */
    private static final double GIMBAL_COS = 1e-9;

    private double px;
    private double py;
    private double pz;

    /** Angles in radians (x, y, z) for {@code q}, continuous with the previous call's (zero at first). */
    double[] next(Quat q) {
        double[] m = q.normalized().toMatrix(); // row-major
        double cy = Math.hypot(m[0], m[3]);
        double y = Math.atan2(-m[6], cy);
        double x;
        double z;
        if (cy > GIMBAL_COS) {
            x = Math.atan2(m[7], m[8]);
            z = Math.atan2(m[3], m[0]);
        } else if (m[6] < 0) { // y = +90°: only x − z is defined; keep x where it was
            x = px;
            z = x - Math.atan2(m[1], m[4]);
        } else { // y = −90°: only x + z is defined
            x = px;
            z = Math.atan2(-m[1], m[4]) - x;
        }
        double[] a = {near(x, px), near(y, py), near(z, pz)};
        double[] b = {near(x + Math.PI, px), near(Math.PI - y, py), near(z + Math.PI, pz)};
        double[] best = distance(a) <= distance(b) ? a : b;
        px = best[0];
        py = best[1];
        pz = best[2];
        return best;
    }

    private double distance(double[] e) {
        return Math.abs(e[0] - px) + Math.abs(e[1] - py) + Math.abs(e[2] - pz);
    }

    /** {@code angle} plus the multiple of 2π that brings it nearest {@code reference}. */
    private static double near(double angle, double reference) {
        return angle + 2 * Math.PI * Math.rint((reference - angle) / (2 * Math.PI));
    }

    /** The quaternion of Euler XYZ angles (radians): Rz·Ry·Rx, for checking. */
    static Quat toQuat(double x, double y, double z) {
        Quat qx = new Quat(Math.cos(x / 2), Math.sin(x / 2), 0, 0);
        Quat qy = new Quat(Math.cos(y / 2), 0, Math.sin(y / 2), 0);
        Quat qz = new Quat(Math.cos(z / 2), 0, 0, Math.sin(z / 2));
        return qz.mul(qy).mul(qx);
    }
}
