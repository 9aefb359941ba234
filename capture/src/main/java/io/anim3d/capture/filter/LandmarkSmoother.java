package io.anim3d.capture.filter;

/**
 * MediaPipe's LandmarksSmoothingCalculator with a One Euro filter per coordinate. Normalised
 * image landmarks are filtered in pixels (x·W, y·H, z·W) with the derivative divided by the
 * object's size in pixels; world landmarks (metres) are filtered as they are, without value
 * scaling. {@link #reset()} forgets everything (MediaPipe resets when the pose is lost).
 */
public final class LandmarkSmoother {
    /** min_allowed_object_scale: below it the landmarks pass through unfiltered. */
    private static final double MIN_OBJECT_SCALE = 1e-6;

    private final OneEuroFilter.Params params;
    private final boolean valueScaling;
    private OneEuroFilter[] filters;

    /**
     * @param valueScaling true for image landmarks (derivative per object size), false for
     *                     world landmarks ({@code disable_value_scaling})
     */
    public LandmarkSmoother(OneEuroFilter.Params params, boolean valueScaling) {
        this.params = params;
        this.valueScaling = valueScaling;
    }

    /**
     * Smooths normalised image landmarks in place.
     *
     * @param xyz         n × (x, y, z), normalised; overwritten with the filtered values
     * @param timeNanos   frame timestamp, ns
     * @param objectScale size of the person in pixels, or NaN to use the landmarks' bounding box
     */
    public void applyImage(float[] xyz, long timeNanos, int width, int height, double objectScale) {
        int n = xyz.length / 3;
        ensure(n);
        double scale = objectScale;
        if (Double.isNaN(scale)) {
            float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                minX = Math.min(minX, xyz[3 * i] * width);
                maxX = Math.max(maxX, xyz[3 * i] * width);
                minY = Math.min(minY, xyz[3 * i + 1] * height);
                maxY = Math.max(maxY, xyz[3 * i + 1] * height);
            }
            scale = ((maxX - minX) + (maxY - minY)) / 2;
        }
        double valueScale = 1;
        if (valueScaling) {
            if (scale < MIN_OBJECT_SCALE) {
                return;
            }
            valueScale = 1 / scale;
        }
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = (float) (filters[3 * i].apply(timeNanos, valueScale, xyz[3 * i] * width) / width);
            xyz[3 * i + 1] = (float) (filters[3 * i + 1].apply(timeNanos, valueScale, xyz[3 * i + 1] * height) / height);
            xyz[3 * i + 2] = (float) (filters[3 * i + 2].apply(timeNanos, valueScale, xyz[3 * i + 2] * width) / width);
        }
    }

    /** Smooths world landmarks (metres) in place, without value scaling. */
    public void applyWorld(float[] xyz, long timeNanos) {
        ensure(xyz.length / 3);
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) filters[i].apply(timeNanos, 1, xyz[i]);
        }
    }

    private void ensure(int n) {
        if (filters == null || filters.length != 3 * n) {
            filters = new OneEuroFilter[3 * n];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = new OneEuroFilter(params);
            }
        }
    }

    public void reset() {
        filters = null;
    }
}
