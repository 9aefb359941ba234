package io.anim3d.capture.vision;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * BlazePose person detector (MediaPipe's pose_detection_cpu graph): the image letterboxed to
 * 224×224 in [-1, 1], SSD box decoding on 2254 anchors, sigmoid scores clipped at ±100,
 * weighted non-maximum suppression at IoU 0.3, letterbox removed. Not thread-safe: one per
 * worker thread.
 */
final class PoseDetector implements AutoCloseable {
    static final int INPUT_SIZE = 224;
    private static final int NUM_BOXES = 2254;
    private static final int NUM_COORDS = 12;
    private static final int NUM_KEYPOINTS = 4;
    private static final float SCORE_CLIP = 100f;
    private static final float NMS_IOU = 0.3f;

    private final TfliteInterpreter interpreter;
    private final float minScore;
    private final float[] anchors = SsdAnchors.poseDetectorCentres();
    private final float[] boxes = new float[NUM_BOXES * NUM_COORDS];
    private final float[] logits = new float[NUM_BOXES];
    private final int boxesOutput;
    private final int scoresOutput;

    /**
     * @param minScore min_detection_confidence: detections scoring below it are dropped (0.5 in MediaPipe)
     */
    PoseDetector(TfliteModel model, int threads, float minScore) {
        this.interpreter = model.newInterpreter(threads);
        this.minScore = minScore;
        if (anchors.length != 2 * NUM_BOXES) {
            throw new IllegalStateException("anchor generation gave " + anchors.length / 2 + " anchors, expected " + NUM_BOXES);
        }
        // Outputs: boxes [1, 2254, 12] and score logits [1, 2254, 1]; find them by shape.
        int b = -1, s = -1;
        for (int i = 0; i < interpreter.outputCount(); i++) {
            int[] shape = interpreter.outputShape(i);
            int last = shape[shape.length - 1];
            if (last == NUM_COORDS) {
                b = i;
            } else if (last == 1) {
                s = i;
            }
        }
        if (b < 0 || s < 0) {
            throw new IllegalStateException(model.name() + " does not have the expected box and score outputs");
        }
        boxesOutput = b;
        scoresOutput = s;
    }

    /** All detections after NMS, best first, normalised to the image. Empty when nobody is found. */
    List<Detection> detect(byte[] rgb, int width, int height) {
        // PadRoi with keep_aspect_ratio: the whole image in a square, padding split evenly.
        double side = Math.max(width, height);
        float hpad = (float) ((1 - width / side) / 2);
        float vpad = (float) ((1 - height / side) / 2);
        ImageWarp.warp(rgb, width, height, width / 2.0, height / 2.0, side, side, 0, INPUT_SIZE, INPUT_SIZE,
                false, 2f / 255f, -1f, interpreter.input(0));
        interpreter.run();
        interpreter.output(boxesOutput).get(boxes);
        interpreter.output(scoresOutput).get(logits);
        List<Detection> raw = decode();
        List<Detection> merged = weightedNms(raw);
        List<Detection> out = new ArrayList<>(merged.size());
        for (Detection d : merged) {
            out.add(removeLetterbox(d, hpad, vpad));
        }
        return out;
    }

    private List<Detection> decode() {
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < NUM_BOXES; i++) {
            float logit = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, logits[i]));
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < minScore) {
                continue;
            }
            int o = i * NUM_COORDS;
            float ax = anchors[2 * i], ay = anchors[2 * i + 1];
            // reverse_output_order: x, y, w, h in pixels of the input, relative to the anchor.
            float xc = boxes[o] / INPUT_SIZE + ax;
            float yc = boxes[o + 1] / INPUT_SIZE + ay;
            float w = boxes[o + 2] / INPUT_SIZE;
            float h = boxes[o + 3] / INPUT_SIZE;
            float xmin = xc - w / 2, ymin = yc - h / 2, xmax = xc + w / 2, ymax = yc + h / 2;
            float bw = xmax - xmin, bh = ymax - ymin;
            if (bw < 0 || bh < 0 || Float.isNaN(bw) || Float.isNaN(bh)) {
                continue;
            }
            float[] kp = new float[2 * NUM_KEYPOINTS];
            for (int k = 0; k < NUM_KEYPOINTS; k++) {
                kp[2 * k] = boxes[o + 4 + 2 * k] / INPUT_SIZE + ax;
                kp[2 * k + 1] = boxes[o + 5 + 2 * k] / INPUT_SIZE + ay;
            }
            out.add(new Detection(score, xmin, ymin, bw, bh, kp));
        }
        return out;
    }

    /**
     * MediaPipe's WEIGHTED non-maximum suppression: each cluster (IoU above 0.3 with its best
     * member) becomes one detection whose box and keypoints are the score-weighted means and
     * whose score is the best member's. Ties keep index order (stable sort) for determinism.
     */
    static List<Detection> weightedNms(List<Detection> dets) {
        List<Detection> remaining = new ArrayList<>(dets);
        remaining.sort(Comparator.comparingDouble((Detection d) -> d.score()).reversed());
        List<Detection> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Detection seed = remaining.get(0);
            List<Detection> cluster = new ArrayList<>();
            List<Detection> rest = new ArrayList<>();
            for (Detection d : remaining) {
                (iou(d, seed) > NMS_IOU ? cluster : rest).add(d);
            }
            out.add(cluster.isEmpty() ? seed : weightedMean(seed, cluster));
            if (rest.size() == remaining.size()) {
                break;
            }
            remaining = rest;
        }
        return out;
    }

    private static Detection weightedMean(Detection seed, List<Detection> cluster) {
        float total = 0, xmin = 0, ymin = 0, xmax = 0, ymax = 0;
        float[] kp = new float[seed.keypoints().length];
        for (Detection d : cluster) {
            float s = d.score();
            total += s;
            xmin += s * d.xmin();
            ymin += s * d.ymin();
            xmax += s * (d.xmin() + d.width());
            ymax += s * (d.ymin() + d.height());
            for (int k = 0; k < kp.length; k++) {
                kp[k] += s * d.keypoints()[k];
            }
        }
        for (int k = 0; k < kp.length; k++) {
            kp[k] /= total;
        }
        xmin /= total;
        ymin /= total;
        xmax /= total;
        ymax /= total;
        return new Detection(seed.score(), xmin, ymin, xmax - xmin, ymax - ymin, kp);
    }

    static float iou(Detection a, Detection b) {
        float ax1 = a.xmin() + a.width(), ay1 = a.ymin() + a.height();
        float bx1 = b.xmin() + b.width(), by1 = b.ymin() + b.height();
        boolean emptyA = a.width() <= 0 || a.height() <= 0, emptyB = b.width() <= 0 || b.height() <= 0;
        if (emptyA || emptyB || bx1 < a.xmin() || ax1 < b.xmin() || by1 < a.ymin() || ay1 < b.ymin()) {
            return 0;
        }
        float iw = Math.min(ax1, bx1) - Math.max(a.xmin(), b.xmin());
        float ih = Math.min(ay1, by1) - Math.max(a.ymin(), b.ymin());
        float inter = Math.max(0, iw) * Math.max(0, ih);
        float norm = a.width() * a.height() + b.width() * b.height() - inter;
        return norm > 0 ? inter / norm : 0;
    }

    private static Detection removeLetterbox(Detection d, float hpad, float vpad) {
        float sx = 1 - 2 * hpad, sy = 1 - 2 * vpad;
        float[] kp = Arrays.copyOf(d.keypoints(), d.keypoints().length);
        for (int k = 0; k < kp.length; k += 2) {
            kp[k] = (kp[k] - hpad) / sx;
            kp[k + 1] = (kp[k + 1] - vpad) / sy;
        }
        return new Detection(d.score(), (d.xmin() - hpad) / sx, (d.ymin() - vpad) / sy, d.width() / sx, d.height() / sy, kp);
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
