package io.anim3d.render.scene;

import java.util.Arrays;

/**
 * Turns the skinned triangles into screen-space triangles ready to rasterise and shade, once per
 * frame and before any band is drawn (so bands only read it): back faces culled, triangles
 * crossing the near plane or far outside the image clipped in clip space, degenerate ones
 * dropped.
 *
 * <p>Each setup triangle keeps, in flat arrays: its material; three edge functions in 24.8 fixed
 * point on the 2×2 sample grid (integers, so coverage is exact and every shared edge covers each
 * sample once, by the top-left rule); its sample bounding box; its 1/depth as a plane over sample
 * coordinates (the z-buffer value, affine in screen space); and 1/depth, normal/depth and
 * uv/depth as planes over pixel coordinates, from which shading recovers perspective-correct
 * attributes.
 */
final class TriangleSetup {
    /** Clip region beyond the image, as a factor on its half-size: wide enough that few triangles need clipping at the sides. */
    private static final double GUARD = 2;
    private static final int SUB = 256;
    /** Attribute planes per triangle: 1/w, nx/w, ny/w, nz/w, u/w, v/w. */
    static final int ATTRS = 6;
    /** Values carried by a clip vertex: xc, yc, w, nx, ny, nz, u, v. */
    private static final int VS = 8;

    private final SkinnedModel model;
    private final boolean[] textured;
    /** Clip-space x, y, w per vertex for the current frame. */
    private final double[] clip;
    /** Clip polygon scratch: up to 3 + 5 vertices. */
    private final double[] polyA = new double[9 * VS];
    private final double[] polyB = new double[9 * VS];
    private final double[] tri = new double[3 * VS];

    private int[] binCursor = new int[0];
    private View view;
    private int sampleWidth;
    private int sampleHeight;

    int count;
    int[] material = new int[0];
    long[] edges = new long[0];
    int[] box = new int[0];
    double[] depth = new double[0];
    double[] attrs = new double[0];
    /**
     * Setups by band of {@link BandRenderer#ROWS} pixel rows, each band's in ascending order (so
     * depth ties resolve the same way in every band): band b's are
     * {@code binItems[binStart[b] .. binStart[b + 1])}. Spares each band a scan of every triangle.
     */
    int[] binStart = new int[1];
    int[] binItems = new int[0];
    /** Pixel bounding box of every triangle drawn this frame (inclusive), empty when x0 &gt; x1. */
    int minX;
    int minY;
    int maxX;
    int maxY;

    TriangleSetup(SkinnedModel model, boolean[] texturedMaterials) {
        this.model = model;
        this.textured = texturedMaterials.clone();
        this.clip = new double[3 * model.vertexCount];
        grow(model.triangleCount + 64);
    }

    /** Sets up every triangle of the skinned model seen through {@code view}. */
    void build(View view) {
        this.view = view;
        sampleWidth = 2 * view.width;
        sampleHeight = 2 * view.height;
        count = 0;
        minX = Integer.MAX_VALUE;
        minY = Integer.MAX_VALUE;
        maxX = Integer.MIN_VALUE;
        maxY = Integer.MIN_VALUE;
        double[] p = model.worldPositions;
        double ex = view.eye.x(), ey = view.eye.y(), ez = view.eye.z();
        double rx = view.right.x() / view.tanX, ry = view.right.y() / view.tanX, rz = view.right.z() / view.tanX;
        double ux = view.up.x() / view.tanY, uy = view.up.y() / view.tanY, uz = view.up.z() / view.tanY;
        double fx = view.forward.x(), fy = view.forward.y(), fz = view.forward.z();
        for (int v = 0; v < model.vertexCount; v++) {
            double x = p[3 * v] - ex, y = p[3 * v + 1] - ey, z = p[3 * v + 2] - ez;
            clip[3 * v] = x * rx + y * ry + z * rz;
            clip[3 * v + 1] = x * ux + y * uy + z * uz;
            clip[3 * v + 2] = x * fx + y * fy + z * fz;
        }
        int[] t = model.triangles;
        for (int k = 0; k < model.triangleCount; k++) {
            int a = t[3 * k], b = t[3 * k + 1], c = t[3 * k + 2];
            if (!frontFacing(p, a, b, c, ex, ey, ez)) {
                continue;
            }
            int oa = outcode(a), ob = outcode(b), oc = outcode(c);
            if ((oa & ob & oc) != 0) {
                continue;
            }
            load(a, tri, 0);
            load(b, tri, VS);
            load(c, tri, 2 * VS);
            int mat = model.triangleMaterial[k];
            if ((oa | ob | oc) == 0) {
                emit(tri, 0, VS, 2 * VS, mat);
            } else {
                clipAndEmit(oa | ob | oc, mat);
            }
        }
    }

    /** Counter-clockwise seen from the eye (meshes wind counter-clockwise seen from outside); NaN counts as not. */
    private static boolean frontFacing(double[] p, int a, int b, int c, double ex, double ey, double ez) {
        double ax = p[3 * a], ay = p[3 * a + 1], az = p[3 * a + 2];
        double e1x = p[3 * b] - ax, e1y = p[3 * b + 1] - ay, e1z = p[3 * b + 2] - az;
        double e2x = p[3 * c] - ax, e2y = p[3 * c + 1] - ay, e2z = p[3 * c + 2] - az;
        double nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
        return nx * (ex - ax) + ny * (ey - ay) + nz * (ez - az) > 0;
    }

