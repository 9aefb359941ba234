package io.anim3d.formats.character;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny test-only rasteriser to look at generated characters: orthographic view from any yaw,
 * z-buffer, back faces culled (so a wrongly wound triangle shows as a hole), Lambert shading with
 * per-pixel interpolated normals (so faceting or bad normals show).
 */
final class SoftwareRasteriser {
    /** One mesh to draw: positions and normals (vertices × 3), triangles, linear RGB colour. */
    record Item(float[] positions, float[] normals, int[] triangles, float[] color) {
    }

    private final List<Item> items = new ArrayList<>();

    void add(float[] positions, float[] normals, int[] triangles, float[] color) {
        items.add(new Item(positions, normals, triangles, color));
    }

    /**
     * @param yawRadians viewer direction: 0 looks at the front (+Z side), π/2 from the character's left (+X)
     * @param centerX    screen-space x at the image centre, metres
     * @param centerY    world y at the image centre, metres
     * @param metresHigh world height shown by the image
     */
    BufferedImage render(double yawRadians, double centerX, double centerY, double metresHigh, int width, int height) {
        double[] depth = new double[width * height];
        java.util.Arrays.fill(depth, Double.NEGATIVE_INFINITY);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < width * height; i++) {
            int y = i / width;
            int g = 235 - 40 * y / height;
            img.setRGB(i % width, y, (g << 16) | (g << 8) | (g + 8));
        }
        double c = Math.cos(yawRadians), s = Math.sin(yawRadians);
        double pxPerMetre = height / metresHigh;
        double[] light = normalise(new double[] {-0.35 * c + 0.75 * s, 0.55, 0.35 * s + 0.75 * c});
        for (Item it : items) {
            float[] p = it.positions();
            float[] n = it.normals();
            int[] t = it.triangles();
            int vc = p.length / 3;
            double[] sx = new double[vc], sy = new double[vc], sz = new double[vc];
            for (int v = 0; v < vc; v++) {
                double x = p[3 * v], y = p[3 * v + 1], z = p[3 * v + 2];
                sx[v] = (x * c - z * s - centerX) * pxPerMetre + width / 2.0;
                sy[v] = height / 2.0 - (y - centerY) * pxPerMetre;
                sz[v] = x * s + z * c;
            }
            for (int k = 0; k < t.length; k += 3) {
                int a = t[k], b = t[k + 1], e = t[k + 2];
                // Screen y grows downwards, so front faces (counter-clockwise seen) have negative area here.
                double area = (sx[b] - sx[a]) * (sy[e] - sy[a]) - (sx[e] - sx[a]) * (sy[b] - sy[a]);
                if (area >= 0) {
                    continue;
                }
                int x0 = Math.max(0, (int) Math.floor(Math.min(sx[a], Math.min(sx[b], sx[e]))));
                int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(sx[a], Math.max(sx[b], sx[e]))));
                int y0 = Math.max(0, (int) Math.floor(Math.min(sy[a], Math.min(sy[b], sy[e]))));
                int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(sy[a], Math.max(sy[b], sy[e]))));
                for (int py = y0; py <= y1; py++) {
                    for (int px = x0; px <= x1; px++) {
                        double qx = px + 0.5, qy = py + 0.5;
                        double wa = ((sx[b] - qx) * (sy[e] - qy) - (sx[e] - qx) * (sy[b] - qy)) / area;
                        double wb = ((sx[e] - qx) * (sy[a] - qy) - (sx[a] - qx) * (sy[e] - qy)) / area;
                        double we = 1 - wa - wb;
                        if (wa < 0 || wb < 0 || we < 0) {
                            continue;
                        }
                        double d = wa * sz[a] + wb * sz[b] + we * sz[e];
                        int idx = py * width + px;
                        if (d <= depth[idx]) {
                            continue;
                        }
                        depth[idx] = d;
                        double[] nn = normalise(new double[] {
                            wa * n[3 * a] + wb * n[3 * b] + we * n[3 * e],
                            wa * n[3 * a + 1] + wb * n[3 * b + 1] + we * n[3 * e + 1],
                            wa * n[3 * a + 2] + wb * n[3 * b + 2] + we * n[3 * e + 2]});
                        double lambert = Math.max(0, nn[0] * light[0] + nn[1] * light[1] + nn[2] * light[2]);
                        double shade = 0.25 + 0.75 * lambert;
                        img.setRGB(px, py, rgb(it.color(), shade));
                    }
                }
            }
        }
        return img;
    }

    private static int rgb(float[] linear, double shade) {
        int out = 0;
        for (int ch = 0; ch < 3; ch++) {
            double l = Math.max(0, Math.min(1, linear[ch] * shade));
            double srgb = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
            out = (out << 8) | (int) Math.round(255 * srgb);
        }
        return out;
    }

    private static double[] normalise(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return l < 1e-12 ? new double[] {0, 1, 0} : new double[] {v[0] / l, v[1] / l, v[2] / l};
    }
}
