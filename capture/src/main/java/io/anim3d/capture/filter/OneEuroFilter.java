package io.anim3d.capture.filter;

/**
 * The One Euro filter (Casiez et al. 2012) with MediaPipe's timestamp semantics
 * ({@code util/filtering/one_euro_filter.cc} as shipped with the 2023 pose models): the
 * frequency is re-estimated from each pair of timestamps (30 Hz until two are seen), a
 * timestamp that does not increase returns the value unfiltered and changes nothing, and the
 * derivative uses the previous raw value times {@code valueScale} (1 / object size), so that the
 * speed-dependent cutoff does not depend on how large the person is in the image.
 */
public final class OneEuroFilter {
    private static final double DEFAULT_FREQUENCY = 30.0;

    private final Params params;
    private final LowPassFilter x = new LowPassFilter();
    private final LowPassFilter dx = new LowPassFilter();
    private double frequency = DEFAULT_FREQUENCY;
    private long lastTimeNanos;

    /**
     * @param minCutoff      cutoff frequency in Hz when still: lower means smoother and laggier
     *                       (0.05 Hz at 30 fps gives α ≈ 0.01)
     * @param beta           how fast the cutoff rises with speed: higher means less lag in fast moves
     * @param derivateCutoff cutoff of the speed estimate, Hz
     */
    public record Params(double minCutoff, double beta, double derivateCutoff) {
        public Params {
            if (!(minCutoff > 0) || !(beta >= 0) || !(derivateCutoff > 0)) {
                throw new IllegalArgumentException("One Euro filter needs minCutoff > 0, beta >= 0, derivateCutoff > 0; got "
                        + minCutoff + ", " + beta + ", " + derivateCutoff);
            }
        }
    }

    public OneEuroFilter(Params params) {
        this.params = params;
    }

    /**
     * @param timeNanos  timestamp of the value, nanoseconds
     * @param valueScale multiplier of the derivative (1 / object scale, or 1)
     * @param value      the new sample
     * @return the filtered value
     */
    public double apply(long timeNanos, double valueScale, double value) {
        if (lastTimeNanos >= timeNanos) {
            return value;
        }
        if (lastTimeNanos != 0 && timeNanos != 0) {
            frequency = 1e9 / (timeNanos - lastTimeNanos);
        }
        lastTimeNanos = timeNanos;
        double derivative = x.initialized() ? (value - x.lastRaw()) * valueScale * frequency : 0;
        double smoothedDerivative = dx.apply((float) derivative, alpha(params.derivateCutoff()));
        double cutoff = params.minCutoff() + params.beta() * Math.abs(smoothedDerivative);
        return x.apply((float) value, alpha(cutoff));
    }

    private float alpha(double cutoff) {
        double te = 1.0 / frequency;
        double tau = 1.0 / (2 * Math.PI * cutoff);
        return (float) (1.0 / (1.0 + tau / te));
    }
}
