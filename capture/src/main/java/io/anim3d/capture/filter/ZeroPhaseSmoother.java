package io.anim3d.capture.filter;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;

/**
 * Offline zero-phase smoothing with a Gaussian kernel (symmetric, so no lag), for signals whose
 * whole length is known. A Gaussian with standard deviation σ seconds halves a sine's amplitude
 * at {@code f = sqrt(2·ln 2) / (2π·σ)}; {@link #sigmaForCutoff} gives σ for a −6 dB cutoff.
 * Ends are handled by renormalising the truncated kernel (no padding artefacts).
 */
public final class ZeroPhaseSmoother {
    private final double[] kernel;
    private final int radius;

    /** @param sigmaFrames standard deviation of the kernel in frames; 0 means no smoothing */
    public ZeroPhaseSmoother(double sigmaFrames) {
        if (!(sigmaFrames >= 0) || !Double.isFinite(sigmaFrames)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigmaFrames);
        }
        radius = (int) Math.ceil(3 * sigmaFrames);
        kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = sigmaFrames == 0 ? 1 : Math.exp(-0.5 * i * i / (sigmaFrames * sigmaFrames));
        }
    }

    /** σ in frames for a filter that halves the amplitude at {@code cutoffHz}, at {@code frameRate}. */
    public static double sigmaForCutoff(double cutoffHz, double frameRate) {
        if (!Double.isFinite(cutoffHz)) {
            return 0;
        }
        return Math.sqrt(2 * Math.log(2)) / (2 * Math.PI * cutoffHz) * frameRate;
    }

    /** Smoothed copy of {@code values}. */
    public double[] apply(double[] values) {
        int n = values.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0, weight = 0;
            for (int k = Math.max(-radius, -i); k <= Math.min(radius, n - 1 - i); k++) {
                double w = kernel[k + radius];
                sum += w * values[i + k];
                weight += w;
            }
            out[i] = sum / weight;
        }
        return out;
    }

    /** Smoothed copy of a vector signal. */
    public Vec3[] apply(Vec3[] values) {
        int n = values.length;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = values[i].x();
            y[i] = values[i].y();
            z[i] = values[i].z();
        }
        x = apply(x);
        y = apply(y);
        z = apply(z);
        Vec3[] out = new Vec3[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Vec3(x[i], y[i], z[i]);
        }
        return out;
    }

    /**
     * Smoothed copy of a rotation signal: components are put on one hemisphere frame to frame,
     * averaged with the kernel and renormalised (accurate for the small frame-to-frame changes of
     * motion capture).
     */
    public Quat[] apply(Quat[] values) {
        int n = values.length;
        double[][] c = new double[4][n];
        Quat prev = null;
        for (int i = 0; i < n; i++) {
            Quat q = prev == null ? values[i] : values[i].alignedWith(prev);
            prev = q;
            c[0][i] = q.w();
            c[1][i] = q.x();
            c[2][i] = q.y();
            c[3][i] = q.z();
        }
        for (int k = 0; k < 4; k++) {
            c[k] = apply(c[k]);
        }
        Quat[] out = new Quat[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Quat(c[0][i], c[1][i], c[2][i], c[3][i]).normalized();
        }
        return out;
    }
}
