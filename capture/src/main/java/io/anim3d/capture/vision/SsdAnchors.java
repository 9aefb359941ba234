package io.anim3d.capture.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * Anchor centres of the BlazePose detector, as MediaPipe's SsdAnchorsCalculator generates them
 * for pose_detection_cpu.pbtxt: 5 layers, strides 8, 16, 32, 32, 32, aspect ratio 1 plus one
 * interpolated anchor per layer, fixed anchor size (width = height = 1). Layers with equal
 * stride share one feature map, which gives 28²·2 + 14²·2 + 7²·6 = 2254 anchors.
 */
final class SsdAnchors {
    private static final int[] STRIDES = {8, 16, 32, 32, 32};
    private static final int INPUT_SIZE = 224;
    /** Anchors per layer: one for aspect ratio 1.0 and one interpolated (interpolated_scale_aspect_ratio 1.0). */
    private static final int ANCHORS_PER_LAYER = 2;

    private SsdAnchors() {
    }

    /** Anchor centres as {x0, y0, x1, y1, ...}, normalised to the 224×224 input. */
    static float[] poseDetectorCentres() {
        List<float[]> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < STRIDES.length) {
            int last = layer;
            int perCell = 0;
            while (last < STRIDES.length && STRIDES[last] == STRIDES[layer]) {
                perCell += ANCHORS_PER_LAYER;
                last++;
            }
            int fm = (int) Math.ceil((double) INPUT_SIZE / STRIDES[layer]);
            for (int y = 0; y < fm; y++) {
                for (int x = 0; x < fm; x++) {
                    for (int a = 0; a < perCell; a++) {
                        anchors.add(new float[] {(x + 0.5f) / fm, (y + 0.5f) / fm});
                    }
                }
            }
            layer = last;
        }
        float[] out = new float[anchors.size() * 2];
        for (int i = 0; i < anchors.size(); i++) {
            out[2 * i] = anchors.get(i)[0];
            out[2 * i + 1] = anchors.get(i)[1];
        }
        return out;
    }
}
