package io.anim3d.capture.vision;

/**
 * The loaded detector and landmark model, immutable and shared by every tracker of a process;
 * each tracker makes its own interpreters from them.
 */
public final class PoseModels implements AutoCloseable {
    private final PoseModel variant;
    private final TfliteModel detector;
    private final TfliteModel landmarker;

    private PoseModels(PoseModel variant, TfliteModel detector, TfliteModel landmarker) {
        this.variant = variant;
        this.detector = detector;
        this.landmarker = landmarker;
    }

    /** Loads the packaged detector and the landmark model {@code variant}. */
    public static PoseModels load(PoseModel variant) {
        TfliteModel detector = TfliteModel.load(PoseModel.DETECTOR_RESOURCE);
        try {
            return new PoseModels(variant, detector, TfliteModel.load(variant.resource()));
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    public PoseModel variant() {
        return variant;
    }

    TfliteModel detector() {
        return detector;
    }

    TfliteModel landmarker() {
        return landmarker;
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
    }
}
