package io.anim3d.formats.gltf;

import io.anim3d.motion.Mat4;
import java.util.List;
import java.util.Map;

/**
 * 4×4 affine matrices as glTF stores them: 16 doubles, column-major ({@code m[col * 4 + row]}),
 * for {@link GlbCharacterReader}: glTF node transforms and general inverses on top of the shared
 * {@link Mat4}. Every result is a new array.
 */
final class GltfMath {
    private GltfMath() {
    }

    static double[] identity() {
        return Mat4.identity();
    }

    static double[] mul(double[] a, double[] b) {
        return Mat4.mul(a, b);
    }

    /** The point {@code m · (x, y, z, 1)} as x, y, z. */
    static double[] point(double[] m, double x, double y, double z) {
        return Mat4.transformPoint(m, x, y, z);
    }

    /** Determinant of the upper-left 3×3 (negative for a mirroring transform). */
    static double det3(double[] m) {
        return Mat4.det3(Mat4.linear(m));
    }

    /**
     * The matrix that maps normals under {@code m}: the inverse transpose of its 3×3, returned as
     * a column-major 3×3 (9 values). Normals must be renormalised after.
     */
    static double[] normalMatrix(double[] m, String what) {
        double[] inv = inverse(m, what);
        return new double[] {inv[0], inv[4], inv[8], inv[1], inv[5], inv[9], inv[2], inv[6], inv[10]};
    }

    /** Inverse of an affine matrix (last row 0, 0, 0, 1); refuses a singular or non-finite one naming {@code what}. */
    static double[] inverse(double[] m, String what) {
        double det = det3(m);
        if (!(Math.abs(det) > 1e-30) || !Double.isFinite(det)) {
            throw new IllegalArgumentException("glTF: " + what + " is singular or not finite; it cannot be inverted");
        }
        double[] r = new double[16];
        r[0] = (m[5] * m[10] - m[9] * m[6]) / det;
        r[4] = -(m[4] * m[10] - m[8] * m[6]) / det;
        r[8] = (m[4] * m[9] - m[8] * m[5]) / det;
        r[1] = -(m[1] * m[10] - m[9] * m[2]) / det;
        r[5] = (m[0] * m[10] - m[8] * m[2]) / det;
        r[9] = -(m[0] * m[9] - m[8] * m[1]) / det;
        r[2] = (m[1] * m[6] - m[5] * m[2]) / det;
        r[6] = -(m[0] * m[6] - m[4] * m[2]) / det;
        r[10] = (m[0] * m[5] - m[4] * m[1]) / det;
        for (int row = 0; row < 3; row++) {
            r[12 + row] = -(r[row] * m[12] + r[4 + row] * m[13] + r[8 + row] * m[14]);
        }
        r[15] = 1;
        return r;
    }

    /** A node's local matrix: its {@code matrix}, or translation · rotation · scale (glTF's order). */
    static double[] local(Map<String, Object> node, String what) {
        if (node.containsKey("matrix")) {
            double[] m = numbers(node.get("matrix"), 16, what + ".matrix");
            m[3] = 0;
            m[7] = 0;
            m[11] = 0;
            m[15] = 1; // glTF node matrices are affine; ignore a stray projective row
            return m;
        }
        double[] t = node.containsKey("translation") ? numbers(node.get("translation"), 3, what + ".translation") : new double[3];
        double[] q = node.containsKey("rotation") ? numbers(node.get("rotation"), 4, what + ".rotation") : new double[] {0, 0, 0, 1};
        double[] s = node.containsKey("scale") ? numbers(node.get("scale"), 3, what + ".scale") : new double[] {1, 1, 1};
        double len = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (!(len > 1e-12)) {
            throw new IllegalArgumentException("glTF: " + what + ".rotation is not a unit quaternion");
        }
        double x = q[0] / len;
        double y = q[1] / len;
        double z = q[2] / len;
        double w = q[3] / len;
        double[] r = {
            1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w),
            2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w),
            2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y)};
        double[] m = identity();
        for (int col = 0; col < 3; col++) {
            for (int row = 0; row < 3; row++) {
                m[col * 4 + row] = r[col * 3 + row] * s[col];
            }
            m[12 + col] = t[col];
        }
        return m;
    }

    private static double[] numbers(Object v, int n, String what) {
        if (!(v instanceof List<?> list) || list.size() != n) {
            throw new IllegalArgumentException("glTF: " + what + " must be " + n + " numbers");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Double d) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("glTF: " + what + "[" + i + "] is " + list.get(i) + ", not a finite number");
            }
            out[i] = d;
        }
        return out;
    }
}