    /** Bits of the clip planes a vertex is outside: near, left, right, bottom, top; all set for NaN. */
    private int outcode(int v) {
        double x = clip[3 * v], y = clip[3 * v + 1], w = clip[3 * v + 2];
        int code = 0;
        if (!(w >= View.NEAR)) {
            code |= 1;
        }
        if (!(x >= -GUARD * w)) {
            code |= 2;
        }
        if (!(x <= GUARD * w)) {
            code |= 4;
        }
        if (!(y >= -GUARD * w)) {
            code |= 8;
        }
        if (!(y <= GUARD * w)) {
            code |= 16;
        }
        return code;
    }

    private void load(int v, double[] dst, int o) {
        dst[o] = clip[3 * v];
        dst[o + 1] = clip[3 * v + 1];
        dst[o + 2] = clip[3 * v + 2];
        double[] n = model.worldNormals;
        dst[o + 3] = n[3 * v];
        dst[o + 4] = n[3 * v + 1];
        dst[o + 5] = n[3 * v + 2];
        dst[o + 6] = model.uvs[2 * v];
        dst[o + 7] = model.uvs[2 * v + 1];
    }

    /** Sutherland–Hodgman against each plane the triangle crosses, then a fan of triangles. */
    private void clipAndEmit(int planes, int mat) {
        double[] in = polyA;
        double[] out = polyB;
        System.arraycopy(tri, 0, in, 0, 3 * VS);
        int n = 3;
        for (int plane = 0; plane < 5 && n >= 3; plane++) {
            if ((planes & (1 << plane)) == 0) {
                continue;
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                int cur = i * VS;
                int nxt = ((i + 1) % n) * VS;
                double dc = distance(plane, in, cur);
                double dn = distance(plane, in, nxt);
                if (dc >= 0) {
                    System.arraycopy(in, cur, out, m * VS, VS);
                    m++;
                }
                if ((dc >= 0) != (dn >= 0)) {
                    double s = dc / (dc - dn);
                    int o = m * VS;
                    for (int k = 0; k < VS; k++) {
                        out[o + k] = in[cur + k] + s * (in[nxt + k] - in[cur + k]);
                    }
                    m++;
                }
            }
            double[] swap = in;
            in = out;
            out = swap;
            n = m;
        }
        for (int i = 1; i + 1 < n; i++) {
            emit(in, 0, i * VS, (i + 1) * VS, mat);
        }
    }

    private static double distance(int plane, double[] v, int o) {
        double x = v[o], y = v[o + 1], w = v[o + 2];
        return switch (plane) {
            case 0 -> w - View.NEAR;
            case 1 -> x + GUARD * w;
            case 2 -> GUARD * w - x;
            case 3 -> y + GUARD * w;
            default -> GUARD * w - y;
        };
    }

    /** Projects, snaps and stores one triangle; drops it when it covers no sample. */
    private void emit(double[] v, int ia, int ib, int ic, int mat) {
        long ax = snapX(v, ia), ay = snapY(v, ia);
        long bx = snapX(v, ib), by = snapY(v, ib);
        long cx = snapX(v, ic), cy = snapY(v, ic);
        long area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        if (area == 0) {
            return;
        }
        if (area < 0) {
            // Keep edge functions positive inside: swap b and c.
            int ti = ib;
            ib = ic;
            ic = ti;
            long t = bx;
            bx = cx;
            cx = t;
            t = by;
            by = cy;
            cy = t;
            area = -area;
        }
        int x0 = (int) Math.max(0, ceilDiv(Math.min(ax, Math.min(bx, cx)) - SUB / 2));
        int x1 = (int) Math.min(sampleWidth - 1, Math.floorDiv(Math.max(ax, Math.max(bx, cx)) - SUB / 2, SUB));
        int y0 = (int) Math.max(0, ceilDiv(Math.min(ay, Math.min(by, cy)) - SUB / 2));
        int y1 = (int) Math.min(sampleHeight - 1, Math.floorDiv(Math.max(ay, Math.max(by, cy)) - SUB / 2, SUB));
        if (x0 > x1 || y0 > y1) {
            return;
        }
        int s = count;
        if (s == material.length) {
            grow(2 * s);
        }
        material[s] = mat;
        int e = 9 * s;
        edge(edges, e, ax, ay, bx, by);
        edge(edges, e + 3, bx, by, cx, cy);
        edge(edges, e + 6, cx, cy, ax, ay);
        box[4 * s] = x0;
        box[4 * s + 1] = y0;
        box[4 * s + 2] = x1;
        box[4 * s + 3] = y1;
        minX = Math.min(minX, x0 >> 1);
        minY = Math.min(minY, y0 >> 1);
        maxX = Math.max(maxX, x1 >> 1);
        maxY = Math.max(maxY, y1 >> 1);

        // Planes over the snapped positions, so that every covered sample interpolates rather than extrapolates.
        double sax = ax / (double) SUB, say = ay / (double) SUB;
        double e1x = (bx - ax) / (double) SUB, e1y = (by - ay) / (double) SUB;
        double e2x = (cx - ax) / (double) SUB, e2y = (cy - ay) / (double) SUB;
        double det = e1x * e2y - e2x * e1y;
        double wa = 1 / v[ia + 2], wb = 1 / v[ib + 2], wc = 1 / v[ic + 2];
        // 1/w over sample coordinates (sample centre i + ½): the depth test's value.
        plane(depth, 3 * s, wa, wb, wc, sax, say, e1x, e1y, e2x, e2y, det, 0.5, 1);
        int o = 3 * ATTRS * s;
        int attributes = textured[mat] ? ATTRS : ATTRS - 2;
        for (int k = 0; k < attributes; k++) {
            double fa = k == 0 ? wa : v[ia + 2 + k] * wa;
            double fb = k == 0 ? wb : v[ib + 2 + k] * wb;
            double fc = k == 0 ? wc : v[ic + 2 + k] * wc;
            // Pixel coordinates are half the sample coordinates.
            plane(attrs, o + 3 * k, fa, fb, fc, sax, say, e1x, e1y, e2x, e2y, det, 0, 2);
        }
        count++;
    }

