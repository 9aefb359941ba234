package io.anim3d.render.scene;

import io.anim3d.motion.Vec3;

/**
 * The character's soft shadow on the floor, as a darkness map over a patch of the floor
 * (0 = fully lit, towards 1 = dark), rebuilt every frame from the skinned triangles.
 *
 * <p>Two terms, both flat on the floor so that they cost a texture lookup per floor pixel
 * whatever the image size:
 * <ul>
 *   <li>the key light's shadow: the triangles projected along the key light onto the floor, with a
 *       penumbra that widens with the blocker's distance from the floor (the key is an area light),
 *       so feet cast sharp contact shadows and the head a soft one. Blockers are sorted into
 *       layers by distance; each layer's coverage is blurred by its own width (a box filter
 *       applied twice, close to a Gaussian, read from summed-area tables so any width costs the
 *       same) and the darkest layer wins. This avoids the seams a per-texel width estimate shows
 *       where the width jumps (the sharp foot next to the soft leg);</li>
 *   <li>contact occlusion: the parts within {@value #CONTACT_HEIGHT} m of the floor projected
 *       straight down and blurred, darker the closer they are, which grounds the feet whichever
 *       way the key light falls.</li>
 * </ul>
 * Not thread-safe; built before the bands draw, then only read.
 */
final class GroundShadow {
    /** Floor patch texel, metres: finer than a pixel for a full-body shot up to 1080p. */
    private static final double TEXEL = 0.015;
    private static final int MAX_TEXELS = 480;
    /**
     * Half-width of the blur box per metre between blocker and floor. The box is applied twice, so
     * the penumbra reaches twice as far: 0.12 m per metre, an area light of about 14° seen from
     * the floor (a large softbox).
     */
    static final double LIGHT_SPREAD = 0.06;
    /** Penumbra half-width at contact, metres. */
    private static final double MIN_RADIUS = 0.01;
    /** Upper ends of the blocker layers, metres from the floor along the key light (the last is open). */
    private static final double[] LAYERS = {0.12, 0.35, 0.7, 1.1, 1.6, Double.POSITIVE_INFINITY};
    /** Distance standing for the open last layer, metres (a head above a crouch, an arm raised high). */
    private static final double OPEN_LAYER_DISTANCE = 2.2;
    /** Widest penumbra half-width, metres. */
    private static final double MAX_RADIUS = MIN_RADIUS + LIGHT_SPREAD * OPEN_LAYER_DISTANCE;
    static final double CONTACT_HEIGHT = 0.25;
    /** Blur box half-width of the contact occlusion, metres. */
    private static final double CONTACT_RADIUS = 0.05;
    /** Share of the floor's light the key provides (what its full shadow takes away); the rest is sky. */
    private static final double KEY_STRENGTH = 0.62;
    /** Share of the remaining light taken where a part touches the floor. */
    private static final double CONTACT_STRENGTH = 0.6;

    private final double floorY;
    /** Floor patch: origin (x, z) of texel (0, 0)'s corner, size in texels, texel size. */
    double x0;
    double z0;
    double texel;
    int cols;
    int rows;
    /** rows × cols darkness, 0 to 1. */
    private float[] darkness = new float[0];
    /** Coverage of each blocker layer, then blurred in place. */
    private final float[][] layers = new float[LAYERS.length][0];
    private final boolean[] used = new boolean[LAYERS.length];
    private float[] contact = new float[0];
    private double[] table = new double[0];
    private float[] tmp = new float[0];
    private double[] keyX;
    private double[] keyZ;

    GroundShadow(double floorY) {
        this.floorY = floorY;
    }

