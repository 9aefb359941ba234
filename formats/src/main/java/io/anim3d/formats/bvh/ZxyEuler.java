package io.anim3d.formats.bvh;

/**
 * Turns a sequence of rotation matrices into ZXY Euler angles, R = Rz(z)·Rx(x)·Ry(y) acting on
 * column vectors (the order Blender, Maya and MotionBuilder read from {@code Zrotation Xrotation
 * Yrotation}), keeping the angles continuous: each frame takes whichever of the two exact
 * solutions, each shifted by a multiple of 360°, lies nearest the previous frame's angles. So
 * angles unwrap past ±180° instead of jumping, and X may leave [-90°, 90°].
 *
 * <p>At gimbal lock (cos x = 0) only z + y (x = 90°) or z − y (x = −90°) is defined; the previous
 * frame's z is kept and y takes the rest. Mutable: one instance follows one joint through one
 * file, starting from (0, 0, 0).
 */
final class ZxyEuler {
    /**
     * |cos x| below this counts as gimbal lock. z is then ill-conditioned (its error grows as
     * 1e-16 / |cos x|), so the previous z is kept; y is always solved from z (see {@link #yFor}),
     * which leaves a rotation error of at most |cos x|·π, 3e-9 rad here.
     */
    private static final double LOCK = 1e-9;
    private static final double TWO_PI = 2 * Math.PI;

    private double z;
    private double x;
    private double y;

    /**
     * The angles of {@code m} nearest the previous call's.
     *
     * @param m row-major 3×3 rotation matrix (as {@link io.anim3d.motion.Quat#toMatrix()})
     * @return {z, x, y} in radians, in file channel order
     */
    double[] next(double[] m) {
        double cx = Math.hypot(m[1], m[4]);
        double x1 = Math.atan2(m[7], cx);
        if (cx < LOCK) {
            return accept(z, unwrap(x1, x), unwrap(yFor(z, m), y));
        }
        double z1 = Math.atan2(-m[1], m[4]);
        double z2 = z1 + Math.PI;
        double[] a = {unwrap(z1, z), unwrap(x1, x), unwrap(yFor(z1, m), y)};
        double[] b = {unwrap(z2, z), unwrap(Math.PI - x1, x), unwrap(yFor(z2, m), y)};
        double[] best = distance(a) <= distance(b) ? a : b;
        return accept(best[0], best[1], best[2]);
    }

    /**
     * The y that completes {@code z}: row 0 of Rz(z)ᵀ·R equals row 0 of Rx·Ry, which is
     * (cos y, 0, sin y) whatever x is. Solving y from z (rather than from the third row, which
     * scales with cos x) keeps R exact even where z itself is poorly determined.
     */
    private static double yFor(double z, double[] m) {
        double cz = Math.cos(z), sz = Math.sin(z);
        return Math.atan2(cz * m[2] + sz * m[5], cz * m[0] + sz * m[3]);
    }

    private double distance(double[] c) {
        double dz = c[0] - z, dx = c[1] - x, dy = c[2] - y;
        return dz * dz + dx * dx + dy * dy;
    }

    private double[] accept(double nz, double nx, double ny) {
        z = nz;
        x = nx;
        y = ny;
        return new double[] {nz, nx, ny};
    }

    /** {@code angle} plus the multiple of 2π that brings it nearest {@code reference}. */
    private static double unwrap(double angle, double reference) {
        return angle + TWO_PI * Math.rint((reference - angle) / TWO_PI);
    }
}