    /** Sorts the setups into bands of {@code rowsPerBand} pixel rows (a counting sort, stable). */
    void bin(int rowsPerBand) {
        int sampleRows = 2 * rowsPerBand;
        int bands = (sampleHeight + sampleRows - 1) / sampleRows;
        if (binStart.length < bands + 1) {
            binStart = new int[bands + 1];
        }
        java.util.Arrays.fill(binStart, 0, bands + 1, 0);
        int total = 0;
        for (int s = 0; s < count; s++) {
            int b0 = box[4 * s + 1] / sampleRows;
            int b1 = box[4 * s + 3] / sampleRows;
            for (int b = b0; b <= b1; b++) {
                binStart[b + 1]++;
            }
            total += b1 - b0 + 1;
        }
        for (int b = 0; b < bands; b++) {
            binStart[b + 1] += binStart[b];
        }
        if (binItems.length < total) {
            binItems = new int[Math.max(total, 2 * binItems.length)];
        }
        int[] next = binCursor.length < bands ? (binCursor = new int[bands]) : binCursor;
        System.arraycopy(binStart, 0, next, 0, bands);
        for (int s = 0; s < count; s++) {
            int b0 = box[4 * s + 1] / sampleRows;
            int b1 = box[4 * s + 3] / sampleRows;
            for (int b = b0; b <= b1; b++) {
                binItems[next[b]++] = s;
            }
        }
    }

    /**
     * Stores (A, B, C) with value = A·x + B·y + C at coordinates x, y, given values at the three
     * vertices in sample units; {@code offset} shifts the origin (to sample centres) and
     * {@code scale} converts the caller's coordinates to sample units.
     */
    private static void plane(double[] dst, int o, double fa, double fb, double fc, double sax, double say,
                              double e1x, double e1y, double e2x, double e2y, double det, double offset, double scale) {
        double d1 = fb - fa;
        double d2 = fc - fa;
        double a = (d1 * e2y - d2 * e1y) / det;
        double b = (d2 * e1x - d1 * e2x) / det;
        dst[o] = a * scale;
        dst[o + 1] = b * scale;
        dst[o + 2] = fa + a * (offset - sax) + b * (offset - say);
    }

    /**
     * Edge from (x0, y0) to (x1, y1) as integer coefficients over sample indices: E(i, j) =
     * A·i + B·j + C, ≥ 0 inside. Samples exactly on the edge belong to it only for a top or left
     * edge, so two triangles sharing an edge never both cover (or both miss) a sample on it.
     */
    private static void edge(long[] dst, int o, long x0, long y0, long x1, long y1) {
        long a = y0 - y1;
        long b = x1 - x0;
        boolean topLeft = a > 0 || a == 0 && b > 0;
        dst[o] = a * SUB;
        dst[o + 1] = b * SUB;
        dst[o + 2] = a * (SUB / 2 - x0) + b * (SUB / 2 - y0) - (topLeft ? 0 : 1);
    }

    private static long ceilDiv(long fixed) {
        return -Math.floorDiv(-fixed, SUB);
    }

    private long snapX(double[] v, int o) {
        double px = view.pixelX(v[o] * view.tanX, v[o + 2]);
        return Math.round(px * 2 * SUB);
    }

    private long snapY(double[] v, int o) {
        double py = view.pixelY(v[o + 1] * view.tanY, v[o + 2]);
        return Math.round(py * 2 * SUB);
    }

    private void grow(int capacity) {
        material = Arrays.copyOf(material, capacity);
        edges = Arrays.copyOf(edges, 9 * capacity);
        box = Arrays.copyOf(box, 4 * capacity);
        depth = Arrays.copyOf(depth, 3 * capacity);
        attrs = Arrays.copyOf(attrs, 3 * ATTRS * capacity);
    }
}