    /** Rebuilds the map for the skinned model lit by the key light (unit vector towards the light, y &gt; 0). */
    void build(SkinnedModel model, Vec3 key) {
        int nv = model.vertexCount;
        if (keyX == null || keyX.length != nv) {
            keyX = new double[nv];
            keyZ = new double[nv];
        }
        double[] p = model.worldPositions;
        double sx = key.x() / key.y();
        double sz = key.z() / key.y();
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minZ = Double.POSITIVE_INFINITY, maxZ = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < nv; v++) {
            double h = Math.max(0, p[3 * v + 1] - floorY);
            double x = p[3 * v], z = p[3 * v + 2];
            keyX[v] = x - sx * h;
            keyZ[v] = z - sz * h;
            if (Double.isFinite(keyX[v]) && Double.isFinite(keyZ[v])) {
                minX = Math.min(minX, Math.min(x, keyX[v]));
                maxX = Math.max(maxX, Math.max(x, keyX[v]));
                minZ = Math.min(minZ, Math.min(z, keyZ[v]));
                maxZ = Math.max(maxZ, Math.max(z, keyZ[v]));
            }
        }
        if (!(minX <= maxX)) {
            cols = 0;
            rows = 0;
            return;
        }
        double margin = 2 * MAX_RADIUS + 0.05;
        minX -= margin;
        minZ -= margin;
        maxX += margin;
        maxZ += margin;
        texel = Math.max(TEXEL, Math.max(maxX - minX, maxZ - minZ) / MAX_TEXELS);
        x0 = minX;
        z0 = minZ;
        cols = (int) Math.ceil((maxX - minX) / texel);
        rows = (int) Math.ceil((maxZ - minZ) / texel);
        int n = cols * rows;
        if (darkness.length < n) {
            darkness = new float[n];
            for (int l = 0; l < layers.length; l++) {
                layers[l] = new float[n];
            }
            contact = new float[n];
            tmp = new float[n];
        }
        int tableSize = (cols + 1) * (rows + 1);
        if (table.length < tableSize) {
            table = new double[tableSize];
        }
        for (float[] layer : layers) {
            java.util.Arrays.fill(layer, 0, n, 0);
        }
        java.util.Arrays.fill(contact, 0, n, 0);
        java.util.Arrays.fill(used, false);

