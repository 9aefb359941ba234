package io.anim3d.capture.filter;

/**
 * Exponential smoothing {@code out = α·v + (1−α)·previous}, MediaPipe's LowPassFilter: the first
 * value passes through, and the state is kept in {@code float} as MediaPipe keeps it, so that a
 * port gives the same numbers.
 */
public final class LowPassFilter {
    private boolean initialized;
    private float raw;
    private float stored;

    /** Filters {@code value} with smoothing factor {@code alpha} (1 = no smoothing, 0 = frozen). */
    public float apply(float value, float alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        float out = initialized ? alpha * value + (1 - alpha) * stored : value;
        raw = value;
        stored = out;
        initialized = true;
        return out;
    }

    public boolean initialized() {
        return initialized;
    }

    /** The last unfiltered input. */
    public float lastRaw() {
        return raw;
    }

    public void reset() {
        initialized = false;
    }
}
