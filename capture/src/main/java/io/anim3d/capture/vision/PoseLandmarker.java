package io.anim3d.capture.vision;

import io.anim3d.motion.Roi;
import java.nio.FloatBuffer;

/**
 * BlazePose landmark model on one region of interest (MediaPipe's pose_landmark_by_roi_cpu):
 * the rotated ROI cropped to 256×256 in [0, 1] with edge replication, 39 landmarks decoded with
 * sigmoid visibility and presence, refined on the 64×64 heatmaps, projected back to the image;
 * world landmarks rotated by the ROI. Not thread-safe: one per worker thread.
 */
final class PoseLandmarker implements AutoCloseable {
    static final int INPUT_SIZE = 256;
    /** 33 body landmarks and 2 auxiliary ones (33 mid-hip, 34 body size/rotation point), then 4 unused. */
    static final int NUM_LANDMARKS = 39;
    private static final int HEATMAP_SIZE = 64;
    /** kernel_size of RefineLandmarksFromHeatmapCalculator. */
    private static final int HEATMAP_KERNEL = 7;
    /** min_confidence_to_refine (proto default). */
    private static final float HEATMAP_MIN_CONFIDENCE = 0.5f;

    private final TfliteInterpreter interpreter;
    private final float minPresence;
    private final int landmarksOutput;
    private final int flagOutput;
    private final int heatmapOutput;
    private final int worldOutput;
    private final float[] raw = new float[NUM_LANDMARKS * 5];
    private final float[] rawWorld = new float[NUM_LANDMARKS * 3];
    private final float[] heatmap = new float[HEATMAP_SIZE * HEATMAP_SIZE * NUM_LANDMARKS];
    /** Time spent cropping and in the model since construction, ns (for benchmarks). */
    long cropNanos;
    long inferenceNanos;

    /** Landmarks of one frame: image ones normalised to the image, world ones in metres. */
    record Result(float poseScore, float[] landmarks, float[] world) {
        /** Image landmark {@code i}: {x, y, z, visibility, presence} at {@code 5i}. */
        float x(int i) {
            return landmarks[5 * i];
        }

        float y(int i) {
            return landmarks[5 * i + 1];
        }
    }

    /**
     * @param minPresence min_tracking_confidence: the pose counts as present when the model's
     *                    pose score is strictly above it (0.5 in MediaPipe)
     */
    PoseLandmarker(TfliteModel model, int threads, float minPresence) {
        this.interpreter = model.newInterpreter(threads);
        this.minPresence = minPresence;
        int lm = -1, flag = -1, hm = -1, world = -1;
        for (int i = 0; i < interpreter.outputCount(); i++) {
            int n = 1;
            for (int d : interpreter.outputShape(i)) {
                n *= d;
            }
            if (n == NUM_LANDMARKS * 5) {
                lm = i;
            } else if (n == 1) {
                flag = i;
            } else if (n == heatmap.length) {
                hm = i;
            } else if (n == NUM_LANDMARKS * 3) {
                world = i;
            }
        }
        if (lm < 0 || flag < 0 || hm < 0 || world < 0) {
            throw new IllegalStateException(model.name() + " does not have the outputs of a BlazePose landmark model");
        }
        landmarksOutput = lm;
        flagOutput = flag;
        heatmapOutput = hm;
        worldOutput = world;
    }

