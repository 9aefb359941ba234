package io.anim3d.formats.character;

import java.util.Arrays;

/**
 * The joint influences of one vertex: at most {@link Mesh#INFLUENCES} joints with weights
 * summing to 1, strongest first (ties by joint index, so output is deterministic). Immutable.
 */
final class Skin {
    private final int[] joints;
    private final double[] weights;

    private Skin(int[] joints, double[] weights) {
        this.joints = joints;
        this.weights = weights;
    }

    /** Fully bound to one joint. */
    static Skin of(int joint) {
        return new Skin(new int[] {joint}, new double[] {1});
    }

    /** {@code a} at t = 0, {@code b} at t = 1, linear in between. */
    static Skin blend(Skin a, Skin b, double t) {
        if (t <= 0) {
            return a;
        }
        if (t >= 1) {
            return b;
        }
        int[] js = new int[a.joints.length + b.joints.length];
        double[] ws = new double[js.length];
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            Skin s = pass == 0 ? a : b;
            double f = pass == 0 ? 1 - t : t;
            for (int k = 0; k < s.joints.length; k++) {
                int found = -1;
                for (int m = 0; m < n; m++) {
                    if (js[m] == s.joints[k]) {
                        found = m;
                    }
                }
                if (found < 0) {
                    js[n] = s.joints[k];
                    found = n++;
                }
                ws[found] += f * s.weights[k];
            }
        }
        return normalised(Arrays.copyOf(js, n), Arrays.copyOf(ws, n));
    }

    /** Keeps the strongest four influences and rescales them to sum to 1. */
    private static Skin normalised(int[] js, double[] ws) {
        Integer[] order = new Integer[js.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> ws[p] != ws[q] ? Double.compare(ws[q], ws[p]) : Integer.compare(js[p], js[q]));
        int n = Math.min(Mesh.INFLUENCES, order.length);
        while (n > 1 && ws[order[n - 1]] <= 1e-6) {
            n--;
        }
        int[] j = new int[n];
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            j[i] = js[order[i]];
            w[i] = ws[order[i]];
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return new Skin(j, w);
    }

    /**
     * Skin along a chain of joints lying at increasing positions along an axis: joint i owns
     * [position i, position i+1); around each joint after the first, within ±band, the weight
     * passes smoothly from the previous joint to it, so the skin bends over the band instead of
     * folding at one ring. The last joint owns everything past it, so pass a chain that stops
     * before any end joint.
     */
    static Skin chain(int[] chainJoints, double[] positions, double[] bands, double t) {
        int owner = 0;
        for (int i = 1; i < chainJoints.length; i++) {
            if (t >= positions[i] - bands[i]) {
                owner = i;
            }
        }
        if (owner == 0) {
            return of(chainJoints[0]);
        }
        double band = bands[owner];
        double s = band <= 0 ? (t >= positions[owner] ? 1 : 0) : smoothstep((t - positions[owner] + band) / (2 * band));
        return blend(of(chainJoints[owner - 1]), of(chainJoints[owner]), s);
    }

    static double smoothstep(double x) {
        double c = Math.max(0, Math.min(1, x));
        return c * c * (3 - 2 * c);
    }

    /** Writes this skin into slot {@code vertex} of mesh-style joint and weight arrays. */
    void write(int[] jointsOut, float[] weightsOut, int vertex) {
        for (int k = 0; k < Mesh.INFLUENCES; k++) {
            boolean used = k < joints.length;
            jointsOut[Mesh.INFLUENCES * vertex + k] = used ? joints[k] : 0;
            weightsOut[Mesh.INFLUENCES * vertex + k] = used ? (float) weights[k] : 0f;
        }
    }
}
