package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one character {@link Mesh} as a glTF mesh with one triangle primitive: POSITION (with
 * min/max), NORMAL, TEXCOORD_0 when present, JOINTS_0/WEIGHTS_0, indices, the material, and its
 * morph targets (POSITION deltas with min/max, NORMAL deltas when any morph has them), with
 * default weights 0 and {@code extras.targetNames}, which three.js, Blender and Babylon read as
 * the morph names.
 */
final class MeshEncoder {
    private static final int TRIANGLES = 4;

    private MeshEncoder() {
    }

    /** Adds the mesh; returns its glTF mesh index. {@code jointCount} chooses the JOINTS_0 component type. */
    static int add(GltfBuilder gltf, Mesh mesh, int material, int jointCount) {
        int n = mesh.vertexCount();
        if (n == 0 || mesh.triangleCount() == 0) {
            throw new IllegalArgumentException("mesh " + mesh.name() + " has no triangles; glTF accessors cannot be empty");
        }
        Map<String, Object> attributes = GltfBuilder.object();
        attributes.put("POSITION", gltf.floats(mesh.positions(), "VEC3", 3, true, GltfBuilder.ARRAY_BUFFER));
        attributes.put("NORMAL", gltf.floats(unitNormals(mesh), "VEC3", 3, false, GltfBuilder.ARRAY_BUFFER));
        float[] uvs = mesh.uvs();
        if (uvs != null) {
            attributes.put("TEXCOORD_0", gltf.floats(uvs, "VEC2", 2, false, GltfBuilder.ARRAY_BUFFER));
        }
        float[] weights = normalizedWeights(mesh);
        int[] joints = mesh.joints();
        for (int i = 0; i < joints.length; i++) {
            if (weights[i] == 0) {
                joints[i] = 0; // unused slots: joint 0, weight 0, as the spec recommends
            }
        }
        int jointType = jointCount <= 256 ? GltfBuilder.UNSIGNED_BYTE : GltfBuilder.UNSIGNED_SHORT;
        attributes.put("JOINTS_0", gltf.unsigned(joints, jointType, "VEC4", 4, GltfBuilder.ARRAY_BUFFER));
        attributes.put("WEIGHTS_0", gltf.floats(weights, "VEC4", 4, false, GltfBuilder.ARRAY_BUFFER));

        Map<String, Object> primitive = GltfBuilder.object();
        primitive.put("attributes", attributes);
        // 65535 is the primitive-restart value, so unsigned short indices stop at 65534
        int indexType = n <= 65535 ? GltfBuilder.UNSIGNED_SHORT : GltfBuilder.UNSIGNED_INT;
        primitive.put("indices", gltf.unsigned(mesh.triangles(), indexType, "SCALAR", 1, GltfBuilder.ELEMENT_ARRAY_BUFFER));
        primitive.put("material", material);
        primitive.put("mode", TRIANGLES);

        Map<String, Object> out = GltfBuilder.object();
        out.put("name", mesh.name());
        List<MorphTarget> morphs = mesh.morphs();
        if (!morphs.isEmpty()) {
            boolean normals = morphs.stream().anyMatch(m -> m.normalDeltas() != null);
            List<Object> targets = new ArrayList<>();
            List<Object> names = new ArrayList<>();
            float[] defaults = new float[morphs.size()];
            for (MorphTarget m : morphs) {
                Map<String, Object> t = GltfBuilder.object();
                t.put("POSITION", gltf.floats(m.positionDeltas(), "VEC3", 3, true, GltfBuilder.ARRAY_BUFFER));
                if (normals) {
                    float[] d = m.normalDeltas() != null ? m.normalDeltas() : new float[3 * n];
                    t.put("NORMAL", gltf.floats(d, "VEC3", 3, false, GltfBuilder.ARRAY_BUFFER));
                }
                targets.add(t);
                names.add(m.name());
            }
            primitive.put("targets", targets);
            out.put("primitives", List.of(primitive));
            out.put("weights", defaults);
            Map<String, Object> extras = GltfBuilder.object();
            extras.put("targetNames", names);
            out.put("extras", extras);
        } else {
            out.put("primitives", List.of(primitive));
        }
        return gltf.add("meshes", out);
    }

    /** Normals renormalised at float precision (the validator checks unit length); +Y for a degenerate one. */
    private static float[] unitNormals(Mesh mesh) {
        float[] nrm = mesh.normals();
        for (int v = 0; v < nrm.length; v += 3) {
            double x = nrm[v], y = nrm[v + 1], z = nrm[v + 2];
            double len = Math.sqrt(x * x + y * y + z * z);
            if (!(len > 1e-12)) {
                x = 0;
                y = 1;
                z = 0;
                len = 1;
            }
            nrm[v] = (float) (x / len);
            nrm[v + 1] = (float) (y / len);
            nrm[v + 2] = (float) (z / len);
        }
        return nrm;
    }

    /**
     * Weights rescaled to sum to 1, then the largest adjusted so that the float32 values sum to 1
     * as closely as float allows: the validator sums the stored floats.
     */
    static float[] normalizedWeights(Mesh mesh) {
        float[] w = mesh.weights();
        int k = Mesh.INFLUENCES;
        for (int v = 0; v < w.length; v += k) {
            double sum = 0;
            int largest = v;
            for (int i = v; i < v + k; i++) {
                sum += w[i];
                if (w[i] > w[largest]) {
                    largest = i;
                }
            }
            double rest = 0;
            for (int i = v; i < v + k; i++) {
                if (i != largest) {
                    w[i] = (float) (w[i] / sum);
                    rest += w[i];
                }
            }
            w[largest] = (float) (1 - rest);
        }
        return w;
    }
}
