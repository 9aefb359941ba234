package io.anim3d.capture.vision;

import io.anim3d.capture.filter.LandmarkSmoother;
import io.anim3d.capture.filter.OneEuroFilter;
import io.anim3d.capture.filter.VisibilitySmoother;
import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;
import java.util.List;

/**
 * MediaPipe's pose_landmark_cpu graph for one person: detection on the first frame and
 * whenever the pose is lost, otherwise the ROI predicted from the previous frame's smoothed
 * auxiliary landmarks; landmark model on the ROI; One Euro smoothing of image and world
 * landmarks and low-pass smoothing of visibility with MediaPipe's parameters.
 *
 * <p>Not thread-safe and stateful across frames: one tracker per video per thread, frames in
 * time order.
 */
public final class PoseTracker implements AutoCloseable {
    /** Landmarks: min_cutoff 0.05 Hz gives α ≈ 0.01 when still at 30 fps; beta 80 keeps fast moves sharp. */
    static final OneEuroFilter.Params LANDMARK_FILTER = new OneEuroFilter.Params(0.05, 80.0, 1.0);
    /** World landmarks, filtered in metres without value scaling. */
    static final OneEuroFilter.Params WORLD_FILTER = new OneEuroFilter.Params(0.1, 40.0, 1.0);
    /** Auxiliary landmarks (ROI of the next frame): heavier smoothing keeps the crop steady. */
    static final OneEuroFilter.Params AUX_FILTER = new OneEuroFilter.Params(0.01, 10.0, 1.0);
    /** alpha of the visibility low-pass filters. */
    static final float VISIBILITY_ALPHA = 0.1f;

