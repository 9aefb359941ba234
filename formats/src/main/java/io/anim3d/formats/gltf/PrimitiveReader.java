package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Mesh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One skinned glTF mesh primitive as a {@link Mesh} for {@link GlbCharacterReader}: positions and
 * normals mapped from the skin's bind space to the scene (and turned about Y for VRM 0.x), UVs,
 * triangles (strips and fans unrolled, implicit indices made explicit, winding kept outward under
 * a mirroring transform), and the strongest four influences of every JOINTS_n/WEIGHTS_n set,
 * mapped to our joint indices and normalised. Missing normals are computed (smooth, area
 * weighted); a vertex without weight is bound to the root joint. A mesh without skin that
 * hangs under a joint (a robot's plates, a prop in a hand) is bound rigidly to that joint.
 */
final class PrimitiveReader {
    /** Limits shared by every primitive of one file. */
    interface Budget {
        void takeVertices(int count, String what);

        void takeCorners(int count, String what);

        void unweighted(int vertices);
    }

    private static final int TRIANGLES = 4;
    private static final int TRIANGLE_STRIP = 5;
    private static final int TRIANGLE_FAN = 6;

    private final GltfAccessors accessors;
    private final String what;
    private final Map<?, ?> prim;
    private final double[] bindToScene;
    private final boolean turnAround;
    private final int[] ourJoint;
    private final int rigidJoint;

    /**
     * @param bindToScene maps the primitive's positions to the scene (a skinned primitive: its
     *                    skin's bind space; a rigid one: its node's world matrix)
     * @param ourJoint    our joint index of each joint of the primitive's skin (empty when rigid)
     * @param rigidJoint  for a mesh without skin that hangs under a joint, that joint (our index);
     *                    -1 for a skinned primitive
     */
    PrimitiveReader(GltfAccessors accessors, String what, Map<?, ?> prim, double[] bindToScene, boolean turnAround,
                    int[] ourJoint, int rigidJoint) {
        this.accessors = accessors;
        this.what = what;
        this.prim = prim;
        this.bindToScene = bindToScene;
        this.turnAround = turnAround;
        this.ourJoint = ourJoint;
        this.rigidJoint = rigidJoint;
    }

    /** The mesh, or null for a primitive that is not made of triangles (points, lines). */
    Mesh read(String name, int material, Budget budget) {
        if (prim.get("extensions") instanceof Map<?, ?> ext) {
            for (Object key : ext.keySet()) {
                if (String.valueOf(key).contains("draco") || String.valueOf(key).contains("meshopt")) {
                    throw GlbCharacterReader.compressed(String.valueOf(key));
                }
            }
        }
        int mode = prim.containsKey("mode") ? GltfAccessors.whole(prim.get("mode"), what + ".mode") : TRIANGLES;
        if (mode != TRIANGLES && mode != TRIANGLE_STRIP && mode != TRIANGLE_FAN) {
            return null;
        }
        if (!(prim.get("attributes") instanceof Map<?, ?> attributes) || !attributes.containsKey("POSITION")) {
            throw new IllegalArgumentException("glTF: " + what + " has no POSITION attribute");
        }
        int posAccessor = attribute(attributes, "POSITION");
        int n = accessors.count(posAccessor);
        budget.takeVertices(n, what);
        double[] pos = accessors.read(posAccessor, what + ".POSITION", List.of("VEC3"), 3L * n);
        int[] corners = corners(n, mode, budget);
        double[] nor = attributes.containsKey("NORMAL")
                ? accessors.read(attribute(attributes, "NORMAL"), what + ".NORMAL", List.of("VEC3"), 3L * n) : null;
        double[] uv = attributes.containsKey("TEXCOORD_0")
                ? accessors.read(attribute(attributes, "TEXCOORD_0"), what + ".TEXCOORD_0", List.of("VEC2"), 2L * n) : null;
        if (nor != null && nor.length != 3 * n || uv != null && uv.length != 2 * n) {
            throw new IllegalArgumentException("glTF: " + what + " has attributes with different vertex counts");
        }

        float[] positions = new float[3 * n];
        double[] normalMatrix = GltfMath.normalMatrix(bindToScene, "the skin's bind-to-scene transform");
        double flip = turnAround ? -1 : 1;
        for (int v = 0; v < n; v++) {
            double[] p = GltfMath.point(bindToScene, pos[3 * v], pos[3 * v + 1], pos[3 * v + 2]);
            positions[3 * v] = (float) (flip * p[0]);
            positions[3 * v + 1] = (float) p[1];
            positions[3 * v + 2] = (float) (flip * p[2]);
        }
        if (GltfMath.det3(bindToScene) < 0) {
            for (int t = 0; t < corners.length; t += 3) {
                int c = corners[t + 1];
                corners[t + 1] = corners[t + 2];
                corners[t + 2] = c;
            }
        }
        float[] normals = new float[3 * n];
        if (nor != null) {
            for (int v = 0; v < n; v++) {
                double x = nor[3 * v];
                double y = nor[3 * v + 1];
                double z = nor[3 * v + 2];
                double[] m = normalMatrix;
                setUnit(normals, v, flip * (m[0] * x + m[3] * y + m[6] * z), m[1] * x + m[4] * y + m[7] * z,
                        flip * (m[2] * x + m[5] * y + m[8] * z));
            }
        } else {
            smoothNormals(positions, corners, normals);
        }
        float[] uvs = null;
        if (uv != null) {
            uvs = new float[2 * n];
            for (int i = 0; i < uvs.length; i++) {
                uvs[i] = (float) uv[i];
            }
        }
        int[] joints = new int[Mesh.INFLUENCES * n];
        float[] weights = new float[Mesh.INFLUENCES * n];
        if (rigidJoint >= 0) {
            for (int v = 0; v < n; v++) {
                joints[Mesh.INFLUENCES * v] = rigidJoint;
                weights[Mesh.INFLUENCES * v] = 1;
            }
        } else {
            skin(attributes, n, joints, weights, budget);
        }
        return new Mesh(name, positions, normals, uvs, corners, joints, weights, material, List.of());
    }

    private int[] corners(int n, int mode, Budget budget) {
        int[] idx;
        if (prim.containsKey("indices")) {
            int a = GltfAccessors.whole(prim.get("indices"), what + ".indices");
            int count = accessors.count(a);
            budget.takeCorners(mode == TRIANGLES ? count : 3 * Math.max(0, count - 2), what);
            double[] raw = accessors.read(a, what + ".indices", List.of("SCALAR"), count);
            idx = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] >= n) {
                    throw new IllegalArgumentException("glTF: " + what + ".indices[" + i + "] is " + (long) raw[i]
                            + ", but the primitive has " + n + " vertices");
                }
                idx[i] = (int) raw[i];
            }
        } else {
            budget.takeCorners(mode == TRIANGLES ? n : 3 * Math.max(0, n - 2), what);
            idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
        }
        if (mode == TRIANGLES) {
            return Arrays.copyOf(idx, idx.length - idx.length % 3);
        }
        int triangles = Math.max(0, idx.length - 2);
        int[] out = new int[3 * triangles];
        for (int t = 0; t < triangles; t++) {
            boolean strip = mode == TRIANGLE_STRIP;
            out[3 * t] = strip ? idx[t] : idx[0];
            out[3 * t + 1] = strip ? idx[t % 2 == 0 ? t + 1 : t + 2] : idx[t + 1];
            out[3 * t + 2] = strip ? idx[t % 2 == 0 ? t + 2 : t + 1] : idx[t + 2];
        }
        return out;
    }

    private void skin(Map<?, ?> attributes, int n, int[] joints, float[] weights, Budget budget) {
        List<double[]> jointSets = new ArrayList<>();
        List<double[]> weightSets = new ArrayList<>();
        for (int set = 0; attributes.containsKey("JOINTS_" + set) && attributes.containsKey("WEIGHTS_" + set); set++) {
            jointSets.add(accessors.read(attribute(attributes, "JOINTS_" + set), what + ".JOINTS_" + set, List.of("VEC4"), 4L * n));
            weightSets.add(accessors.read(attribute(attributes, "WEIGHTS_" + set), what + ".WEIGHTS_" + set, List.of("VEC4"), 4L * n));
            if (jointSets.get(set).length != 4 * n || weightSets.get(set).length != 4 * n) {
                throw new IllegalArgumentException("glTF: " + what + ".JOINTS_" + set + "/WEIGHTS_" + set
                        + " do not have one element per vertex");
            }
        }
        int k = 4 * jointSets.size();
        int[] js = new int[k];
        double[] ws = new double[k];
        int unweighted = 0;
        for (int v = 0; v < n; v++) {
            int used = 0;
            for (int s = 0; s < jointSets.size(); s++) {
                for (int c = 0; c < 4; c++) {
                    double w = weightSets.get(s)[4 * v + c];
                    if (!(w > 0)) {
                        continue;
                    }
                    double j = jointSets.get(s)[4 * v + c];
                    if (j >= ourJoint.length) {
                        throw new IllegalArgumentException("glTF: " + what + ".JOINTS_" + s + " of vertex " + v + " is "
                                + (long) j + ", but the skin has " + ourJoint.length + " joints");
                    }
                    int ours = ourJoint[(int) j];
                    int at = 0;
                    while (at < used && js[at] != ours) {
                        at++;
                    }
                    if (at == used) {
                        js[used++] = ours;
                    }
                    ws[at] += w;
                }
            }
            // strongest first, ties by joint index: deterministic
            for (int a = 1; a < used; a++) {
                for (int b = a; b > 0 && (ws[b] > ws[b - 1] || ws[b] == ws[b - 1] && js[b] < js[b - 1]); b--) {
                    double tw = ws[b];
                    ws[b] = ws[b - 1];
                    ws[b - 1] = tw;
                    int tj = js[b];
                    js[b] = js[b - 1];
                    js[b - 1] = tj;
                }
            }
            int keep = Math.min(Mesh.INFLUENCES, used);
            double sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += ws[i];
            }
            if (!(sum > 1e-9)) {
                unweighted++;
                weights[Mesh.INFLUENCES * v] = 1; // joint 0, the root
            } else {
                for (int i = 0; i < keep; i++) {
                    joints[Mesh.INFLUENCES * v + i] = js[i];
                    weights[Mesh.INFLUENCES * v + i] = (float) (ws[i] / sum);
                }
            }
            Arrays.fill(ws, 0, used, 0);
        }
        if (unweighted > 0) {
            budget.unweighted(unweighted);
        }
    }

    private int attribute(Map<?, ?> attributes, String key) {
        return GltfAccessors.whole(attributes.get(key), what + ".attributes." + key);
    }

    private static void setUnit(float[] out, int v, double x, double y, double z) {
        double len = Math.sqrt(x * x + y * y + z * z);
        if (!(len > 1e-12)) {
            x = 0;
            y = 1;
            z = 0;
            len = 1;
        }
        out[3 * v] = (float) (x / len);
        out[3 * v + 1] = (float) (y / len);
        out[3 * v + 2] = (float) (z / len);
    }

    /** Area-weighted vertex normals of counter-clockwise triangles. */
    private static void smoothNormals(float[] p, int[] tri, float[] out) {
        double[] acc = new double[p.length];
        for (int t = 0; t < tri.length; t += 3) {
            int a = 3 * tri[t];
            int b = 3 * tri[t + 1];
            int c = 3 * tri[t + 2];
            double ux = p[b] - p[a];
            double uy = p[b + 1] - p[a + 1];
            double uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a];
            double vy = p[c + 1] - p[a + 1];
            double vz = p[c + 2] - p[a + 2];
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            for (int corner : new int[] {a, b, c}) {
                acc[corner] += nx;
                acc[corner + 1] += ny;
                acc[corner + 2] += nz;
            }
        }
        for (int v = 0; v < out.length / 3; v++) {
            setUnit(out, v, acc[3 * v], acc[3 * v + 1], acc[3 * v + 2]);
        }
    }
}
