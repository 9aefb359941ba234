package io.anim3d.render.scene;

/**
 * Draws one horizontal band of a frame: its background rows (from the camera's cached backdrop,
 * with the shadow painted in where it falls), then the character over them through a 2×2
 * supersampled visibility buffer: each sample keeps the nearest triangle's 1/depth and index,
 * and each pixel is shaded once per distinct triangle among its four samples (once for the
 * interior of a surface, up to four times on an edge), the samples averaged in linear light.
 * Compared with shading every sample (4× supersampling), this costs one shade per pixel inside
 * the character, and unlike coverage-based edge blending it also resolves edges between two
 * parts of the character (an arm in front of the torso).
 *
 * <p>A band reads only the frame's shared inputs and writes only its own rows, so bands can run
 * on several threads and the pixels do not depend on which thread drew what. One per thread.
 */
final class BandRenderer {
    /** Pixel rows per band: the sample buffers stay small (a 1080p band is 1 MB) and in cache. */
    static final int ROWS = 16;

    private final int width;
    private final int sampleWidth;
    private final float[] depth;
    private final int[] ids;
    private final double[] rgb = new double[3];
    /**
     * Linear colour sums of a pixel's four samples, each clamped to 1 by the shading (so a
     * highlight does not brighten the whole edge).
     */
    private final double[] sum = new double[3];
    private final int[] seen = new int[4];
    private final double[] seenRgb = new double[12];

    BandRenderer(int width) {
        this.width = width;
        this.sampleWidth = 2 * width;
        depth = new float[sampleWidth * 2 * ROWS];
        ids = new int[sampleWidth * 2 * ROWS];
    }

    /** Draws band {@code band} of {@code frame}: pixel rows band × {@link #ROWS} up to the next band or the frame's end. */
    void draw(Frame frame, int band) {
        int py0 = band * ROWS;
        int py1 = Math.min(frame.view.height, py0 + ROWS);
        background(frame, py0, py1);
        int cy0 = Math.max(py0, frame.charMinY);
        int cy1 = Math.min(py1 - 1, frame.charMaxY);
        if (cy0 > cy1 || frame.charMinX > frame.charMaxX) {
            return;
        }
        clear(frame, py0, cy0, cy1);
        raster(frame.setup, band, 2 * cy0, 2 * cy1 + 1, 2 * py0);
        resolve(frame, py0, cy0, cy1);
    }

    private void background(Frame frame, int py0, int py1) {
        int w = width;
        if (frame.refreshBackdrop) {
            for (int py = py0; py < py1; py++) {
                frame.backdrop.paintRow(frame.view, py, 0, w - 1, frame.backdropCache, py * w, null);
            }
        }
        System.arraycopy(frame.backdropCache, py0 * w, frame.out, py0 * w, (py1 - py0) * w);
        if (frame.shadow != null) {
            int sy0 = Math.max(py0, frame.shadowMinY);
            int sy1 = Math.min(py1 - 1, frame.shadowMaxY);
            for (int py = sy0; py <= sy1; py++) {
                frame.backdrop.paintRow(frame.view, py, frame.shadowMinX, frame.shadowMaxX, frame.out, py * w, frame.shadow);
            }
        }
    }

    /**
     * Empties the samples under the character's box: no triangle, and the floor's 1/depth where
     * the floor is seen (so it hides what is below it).
     */
    private void clear(Frame frame, int py0, int cy0, int cy1) {
        int i0 = 2 * frame.charMinX;
        int i1 = 2 * frame.charMaxX + 1;
        View v = frame.view;
        boolean floor = frame.backdrop.floorVisible(v);
        double height = v.eye.y() - CharacterRenderer.FLOOR_Y;
        for (int j = 2 * cy0; j <= 2 * cy1 + 1; j++) {
            int row = (j - 2 * py0) * sampleWidth;
            java.util.Arrays.fill(ids, row + i0, row + i1 + 1, -1);
            if (!floor) {
                java.util.Arrays.fill(depth, row + i0, row + i1 + 1, 0f);
                continue;
            }
            double y = (j + 0.5) / 2;
            // 1/depth of the floor along a ray with forward component 1: −ray.y / eye height.
            double base = -(v.d0.y() + y * v.dy.y()) / height;
            double step = -v.dx.y() / height / 2;
            for (int i = i0; i <= i1; i++) {
                double z = base + (i + 0.5) * step;
                depth[row + i] = z > 0 ? (float) z : 0f;
            }
        }
    }