    /**
     * @param staticImageMode      run the detector on every frame and smooth nothing (unrelated images)
     * @param smoothLandmarks      One Euro smoothing of landmarks and world landmarks (MediaPipe default on)
     * @param minDetectionConfidence detector score threshold, 0 to 1 (0.5)
     * @param minTrackingConfidence  pose score above which tracking continues; below it the
     *                               detector runs again on the next frame (0.5)
     * @param threads              TensorFlow Lite threads per model
     */
    public record Options(boolean staticImageMode, boolean smoothLandmarks, float minDetectionConfidence,
                          float minTrackingConfidence, int threads) {
        /**
         * Video: one inference thread. Decoding runs beside it on its own thread, and on two cores
         * that gives more frames per second (85 against 82 for the 1080p benchmark clip) than two
         * inference threads fighting the decoder for the cores.
         */
        public static final Options VIDEO = new Options(false, true, 0.5f, 0.5f, 1);
        /** A still image: nothing to overlap with, so two inference threads. */
        public static final Options STILL = new Options(true, false, 0.5f, 0.5f, 2);

        public Options {
            if (!(minDetectionConfidence >= 0 && minDetectionConfidence <= 1)
                    || !(minTrackingConfidence >= 0 && minTrackingConfidence <= 1)) {
                throw new IllegalArgumentException("confidences must be in [0, 1]");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }

        public Options withThreads(int n) {
            return new Options(staticImageMode, smoothLandmarks, minDetectionConfidence, minTrackingConfidence, n);
        }
    }

    /** Time spent in each stage since the tracker was made, nanoseconds (for benchmarks). */
    public record StageTimes(long detectNanos, long detections, long landmarkNanos, long landmarkRuns, long smoothNanos,
                             long cropNanos, long inferenceNanos) {
    }

    private final Options options;
    private final PoseDetector detector;
    private final PoseLandmarker landmarker;
    private final LandmarkSmoother landmarkSmoother = new LandmarkSmoother(LANDMARK_FILTER, true);
    private final LandmarkSmoother worldSmoother = new LandmarkSmoother(WORLD_FILTER, false);
    private final LandmarkSmoother auxSmoother = new LandmarkSmoother(AUX_FILTER, true);
    private final VisibilitySmoother visibilitySmoother = new VisibilitySmoother(VISIBILITY_ALPHA);
    private final VisibilitySmoother auxVisibilitySmoother = new VisibilitySmoother(VISIBILITY_ALPHA);
    private Roi previousRoi;
    private long detectNanos, detections, landmarkNanos, landmarkRuns, smoothNanos;

    public PoseTracker(PoseModels models, Options options) {
        this.options = options;
        this.detector = new PoseDetector(models.detector(), options.threads(), options.minDetectionConfidence());
        try {
            this.landmarker = new PoseLandmarker(models.landmarker(), options.threads(), options.minTrackingConfidence());
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /**
     * Tracks the person in one frame.
     *
     * @param rgb         packed RGB24, stride {@code width·3}
     * @param timeSeconds frame time; must increase from call to call in video mode
     * @return the pose, or null when nobody is found
     */
    public PoseObservation process(byte[] rgb, int width, int height, double timeSeconds) {
        long timeNanos = Math.round(timeSeconds * 1e6) * 1000L;
        Roi roi = options.staticImageMode() ? null : previousRoi;
        previousRoi = null;
        PoseLandmarker.Result result = null;
        if (roi != null) {
            result = runLandmarker(rgb, width, height, roi);
        } else {
            long t0 = System.nanoTime();
            List<Detection> dets = detector.detect(rgb, width, height);
            detectNanos += System.nanoTime() - t0;
            detections++;
            if (!dets.isEmpty()) {
                Detection d = dets.get(0);
                roi = RotatedRect.squareLongScaled(RotatedRect.fromAlignmentPoints(d.keypointX(0), d.keypointY(0),
                        d.keypointX(1), d.keypointY(1), width, height), width, height, RotatedRect.ROI_SCALE);
                result = runLandmarker(rgb, width, height, roi);
            }
        }
        long t0 = System.nanoTime();
        try {
            if (result == null) {
                // The image-space smoothers see the missing pose and start over; the others resume later.
                landmarkSmoother.reset();
                auxSmoother.reset();
                return null;
            }
            return smoothAndPredict(result, roi, width, height, timeNanos);
        } finally {
            smoothNanos += System.nanoTime() - t0;
        }
    }

    private PoseLandmarker.Result runLandmarker(byte[] rgb, int width, int height, Roi roi) {
        long t0 = System.nanoTime();
        try {
            return landmarker.run(rgb, width, height, roi);
        } finally {
            landmarkNanos += System.nanoTime() - t0;
            landmarkRuns++;
        }
    }

    private PoseObservation smoothAndPredict(PoseLandmarker.Result r, Roi roi, int width, int height, long timeNanos) {
        int n = PoseLandmark.COUNT;
        float[] image = new float[3 * n];
        float[] visibility = new float[n];
        float[] presence = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(r.landmarks(), 5 * i, image, 3 * i, 3);
            visibility[i] = r.landmarks()[5 * i + 3];
            presence[i] = r.landmarks()[5 * i + 4];
        }
        float[] aux = {r.x(33), r.y(33), r.landmarks()[5 * 33 + 2], r.x(34), r.y(34), r.landmarks()[5 * 34 + 2]};
        float[] auxVisibility = {r.landmarks()[5 * 33 + 3], r.landmarks()[5 * 34 + 3]};
        float[] world = r.world();

        // Object scale for the image filters: the unscaled rect of the raw auxiliary landmarks.
        Roi scaleRoi = RotatedRect.fromAlignmentPoints(aux[0], aux[1], aux[3], aux[4], width, height);
        double objectScale = (scaleRoi.width() * width + scaleRoi.height() * height) / 2.0;
        if (options.smoothLandmarks() && !options.staticImageMode()) {
            visibilitySmoother.apply(visibility);
            landmarkSmoother.applyImage(image, timeNanos, width, height, objectScale);
            worldSmoother.applyWorld(world, timeNanos);
        }
        // The auxiliary landmarks are always smoothed: they steer the next frame's crop.
        auxVisibilitySmoother.apply(auxVisibility);
        auxSmoother.applyImage(aux, timeNanos, width, height, objectScale);
        previousRoi = RotatedRect.squareLongScaled(RotatedRect.fromAlignmentPoints(aux[0], aux[1], aux[3], aux[4],
                width, height), width, height, RotatedRect.ROI_SCALE);
        return new PoseObservation(image, world, visibility, presence, roi);
    }

    public StageTimes stageTimes() {
        return new StageTimes(detectNanos, detections, landmarkNanos, landmarkRuns, smoothNanos, landmarker.cropNanos,
                landmarker.inferenceNanos);
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
    }
}
