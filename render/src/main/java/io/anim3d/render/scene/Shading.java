package io.anim3d.render.scene;

import io.anim3d.formats.character.Material;
import java.util.List;

/**
 * Per-pixel lighting of the character in linear light: a warm key light (Lambert plus a
 * Blinn–Phong highlight whose sharpness follows the material's roughness), a cool fill light, a
 * sky/ground hemisphere ambient, and a rim light from behind that outlines the silhouette against
 * the backdrop. Normals are interpolated perspective-correctly and renormalised per pixel.
 *
 * <p>Shares no mutable state: safe to call from several bands at once, each with its own
 * output array.
 */
final class Shading {
    private static final double[] KEY = {1.25, 1.18, 1.08};
    private static final double[] FILL = {0.26, 0.29, 0.34};
    private static final double[] SKY = {0.20, 0.22, 0.25};
    private static final double[] GROUND_BOUNCE = {0.09, 0.085, 0.08};
    private static final double[] RIM = {0.85, 0.88, 0.95};
    private static final double KNEE = 0.7;
    /** Rim light also added without the albedo, so dark suits get an outline too. */
    private static final double RIM_WHITE = 0.12;

    private final double[] albedo;
    private final double[] specular;
    /** Highlight exponent as a number of squarings: 2^k. */
    private final int[] specularSquarings;
    private final Texture[] textures;

    Shading(List<Material> materials) {
        int n = materials.size();
        albedo = new double[3 * n];
        specular = new double[n];
        specularSquarings = new int[n];
        textures = new Texture[n];
        for (int m = 0; m < n; m++) {
            Material mat = materials.get(m);
            float[] c = mat.baseColor();
            for (int k = 0; k < 3; k++) {
                albedo[3 * m + k] = clamp01(c[k]);
            }
            double smooth = 1 - clamp01(mat.roughness());
            // Roughness 1: exponent 8, weak; roughness 0.3: 64, clear; 0: 256.
            specularSquarings[m] = 3 + (int) Math.round(5 * smooth);
            specular[m] = 0.03 + 0.35 * smooth * smooth;
            byte[] png = mat.texturePng();
            textures[m] = png == null ? null : Texture.decode(mat.name(), png);
        }
    }

    /** Which materials have a texture (their triangles carry uv planes). */
    boolean[] textured() {
        boolean[] t = new boolean[textures.length];
        for (int m = 0; m < t.length; m++) {
            t[m] = textures[m] != null;
        }
        return t;
    }

    /**
     * Linear RGB of setup triangle {@code s} at pixel coordinates (px, py), each at most 1, into {@code rgb}.
     */
    void shade(TriangleSetup setup, int s, View view, double px, double py, double[] rgb) {
        double[] p = setup.attrs;
        int o = 3 * TriangleSetup.ATTRS * s;
        double nx = p[o + 3] * px + p[o + 4] * py + p[o + 5];
        double ny = p[o + 6] * px + p[o + 7] * py + p[o + 8];
        double nz = p[o + 9] * px + p[o + 10] * py + p[o + 11];
        // Towards the eye: the pixel's ray reversed.
        double vx = -(view.d0.x() + px * view.dx.x() + py * view.dy.x());
        double vy = -(view.d0.y() + px * view.dx.y() + py * view.dy.y());
        double vz = -(view.d0.z() + px * view.dx.z() + py * view.dy.z());
        double vl = 1 / Math.sqrt(vx * vx + vy * vy + vz * vz);
        vx *= vl;
        vy *= vl;
        vz *= vl;
        double nl = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (nl < 1e-20) {
            nx = vx;
            ny = vy;
            nz = vz;
        } else {
            nx /= nl;
            ny /= nl;
            nz /= nl;
        }
        double ndv = nx * vx + ny * vy + nz * vz;
        if (ndv < 0.02) {
            // Interpolated normals can turn away from the eye near silhouettes: bend them back just enough.
            double k = 0.02 - ndv;
            nx += k * vx;
            ny += k * vy;
            nz += k * vz;
            nl = 1 / Math.sqrt(nx * nx + ny * ny + nz * nz);
            nx *= nl;
            ny *= nl;
            nz *= nl;
            ndv = Math.max(0, nx * vx + ny * vy + nz * vz);
        }
        int m = setup.material[s];
        double ar = albedo[3 * m], ag = albedo[3 * m + 1], ab = albedo[3 * m + 2];
        if (textures[m] != null) {
            double w = p[o] * px + p[o + 1] * py + p[o + 2];
            double u = (p[o + 12] * px + p[o + 13] * py + p[o + 14]) / w;
            double v = (p[o + 15] * px + p[o + 16] * py + p[o + 17]) / w;
            rgb[0] = ar;
            rgb[1] = ag;
            rgb[2] = ab;
            textures[m].modulate(u, v, rgb);
            ar = rgb[0];
            ag = rgb[1];
            ab = rgb[2];
        }
        double kx = view.key.x(), ky = view.key.y(), kz = view.key.z();
        double key = Math.max(0, nx * kx + ny * ky + nz * kz);
        double fill = Math.max(0, nx * view.fill.x() + ny * view.fill.y() + nz * view.fill.z());
        double up = 0.5 + 0.5 * ny;
        double highlight = 0;
        if (key > 0) {
            double hx = kx + vx, hy = ky + vy, hz = kz + vz;
            double hl = Math.sqrt(hx * hx + hy * hy + hz * hz);
            double nh = hl > 1e-12 ? Math.max(0, (nx * hx + ny * hy + nz * hz) / hl) : 0;
            for (int i = specularSquarings[m]; i > 0; i--) {
                nh *= nh;
            }
            highlight = specular[m] * nh * key;
        }
        double edge = 1 - ndv;
        double rim = edge * edge * edge * Math.max(0, nx * view.rim.x() + ny * view.rim.y() + nz * view.rim.z() + 0.25);
        double[] light = rgb;
        for (int c = 0; c < 3; c++) {
            double a = c == 0 ? ar : c == 1 ? ag : ab;
            double diffuse = KEY[c] * key + FILL[c] * fill + SKY[c] * up + GROUND_BOUNCE[c] * (1 - up);
            light[c] = shoulder(a * diffuse + KEY[c] * highlight + RIM[c] * rim * (a + RIM_WHITE));
        }
    }

    /**
     * Linear up to {@value #KNEE}, then rolling off towards 1, so light skin in the key light
     * keeps its shape instead of clipping flat.
     */
    private static double shoulder(double v) {
        if (v <= KNEE) {
            return v;
        }
        double over = v - KNEE;
        return KNEE + over / (1 + over / (1 - KNEE));
    }

    private static double clamp01(double v) {
        return v > 0 ? Math.min(1, v) : 0;
    }
}