    /**
     * Rasterises band {@code band}'s setup triangles over sample rows j0..j1 (absolute);
     * {@code rowOrigin} is the band's first sample row.
     */
    private void raster(TriangleSetup setup, int band, int j0, int j1, int rowOrigin) {
        int[] box = setup.box;
        long[] e = setup.edges;
        double[] dp = setup.depth;
        float[] zbuf = depth;
        int[] idbuf = ids;
        int[] items = setup.binItems;
        for (int k = setup.binStart[band], end = setup.binStart[band + 1]; k < end; k++) {
            int s = items[k];
            int sy0 = Math.max(box[4 * s + 1], j0);
            int sy1 = Math.min(box[4 * s + 3], j1);
            if (sy0 > sy1) {
                continue;
            }
            int bx0 = box[4 * s];
            int bx1 = box[4 * s + 2];
            int o = 9 * s;
            long a0 = e[o], b0 = e[o + 1], c0 = e[o + 2];
            long a1 = e[o + 3], b1 = e[o + 4], c1 = e[o + 5];
            long a2 = e[o + 6], b2 = e[o + 7], c2 = e[o + 8];
            double za = dp[3 * s], zb = dp[3 * s + 1], zc = dp[3 * s + 2];
            for (int j = sy0; j <= sy1; j++) {
                long r0 = b0 * j + c0;
                long r1 = b1 * j + c1;
                long r2 = b2 * j + c2;
                int lo = bx0;
                int hi = bx1;
                lo = Math.max(lo, spanStart(a0, r0));
                lo = Math.max(lo, spanStart(a1, r1));
                lo = Math.max(lo, spanStart(a2, r2));
                hi = Math.min(hi, spanEnd(a0, r0));
                hi = Math.min(hi, spanEnd(a1, r1));
                hi = Math.min(hi, spanEnd(a2, r2));
                if (lo > hi) {
                    continue;
                }
                int row = (j - rowOrigin) * sampleWidth;
                double zrow = zb * j + zc;
                for (int i = lo; i <= hi; i++) {
                    float z = (float) (za * i + zrow);
                    if (z > zbuf[row + i]) {
                        zbuf[row + i] = z;
                        idbuf[row + i] = s;
                    }
                }
            }
        }
    }

    /** First sample index i with a·i + r ≥ 0 (for a ≤ 0: 0 if r ≥ 0, else never). */
    private static int spanStart(long a, long r) {
        if (a > 0) {
            return (int) Math.max(Integer.MIN_VALUE / 2, -Math.floorDiv(r, a));
        }
        return r >= 0 || a < 0 ? Integer.MIN_VALUE / 2 : Integer.MAX_VALUE / 2;
    }

    /** Last sample index i with a·i + r ≥ 0 (for a ≥ 0: unbounded if r ≥ 0, else never). */
    private static int spanEnd(long a, long r) {
        if (a < 0) {
            return (int) Math.min(Integer.MAX_VALUE / 2, Math.floorDiv(r, -a));
        }
        return r >= 0 || a > 0 ? Integer.MAX_VALUE / 2 : Integer.MIN_VALUE / 2;
    }

    private void resolve(Frame frame, int py0, int cy0, int cy1) {
        TriangleSetup setup = frame.setup;
        Shading shading = frame.shading;
        View view = frame.view;
        int[] out = frame.out;
        for (int py = cy0; py <= cy1; py++) {
            int r0 = 2 * (py - py0) * sampleWidth;
            int r1 = r0 + sampleWidth;
            for (int px = frame.charMinX; px <= frame.charMaxX; px++) {
                int i = 2 * px;
                int s0 = ids[r0 + i], s1 = ids[r0 + i + 1], s2 = ids[r1 + i], s3 = ids[r1 + i + 1];
                int o = py * width + px;
                if (s0 == s1 && s0 == s2 && s0 == s3) {
                    if (s0 >= 0) {
                        shading.shade(setup, s0, view, px + 0.5, py + 0.5, rgb);
                        out[o] = Srgb.toArgb(rgb[0], rgb[1], rgb[2]);
                    }
                    continue;
                }
                int bg = out[o];
                double bgr = Srgb.toLinear(bg >> 16), bgg = Srgb.toLinear(bg >> 8), bgb = Srgb.toLinear(bg);
                sum[0] = 0;
                sum[1] = 0;
                sum[2] = 0;
                int distinct = 0;
                for (int k = 0; k < 4; k++) {
                    int s = k == 0 ? s0 : k == 1 ? s1 : k == 2 ? s2 : s3;
                    if (s < 0) {
                        sum[0] += bgr;
                        sum[1] += bgg;
                        sum[2] += bgb;
                        continue;
                    }
                    int found = -1;
                    for (int d = 0; d < distinct; d++) {
                        if (seen[d] == s) {
                            found = d;
                            break;
                        }
                    }
                    if (found < 0) {
                        // Shade at this sample, which the triangle covers: its attributes interpolate, never extrapolate.
                        shading.shade(setup, s, view, px + 0.25 + 0.5 * (k & 1), py + 0.25 + 0.5 * (k >> 1), rgb);
                        found = distinct++;
                        seen[found] = s;
                        System.arraycopy(rgb, 0, seenRgb, 3 * found, 3);
                    }
                    sum[0] += seenRgb[3 * found];
                    sum[1] += seenRgb[3 * found + 1];
                    sum[2] += seenRgb[3 * found + 2];
                }
                out[o] = Srgb.toArgb(sum[0] / 4, sum[1] / 4, sum[2] / 4);
            }
        }
    }
}
