package io.anim3d.capture.vision;

import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;

/**
 * How far the background moves per frame: frames shrunk to a small grey image (box average of
 * every third pixel), the person's region masked out, and the whole-cell shift against the
 * frame {@value #BASELINE} frames earlier with the least mean absolute difference found by
 * search, refined by a parabola and divided by the baseline (a longer baseline makes slow pans
 * measurable). A static camera gives about zero; a pan gives a steady shift. The shrinking (the
 * costly part) runs on the decoding thread; the masked search, which needs the frame's pose,
 * on the tracking thread, so the result depends only on the frames. Stateful across frames:
 * one per video.
 */
final class SceneMotion {
    /** Width of the small image, cells; the height follows the aspect ratio. */
    private static final int CELLS_ACROSS = 80;
    /** Largest shift searched over the baseline, cells (about 12 % of the width). */
    private static final int MAX_SHIFT_X = 10;
    private static final int MAX_SHIFT_Y = 5;
    /** The landmarks' bounding box grows by this share of its size on each side before it is masked (hair, clothes, a held ball). */
    private static final double MASK_MARGIN = 0.15;
    /** Below this share of unmasked cells there is too little background to tell. */
    private static final double MIN_BACKGROUND = 0.15;

    /** Pixels sampled for the cell averages: every STEP-th in both directions. */
    private static final int STEP = 3;
    /** Frames between the two images compared. */
    static final int BASELINE = 8;

    private final float[][] greys = new float[BASELINE][];
    private final boolean[][] masks = new boolean[BASELINE][];
    private int count;
    private int cols;
    private int rows;

    /**
     * @param pose the person in this frame, or null when nobody was found
     * @return {dx, dy}: the background shift since the previous frame in fractions of the frame
     *         width and height, or NaNs for the first frame and when it cannot be told
     */
    float[] update(Thumbnail thumbnail, PoseObservation pose) {
        cols = thumbnail.cols();
        rows = thumbnail.rows();
        float[] grey = thumbnail.grey();
        boolean[] mask = mask(pose);
        float[] out = {Float.NaN, Float.NaN};
        int slot = count % BASELINE;
        float[] earlier = greys[slot];
        if (count >= BASELINE && earlier.length == grey.length) {
            float[] shift = bestShift(earlier, masks[slot], grey, mask);
            if (shift != null) {
                out[0] = shift[0] / cols / BASELINE;
                out[1] = shift[1] / rows / BASELINE;
            }
        }
        greys[slot] = grey;
        masks[slot] = mask;
        count++;
        return out;
    }

    /** A frame shrunk to grey cells: a pure function of the frame, so any thread may make it. */
    record Thumbnail(float[] grey, int cols, int rows) {
    }

    /** Mean grey level of each cell, from every third pixel in both directions. */
    static Thumbnail shrink(byte[] rgb, int width, int height) {
        int cols = CELLS_ACROSS;
        int rows = Math.max(8, Math.round(CELLS_ACROSS * (float) height / width));
        float[] sum = new float[cols * rows];
        int[] n = new int[cols * rows];
        for (int y = 0; y < height; y += STEP) {
            int r = Math.min(rows - 1, y * rows / height);
            int rowStart = y * width * 3;
            for (int x = 0; x < width; x += STEP) {
                int k = rowStart + x * 3;
                int cell = r * cols + Math.min(cols - 1, x * cols / width);
                sum[cell] += 0.299f * (rgb[k] & 0xff) + 0.587f * (rgb[k + 1] & 0xff) + 0.114f * (rgb[k + 2] & 0xff);
                n[cell]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = n[i] == 0 ? 0 : sum[i] / n[i];
        }
        return new Thumbnail(sum, cols, rows);
    }

    /** True for background cells: outside the person's landmarks' bounding box, enlarged. */
    private boolean[] mask(PoseObservation pose) {
        boolean[] m = new boolean[cols * rows];
        java.util.Arrays.fill(m, true);
        if (pose == null) {
            return m;
        }
        double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
        for (int i = 0; i < PoseLandmark.COUNT; i++) {
            x0 = Math.min(x0, pose.x(i));
            x1 = Math.max(x1, pose.x(i));
            y0 = Math.min(y0, pose.y(i));
            y1 = Math.max(y1, pose.y(i));
        }
        double mx = MASK_MARGIN * (x1 - x0), my = MASK_MARGIN * (y1 - y0);
        int c0 = (int) Math.floor((x0 - mx) * cols), c1 = (int) Math.ceil((x1 + mx) * cols);
        int r0 = (int) Math.floor((y0 - my) * rows), r1 = (int) Math.ceil((y1 + my) * rows);
        for (int r = Math.max(0, r0); r < Math.min(rows, r1); r++) {
            for (int c = Math.max(0, c0); c < Math.min(cols, c1); c++) {
                m[r * cols + c] = false;
            }
        }
        return m;
    }

    /** The shift (cells) of {@code b} relative to {@code a} with the least mean absolute difference. */
    private float[] bestShift(float[] a, boolean[] ma, float[] b, boolean[] mb) {
        int w = 2 * MAX_SHIFT_X + 1, h = 2 * MAX_SHIFT_Y + 1;
        double[] cost = new double[w * h];
        int best = -1;
        for (int dy = -MAX_SHIFT_Y; dy <= MAX_SHIFT_Y; dy++) {
            for (int dx = -MAX_SHIFT_X; dx <= MAX_SHIFT_X; dx++) {
                double sum = 0;
                int n = 0;
                for (int r = Math.max(0, -dy); r < Math.min(rows, rows - dy); r++) {
                    int rb = r + dy;
                    for (int c = Math.max(0, -dx); c < Math.min(cols, cols - dx); c++) {
                        int ia = r * cols + c, ib = rb * cols + c + dx;
                        if (ma[ia] && mb[ib]) {
                            sum += Math.abs(a[ia] - b[ib]);
                            n++;
                        }
                    }
                }
                int k = (dy + MAX_SHIFT_Y) * w + dx + MAX_SHIFT_X;
                cost[k] = n < MIN_BACKGROUND * cols * rows ? Double.NaN : sum / n;
                if (!Double.isNaN(cost[k]) && (best < 0 || cost[k] < cost[best])) {
                    best = k;
                }
            }
        }
        if (best < 0) {
            return null;
        }
        int bx = best % w, by = best / w;
        float sx = bx - MAX_SHIFT_X + parabola(cost, best, bx > 0 ? best - 1 : -1, bx < w - 1 ? best + 1 : -1);
        float sy = by - MAX_SHIFT_Y + parabola(cost, best, by > 0 ? best - w : -1, by < h - 1 ? best + w : -1);
        return new float[] {sx, sy};
    }

    /** Sub-cell offset of the minimum from its two neighbours' costs (0 at an edge). */
    private static float parabola(double[] cost, int at, int before, int after) {
        if (before < 0 || after < 0 || Double.isNaN(cost[before]) || Double.isNaN(cost[after])) {
            return 0;
        }
        double denom = cost[before] - 2 * cost[at] + cost[after];
        return denom > 1e-9 ? (float) Math.max(-0.5, Math.min(0.5, 0.5 * (cost[before] - cost[after]) / denom)) : 0;
    }
}
