package io.anim3d.motion.metrics;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. Jacobi is slow for
 * big matrices but unconditionally stable and accurate to machine precision for the 4×4 matrices
 * of Horn's absolute-orientation method, including repeated eigenvalues.
 */
final class JacobiEigen {
    private static final int MAX_SWEEPS = 64;

    /** Eigenvalues (unsorted) and the matching unit eigenvectors, {@code vectors[k]} for {@code values[k]}. */
    record Result(double[] values, double[][] vectors) {
        /** The unit eigenvector of the largest eigenvalue. */
        double[] largestVector() {
            int best = 0;
            for (int k = 1; k < values.length; k++) {
                if (values[k] > values[best]) {
                    best = k;
                }
            }
            return vectors[best].clone();
        }

        double largestValue() {
            double best = values[0];
            for (double v : values) {
                best = Math.max(best, v);
            }
            return best;
        }
    }

    private JacobiEigen() {
    }

    /** Decomposes the symmetric matrix {@code m} (n × n, row-major; only read, not changed). */
    static Result decompose(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) {
                throw new IllegalArgumentException("matrix must be square, row " + i + " has " + m[i].length + " of " + n);
            }
            a[i] = m[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double scale = 0;
        for (double[] row : a) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && scale > 0; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (Math.sqrt(off) <= 1e-15 * scale) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) > 1e-300) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[k][k];
            for (int i = 0; i < n; i++) {
                vectors[k][i] = v[i][k];
            }
        }
        return new Result(values, vectors);
    }

    /** One Jacobi rotation zeroing a[p][q]; accumulates the rotation into the columns of v. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        // The smaller root of t² + 2θt − 1 = 0 keeps the rotation angle ≤ 45° (numerically stable).
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
