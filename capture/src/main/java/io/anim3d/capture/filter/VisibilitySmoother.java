package io.anim3d.capture.filter;

/** MediaPipe's VisibilitySmoothingCalculator: a low-pass filter per landmark's visibility. */
public final class VisibilitySmoother {
    private final float alpha;
    private LowPassFilter[] filters;

    /** @param alpha weight of the new value, 0.1 in MediaPipe's pose graph */
    public VisibilitySmoother(float alpha) {
        this.alpha = alpha;
    }

    /** Smooths {@code visibility} in place. */
    public void apply(float[] visibility) {
        if (filters == null || filters.length != visibility.length) {
            filters = new LowPassFilter[visibility.length];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = new LowPassFilter();
            }
        }
        for (int i = 0; i < visibility.length; i++) {
            visibility[i] = filters[i].apply(visibility[i], alpha);
        }
    }

    public void reset() {
        filters = null;
    }
}
