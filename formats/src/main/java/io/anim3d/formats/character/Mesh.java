package io.anim3d.formats.character;

import java.util.Arrays;
import java.util.List;

/**
 * A skinned triangle mesh in the bind pose (the skeleton's rest pose), in the character's space
 * (metres, Y up, facing +Z). Every vertex has up to four joint influences whose weights sum to 1.
 * Immutable: arrays are copied on the way in and out.
 */
public final class Mesh {
    /** Joint influences per vertex. */
    public static final int INFLUENCES = 4;

    private final String name;
    private final float[] positions;
    private final float[] normals;
    private final float[] uvs;
    private final int[] triangles;
    private final int[] joints;
    private final float[] weights;
    private final int material;
    private final List<MorphTarget> morphs;

    /**
     * @param positions vertices × 3, metres
     * @param normals   vertices × 3, unit length
     * @param uvs       vertices × 2 (u right, v down as in glTF), or null
     * @param triangles triangles × 3 vertex indices, counter-clockwise seen from outside
     * @param joints    vertices × 4 joint indices into the character's skeleton
     * @param weights   vertices × 4 weights, each vertex's summing to 1 (unused slots 0)
     * @param material  index into the character's materials
     */
    public Mesh(String name, float[] positions, float[] normals, float[] uvs, int[] triangles, int[] joints,
                float[] weights, int material, List<MorphTarget> morphs) {
        int n = positions.length / 3;
        if (positions.length % 3 != 0 || normals.length != positions.length) {
            throw new IllegalArgumentException("mesh " + name + ": positions and normals need 3 values per vertex");
        }
        if (uvs != null && uvs.length != 2 * n) {
            throw new IllegalArgumentException("mesh " + name + ": uvs need 2 values per vertex");
        }
        if (triangles.length % 3 != 0) {
            throw new IllegalArgumentException("mesh " + name + ": triangles need 3 indices each");
        }
        for (int t : triangles) {
            if (t < 0 || t >= n) {
                throw new IllegalArgumentException("mesh " + name + ": triangle index " + t + " outside 0.." + (n - 1));
            }
        }
        if (joints.length != INFLUENCES * n || weights.length != INFLUENCES * n) {
            throw new IllegalArgumentException("mesh " + name + ": joints and weights need " + INFLUENCES + " per vertex");
        }
        for (int v = 0; v < n; v++) {
            float sum = 0;
            for (int k = 0; k < INFLUENCES; k++) {
                sum += weights[INFLUENCES * v + k];
            }
            if (Math.abs(sum - 1) > 1e-3) {
                throw new IllegalArgumentException("mesh " + name + ": weights of vertex " + v + " sum to " + sum + ", not 1");
            }
        }
        for (MorphTarget m : morphs) {
            if (m.positionDeltas().length != positions.length) {
                throw new IllegalArgumentException("mesh " + name + ": morph " + m.name() + " does not cover every vertex");
            }
        }
        this.name = name;
        this.positions = positions.clone();
        this.normals = normals.clone();
        this.uvs = uvs == null ? null : uvs.clone();
        this.triangles = triangles.clone();
        this.joints = joints.clone();
        this.weights = weights.clone();
        this.material = material;
        this.morphs = List.copyOf(morphs);
    }

    public String name() {
        return name;
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    public float[] positions() {
        return positions.clone();
    }

    public float[] normals() {
        return normals.clone();
    }

    /** Texture coordinates, or null. */
    public float[] uvs() {
        return uvs == null ? null : uvs.clone();
    }

    public int[] triangles() {
        return triangles.clone();
    }

    public int[] joints() {
        return joints.clone();
    }

    public float[] weights() {
        return weights.clone();
    }

    public int material() {
        return material;
    }

    public List<MorphTarget> morphs() {
        return morphs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mesh m && name.equals(m.name) && Arrays.equals(positions, m.positions)
                && Arrays.equals(normals, m.normals) && Arrays.equals(uvs, m.uvs) && Arrays.equals(triangles, m.triangles)
                && Arrays.equals(joints, m.joints) && Arrays.equals(weights, m.weights) && material == m.material
                && morphs.equals(m.morphs);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(positions);
    }
}