    /** Runs the model on {@code roi}; null when the pose score says nobody is there. */
    Result run(byte[] rgb, int width, int height, Roi roi) {
        double rw = roi.width() * width, rh = roi.height() * height;
        // PadRoi for a square output: the shorter side grows, the padding is removed afterwards.
        double hpad = 0, vpad = 0, side;
        if (rh < rw) {
            side = rw;
            vpad = (1 - rh / rw) / 2;
        } else {
            side = rh;
            hpad = (1 - rw / rh) / 2;
        }
        long t0 = System.nanoTime();
        ImageWarp.warp(rgb, width, height, roi.xCenter() * width, roi.yCenter() * height, side, side, roi.rotation(),
                INPUT_SIZE, INPUT_SIZE, true, 1f / 255f, 0f, interpreter.input(0));
        long t1 = System.nanoTime();
        interpreter.run();
        cropNanos += t1 - t0;
        inferenceNanos += System.nanoTime() - t1;
        float score = interpreter.output(flagOutput).get(0);
        if (!(score > minPresence)) {
            return null;
        }
        interpreter.output(landmarksOutput).get(raw);
        interpreter.output(worldOutput).get(rawWorld);
        FloatBuffer hmBuf = interpreter.output(heatmapOutput);
        hmBuf.get(heatmap);

        float[] lms = new float[NUM_LANDMARKS * 5];
        for (int i = 0; i < NUM_LANDMARKS; i++) {
            lms[5 * i] = raw[5 * i] / INPUT_SIZE;
            lms[5 * i + 1] = raw[5 * i + 1] / INPUT_SIZE;
            lms[5 * i + 2] = raw[5 * i + 2] / INPUT_SIZE;
            lms[5 * i + 3] = sigmoid(raw[5 * i + 3]);
            lms[5 * i + 4] = sigmoid(raw[5 * i + 4]);
        }
        refineFromHeatmap(lms);
        projectToImage(lms, roi, (float) hpad, (float) vpad);
        return new Result(score, lms, projectWorld(roi));
    }

    /**
     * RefineLandmarksFromHeatmapCalculator: x and y move to the sigmoid-weighted centre of a 7×7
     * window of the landmark's heatmap when its peak reaches 0.5. Like the 2023 MediaPipe these
     * models shipped with, the bounds check compares the row with the width test ({@code col >=
     * height}); rows 64–66 are still refined from the clipped window.
     */
    private void refineFromHeatmap(float[] lms) {
        int off = (HEATMAP_KERNEL - 1) / 2;
        for (int l = 0; l < NUM_LANDMARKS; l++) {
            int col = (int) (lms[5 * l] * HEATMAP_SIZE);
            int row = (int) (lms[5 * l + 1] * HEATMAP_SIZE);
            if (col < 0 || col >= HEATMAP_SIZE || row < 0) {
                continue;
            }
            int c0 = Math.max(0, col - off), c1 = Math.min(HEATMAP_SIZE, col + off + 1);
            int r0 = Math.max(0, row - off), r1 = Math.min(HEATMAP_SIZE, row + off + 1);
            float sum = 0, wc = 0, wr = 0, max = 0;
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    float v = sigmoid(heatmap[(r * HEATMAP_SIZE + c) * NUM_LANDMARKS + l]);
                    sum += v;
                    max = Math.max(max, v);
                    wc += c * v;
                    wr += r * v;
                }
            }
            if (max >= HEATMAP_MIN_CONFIDENCE && sum > 0) {
                lms[5 * l] = wc / HEATMAP_SIZE / sum;
                lms[5 * l + 1] = wr / HEATMAP_SIZE / sum;
            }
        }
    }

    /** LandmarkLetterboxRemoval then LandmarkProjection onto the (unpadded) ROI. */
    private static void projectToImage(float[] lms, Roi roi, float hpad, float vpad) {
        float sx = 1 - 2 * hpad, sy = 1 - 2 * vpad;
        float cos = (float) Math.cos(roi.rotation()), sin = (float) Math.sin(roi.rotation());
        for (int i = 0; i < NUM_LANDMARKS; i++) {
            float x = (lms[5 * i] - hpad) / sx - 0.5f;
            float y = (lms[5 * i + 1] - vpad) / sy - 0.5f;
            float z = lms[5 * i + 2] / sx;
            lms[5 * i] = (cos * x - sin * y) * roi.width() + roi.xCenter();
            lms[5 * i + 1] = (sin * x + cos * y) * roi.height() + roi.yCenter();
            lms[5 * i + 2] = z * roi.width();
        }
    }

    /** WorldLandmarkProjection: the 33 body landmarks turned by the ROI's rotation about z. */
    private float[] projectWorld(Roi roi) {
        float cos = (float) Math.cos(roi.rotation()), sin = (float) Math.sin(roi.rotation());
        float[] world = new float[33 * 3];
        for (int i = 0; i < 33; i++) {
            float x = rawWorld[3 * i], y = rawWorld[3 * i + 1];
            world[3 * i] = cos * x - sin * y;
            world[3 * i + 1] = sin * x + cos * y;
            world[3 * i + 2] = rawWorld[3 * i + 2];
        }
        return world;
    }

    static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
