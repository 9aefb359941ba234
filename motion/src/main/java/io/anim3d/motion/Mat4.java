package io.anim3d.motion;

/**
 * 4×4 affine matrices as FBX and glTF store them: 16 doubles, column-major (elements 12, 13, 14 are the
 * translation), acting on column vectors. Static helpers on fresh arrays; nothing is modified in
 * place, so values can be shared.
 */
public final class Mat4 {
    private Mat4() {
    }

    public static double[] identity() {
        return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    }

    public static double[] translation(double x, double y, double z) {
        double[] m = identity();
        m[12] = x;
        m[13] = y;
        m[14] = z;
        return m;
    }

    public static double[] scaling(double x, double y, double z) {
        double[] m = identity();
        m[0] = x;
        m[5] = y;
        m[10] = z;
        return m;
    }

    /** Rotation about one axis (0 = X, 1 = Y, 2 = Z) by {@code degrees}, right-handed. */
    public static double[] rotation(int axis, double degrees) {
        double r = Math.toRadians(degrees);
        double c = Math.cos(r);
        double s = Math.sin(r);
        double[] m = identity();
        int a = (axis + 1) % 3;
        int b = (axis + 2) % 3;
        m[a * 4 + a] = c;
        m[a * 4 + b] = s;
        m[b * 4 + a] = -s;
        m[b * 4 + b] = c;
        return m;
    }

    /**
     * Euler rotation in degrees applied in FBX's {@code RotationOrder}: 0 XYZ (X first, so the
     * matrix is Rz·Ry·Rx), 1 XZY, 2 YZX, 3 YXZ, 4 ZXY, 5 ZYX; 6 (spheric XYZ) is read as XYZ.
     */
    public static double[] euler(double xDeg, double yDeg, double zDeg, int order) {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 2, 0}, {1, 0, 2}, {2, 0, 1}, {2, 1, 0}};
        int[] o = orders[order >= 0 && order < orders.length ? order : 0];
        double[] angles = {xDeg, yDeg, zDeg};
        double[] m = identity();
        for (int axis : o) {
            m = mul(rotation(axis, angles[axis]), m);
        }
        return m;
    }

    /** {@code a · b}: b is applied first. */
    public static double[] mul(double[] a, double[] b) {
        double[] r = new double[16];
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 4; row++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[k * 4 + row] * b[col * 4 + k];
                }
                r[col * 4 + row] = s;
            }
        }
        return r;
    }

    public static double[] mul(double[]... ms) {
        double[] r = ms[0];
        for (int i = 1; i < ms.length; i++) {
            r = mul(r, ms[i]);
        }
        return r;
    }

    /** The inverse of an affine matrix; null when its 3×3 part is singular. */
    public static double[] inverseAffine(double[] m) {
        double[] l = linear(m);
        double[] li = invert3(l);
        if (li == null) {
            return null;
        }
        double[] r = identity();
        for (int col = 0; col < 3; col++) {
            for (int row = 0; row < 3; row++) {
                r[col * 4 + row] = li[row * 3 + col];
            }
        }
        for (int row = 0; row < 3; row++) {
            r[12 + row] = -(li[row * 3] * m[12] + li[row * 3 + 1] * m[13] + li[row * 3 + 2] * m[14]);
        }
        return r;
    }

    public static double[] transformPoint(double[] m, double x, double y, double z) {
        return new double[] {
            m[0] * x + m[4] * y + m[8] * z + m[12],
            m[1] * x + m[5] * y + m[9] * z + m[13],
            m[2] * x + m[6] * y + m[10] * z + m[14]};
    }

    /** The 3×3 part, row-major. */
    public static double[] linear(double[] m) {
        return new double[] {m[0], m[4], m[8], m[1], m[5], m[9], m[2], m[6], m[10]};
    }

    /** Inverse of a row-major 3×3 matrix, or null when it is (nearly) singular. */
    public static double[] invert3(double[] a) {
        double det = det3(a);
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (!(Math.abs(det) > 1e-12 * scale * scale * scale) || !Double.isFinite(det)) {
            return null;
        }
        double[] r = {
            a[4] * a[8] - a[5] * a[7], a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
            a[5] * a[6] - a[3] * a[8], a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
            a[3] * a[7] - a[4] * a[6], a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3]};
        for (int i = 0; i < 9; i++) {
            r[i] /= det;
        }
        return r;
    }

    public static double det3(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    /** Row-major 3×3 times a vector. */
    public static double[] apply3(double[] a, double x, double y, double z) {
        return new double[] {
            a[0] * x + a[1] * y + a[2] * z, a[3] * x + a[4] * y + a[5] * z, a[6] * x + a[7] * y + a[8] * z};
    }

    public static boolean isFinite(double[] m) {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
