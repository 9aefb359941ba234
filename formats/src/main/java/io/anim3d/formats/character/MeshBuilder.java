package io.anim3d.formats.character;

import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects skinned vertices and triangles of one generated mesh and turns them into a
 * {@link Mesh} with smooth normals. Vertices at exactly the same position (UV seams, where a
 * ring repeats its first vertex with u = 1) share one averaged normal, so seams do not show.
 */
final class MeshBuilder {
    private final List<Vec3> positions = new ArrayList<>();
    private final List<double[]> uvs = new ArrayList<>();
    private final List<Skin> skins = new ArrayList<>();
    private final List<int[]> triangles = new ArrayList<>();

    /** Adds a vertex; {@code u, v} are clamped to 0..1. Returns its index. */
    int vertex(Vec3 p, double u, double v, Skin skin) {
        positions.add(p);
        uvs.add(new double[] {clamp01(u), clamp01(v)});
        skins.add(skin);
        return positions.size() - 1;
    }

    /** Something that takes triangles, e.g. this builder or a view of it with the winding flipped. */
    @FunctionalInterface
    interface Winding {
        void triangle(int a, int b, int c);
    }

    /** A triangle, counter-clockwise seen from outside. */
    void triangle(int a, int b, int c) {
        triangles.add(new int[] {a, b, c});
    }

    int vertexCount() {
        return positions.size();
    }

    Vec3 position(int vertex) {
        return positions.get(vertex);
    }

    Mesh build(String name, int material, List<MorphTarget> morphs) {
        int n = positions.size();
        float[] pos = new float[3 * n];
        float[] uv = new float[2 * n];
        int[] joints = new int[Mesh.INFLUENCES * n];
        float[] weights = new float[Mesh.INFLUENCES * n];
        for (int i = 0; i < n; i++) {
            Vec3 p = positions.get(i);
            pos[3 * i] = (float) p.x();
            pos[3 * i + 1] = (float) p.y();
            pos[3 * i + 2] = (float) p.z();
            uv[2 * i] = (float) uvs.get(i)[0];
            uv[2 * i + 1] = (float) uvs.get(i)[1];
            skins.get(i).write(joints, weights, i);
        }
        int[] tris = new int[3 * triangles.size()];
        for (int t = 0; t < triangles.size(); t++) {
            System.arraycopy(triangles.get(t), 0, tris, 3 * t, 3);
        }
        return new Mesh(name, pos, normals(pos, tris), uv, tris, joints, weights, material, morphs);
    }

    /** Area-weighted average of the faces around each vertex, shared by coincident vertices. */
    private static float[] normals(float[] pos, int[] tris) {
        int n = pos.length / 3;
        double[] acc = new double[3 * n];
        for (int t = 0; t < tris.length; t += 3) {
            int a = tris[t], b = tris[t + 1], c = tris[t + 2];
            double ux = pos[3 * b] - pos[3 * a], uy = pos[3 * b + 1] - pos[3 * a + 1], uz = pos[3 * b + 2] - pos[3 * a + 2];
            double vx = pos[3 * c] - pos[3 * a], vy = pos[3 * c + 1] - pos[3 * a + 1], vz = pos[3 * c + 2] - pos[3 * a + 2];
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            for (int v : new int[] {a, b, c}) {
                acc[3 * v] += nx;
                acc[3 * v + 1] += ny;
                acc[3 * v + 2] += nz;
            }
        }
        // Group coincident vertices in index order (deterministic) and give each group the sum.
        Map<List<Long>, Integer> groupOf = new HashMap<>();
        int[] group = new int[n];
        List<double[]> sums = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            // Micrometre cells: seam copies agree far better than that, distinct vertices are far apart.
            List<Long> key = List.of(Math.round(pos[3 * v] * 1e6), Math.round(pos[3 * v + 1] * 1e6),
                    Math.round(pos[3 * v + 2] * 1e6));
            Integer g = groupOf.get(key);
            if (g == null) {
                g = sums.size();
                groupOf.put(key, g);
                sums.add(new double[3]);
            }
            group[v] = g;
            double[] s = sums.get(g);
            s[0] += acc[3 * v];
            s[1] += acc[3 * v + 1];
            s[2] += acc[3 * v + 2];
        }
        float[] out = new float[3 * n];
        for (int v = 0; v < n; v++) {
            double[] s = sums.get(group[v]);
            double len = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
            if (len < 1e-20) {
                out[3 * v + 1] = 1; // an isolated vertex: any unit normal keeps the mesh valid
            } else {
                out[3 * v] = (float) (s[0] / len);
                out[3 * v + 1] = (float) (s[1] / len);
                out[3 * v + 2] = (float) (s[2] / len);
            }
        }
        return out;
    }

    private static double clamp01(double x) {
        return Double.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
    }
}