        int[] t = model.triangles;
        for (int k = 0; k < model.triangleCount; k++) {
            int a = t[3 * k], b = t[3 * k + 1], c = t[3 * k + 2];
            double ha = p[3 * a + 1] - floorY, hb = p[3 * b + 1] - floorY, hc = p[3 * c + 1] - floorY;
            double alongLight = Math.max(0, (ha + hb + hc) / 3) / key.y();
            int layer = 0;
            while (alongLight >= LAYERS[layer]) {
                layer++;
            }
            used[layer] |= fill(keyX[a], keyZ[a], keyX[b], keyZ[b], keyX[c], keyZ[c], 1, layers[layer]);
            double low = Math.max(0, Math.min(ha, Math.min(hb, hc)));
            if (low < CONTACT_HEIGHT) {
                float weight = (float) (1 - low / CONTACT_HEIGHT);
                fill(p[3 * a], p[3 * a + 2], p[3 * b], p[3 * b + 2], p[3 * c], p[3 * c + 2], weight, contact);
            }
        }
        java.util.Arrays.fill(darkness, 0, n, 0);
        for (int l = 0; l < layers.length; l++) {
            if (!used[l]) {
                continue;
            }
            // Each layer blurs by the penumbra of its middle distance.
            double mid = l == LAYERS.length - 1 ? OPEN_LAYER_DISTANCE : ((l == 0 ? 0 : LAYERS[l - 1]) + LAYERS[l]) / 2;
            blurTwice(layers[l], MIN_RADIUS + LIGHT_SPREAD * mid);
            for (int i = 0; i < n; i++) {
                darkness[i] = Math.max(darkness[i], layers[l][i]);
            }
        }
        blurTwice(contact, CONTACT_RADIUS);
        for (int i = 0; i < n; i++) {
            double lit = (1 - KEY_STRENGTH * darkness[i]) * (1 - CONTACT_STRENGTH * contact[i]);
            darkness[i] = (float) (1 - lit);
        }
    }

    /** Box filter of half-width {@code radiusMetres} applied twice, in place (texels off the patch count as 0). */
    private void blurTwice(float[] values, double radiusMetres) {
        int rad = (int) Math.round(radiusMetres / texel);
        if (rad == 0) {
            return;
        }
        boxBlur(values, tmp, rad);
        boxBlur(tmp, values, rad);
    }

    private void boxBlur(float[] src, float[] dst, int rad) {
        integrate(src, table);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[r * cols + c] = (float) box(table, c, r, rad);
            }
        }
    }

    /** sat[(r + 1) × (cols + 1) + c + 1] = sum of src over rows ≤ r, columns ≤ c. */
    private void integrate(float[] src, double[] sat) {
        int w = cols + 1;
        java.util.Arrays.fill(sat, 0, w, 0);
        for (int r = 0; r < rows; r++) {
            double line = 0;
            sat[(r + 1) * w] = 0;
            for (int c = 0; c < cols; c++) {
                line += src[r * cols + c];
                sat[(r + 1) * w + c + 1] = sat[r * w + c + 1] + line;
            }
        }
    }

    /** Mean over the square of half-width {@code rad} around (c, r); texels outside the patch count as 0. */
    private double box(double[] sat, int c, int r, int rad) {
        int w = cols + 1;
        int ca = Math.max(0, c - rad), cb = Math.min(cols, c + rad + 1);
        int ra = Math.max(0, r - rad), rb = Math.min(rows, r + rad + 1);
        double sum = sat[rb * w + cb] - sat[ra * w + cb] - sat[rb * w + ca] + sat[ra * w + ca];
        int side = 2 * rad + 1;
        return sum / (side * side);
    }

    /** Rasterises a floor-space triangle at texel centres: cover = max(cover, value); whether any texel was covered. */
    private boolean fill(double ax, double az, double bx, double bz, double cx, double cz, float value, float[] cover) {
        double inv = 1 / texel;
        ax = (ax - x0) * inv;
        az = (az - z0) * inv;
        bx = (bx - x0) * inv;
        bz = (bz - z0) * inv;
        cx = (cx - x0) * inv;
        cz = (cz - z0) * inv;
        double area = (bx - ax) * (cz - az) - (bz - az) * (cx - ax);
        if (!(Math.abs(area) > 1e-12)) {
            return false;
        }
        int c0 = Math.max(0, (int) Math.ceil(Math.min(ax, Math.min(bx, cx)) - 0.5));
        int c1 = Math.min(cols - 1, (int) Math.floor(Math.max(ax, Math.max(bx, cx)) - 0.5));
        int r0 = Math.max(0, (int) Math.ceil(Math.min(az, Math.min(bz, cz)) - 0.5));
        int r1 = Math.min(rows - 1, (int) Math.floor(Math.max(az, Math.max(bz, cz)) - 0.5));
        double sign = area > 0 ? 1 : -1;
        boolean any = false;
        for (int r = r0; r <= r1; r++) {
            double pz = r + 0.5;
            for (int c = c0; c <= c1; c++) {
                double px = c + 0.5;
                double e0 = sign * ((bx - ax) * (pz - az) - (bz - az) * (px - ax));
                double e1 = sign * ((cx - bx) * (pz - bz) - (cz - bz) * (px - bx));
                double e2 = sign * ((ax - cx) * (pz - cz) - (az - cz) * (px - cx));
                if (e0 >= 0 && e1 >= 0 && e2 >= 0) {
                    int i = r * cols + c;
                    if (value > cover[i]) {
                        cover[i] = value;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    /** Darkness at floor point (x, z), bilinear; 0 off the patch. */
    double darknessAt(double x, double z) {
        double gx = (x - x0) / texel - 0.5;
        double gz = (z - z0) / texel - 0.5;
        if (!(gx > -1 && gz > -1 && gx < cols && gz < rows)) {
            return 0;
        }
        int c = (int) Math.floor(gx);
        int r = (int) Math.floor(gz);
        double fx = gx - c;
        double fz = gz - r;
        double d00 = at(c, r), d10 = at(c + 1, r), d01 = at(c, r + 1), d11 = at(c + 1, r + 1);
        double top = d00 + fx * (d10 - d00);
        double bottom = d01 + fx * (d11 - d01);
        return top + fz * (bottom - top);
    }

    private double at(int c, int r) {
        return c < 0 || r < 0 || c >= cols || r >= rows ? 0 : darkness[r * cols + c];
    }

    /** Whether the map is empty (no finite vertex). */
    boolean isEmpty() {
        return cols == 0 || rows == 0;
    }
}
