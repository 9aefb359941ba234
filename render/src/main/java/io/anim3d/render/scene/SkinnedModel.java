package io.anim3d.render.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;

/**
 * Every mesh of a character flattened into one vertex and triangle list, and linear blend
 * skinning of it into reused world-space arrays: v' = Σ wᵢ (Rᵢ (v − restᵢ) + Pᵢ), where Rᵢ and Pᵢ
 * are joint i's world rotation and position in the pose and restᵢ its rest position (the
 * character's bind pose has zero rest rotations, so its inverse bind matrix is a translation by
 * −restᵢ, as in the GLB writer). Normals blend the rotations only and are renormalised.
 *
 * <p>Morph targets are not applied: the face renders in its neutral shape. Not thread-safe.
 */
final class SkinnedModel {
    final int vertexCount;
    final int triangleCount;
    /** triangles × 3 indices into the flattened vertices. */
    final int[] triangles;
    /** Material index of each triangle. */
    final int[] triangleMaterial;
    /** vertices × 2 texture coordinates (0 where a mesh has none). */
    final float[] uvs;
    /** Skinned world positions, vertices × 3, metres; valid after {@link #skin}. */
    final double[] worldPositions;
    /** Skinned unit world normals, vertices × 3; valid after {@link #skin}. */
    final double[] worldNormals;

    private final Skeleton skeleton;
    private final Vec3[] rest;
    private final float[] bindPositions;
    private final float[] bindNormals;
    private final int[] joints;
    private final float[] weights;
    /** joints × 12: row-major 3×3 rotation, then translation (Pᵢ − Rᵢ restᵢ). */
    private final double[] jointMatrices;

    SkinnedModel(Character character) {
        skeleton = character.skeleton();
        rest = skeleton.restPositions();
        int vertices = 0;
        int tris = 0;
        for (Mesh m : character.meshes()) {
            vertices += m.vertexCount();
            tris += m.triangleCount();
        }
        vertexCount = vertices;
        triangleCount = tris;
        bindPositions = new float[3 * vertices];
        bindNormals = new float[3 * vertices];
        uvs = new float[2 * vertices];
        joints = new int[Mesh.INFLUENCES * vertices];
        weights = new float[Mesh.INFLUENCES * vertices];
        triangles = new int[3 * tris];
        triangleMaterial = new int[tris];
        int v0 = 0;
        int t0 = 0;
        for (Mesh m : character.meshes()) {
            int n = m.vertexCount();
            System.arraycopy(m.positions(), 0, bindPositions, 3 * v0, 3 * n);
            System.arraycopy(m.normals(), 0, bindNormals, 3 * v0, 3 * n);
            float[] uv = m.uvs();
            if (uv != null) {
                System.arraycopy(uv, 0, uvs, 2 * v0, 2 * n);
            }
            System.arraycopy(m.joints(), 0, joints, Mesh.INFLUENCES * v0, Mesh.INFLUENCES * n);
            System.arraycopy(m.weights(), 0, weights, Mesh.INFLUENCES * v0, Mesh.INFLUENCES * n);
            int[] t = m.triangles();
            for (int i = 0; i < t.length; i++) {
                triangles[3 * t0 + i] = t[i] + v0;
            }
            java.util.Arrays.fill(triangleMaterial, t0, t0 + m.triangleCount(), m.material());
            v0 += n;
            t0 += m.triangleCount();
        }
        worldPositions = new double[3 * vertices];
        worldNormals = new double[3 * vertices];
        jointMatrices = new double[12 * skeleton.size()];
    }

    /** Skins every vertex into {@link #worldPositions} and {@link #worldNormals}. */
    void skin(Pose pose) {
        int jointCount = skeleton.size();
        if (pose.positions().length != jointCount) {
            throw new IllegalArgumentException("the pose has " + pose.positions().length
                    + " joints but the character's skeleton has "                    + jointCount + "; retarget the motion onto the character's skeleton first");
        }
        for (int j = 0; j < jointCount; j++) {
            Quat q = pose.rotation(j);
            Vec3 p = pose.position(j);
            double[] r = q.normalized().toMatrix();
            int o = 12 * j;
            System.arraycopy(r, 0, jointMatrices, o, 9);
            Vec3 restJ = rest[j];
            jointMatrices[o + 9] = p.x() - (r[0] * restJ.x() + r[1] * restJ.y() + r[2] * restJ.z());
            jointMatrices[o + 10] = p.y() - (r[3] * restJ.x() + r[4] * restJ.y() + r[5] * restJ.z());
            jointMatrices[o + 11] = p.z() - (r[6] * restJ.x() + r[7] * restJ.y() + r[8] * restJ.z());
        }
        double[] m = jointMatrices;
        for (int v = 0; v < vertexCount; v++) {
            double x = bindPositions[3 * v];
            double y = bindPositions[3 * v + 1];
            double z = bindPositions[3 * v + 2];
            double nx = bindNormals[3 * v];
            double ny = bindNormals[3 * v + 1];
            double nz = bindNormals[3 * v + 2];
            double px = 0;
            double py = 0;
            double pz = 0;
            double qx = 0;
            double qy = 0;
            double qz = 0;
            for (int k = 0; k < Mesh.INFLUENCES; k++) {
                double w = weights[Mesh.INFLUENCES * v + k];
                if (w == 0) {
                    continue;
                }
                int o = 12 * joints[Mesh.INFLUENCES * v + k];
                px += w * (m[o] * x + m[o + 1] * y + m[o + 2] * z + m[o + 9]);
                py += w * (m[o + 3] * x + m[o + 4] * y + m[o + 5] * z + m[o + 10]);
                pz += w * (m[o + 6] * x + m[o + 7] * y + m[o + 8] * z + m[o + 11]);
                qx += w * (m[o] * nx + m[o + 1] * ny + m[o + 2] * nz);
                qy += w * (m[o + 3] * nx + m[o + 4] * ny + m[o + 5] * nz);
                qz += w * (m[o + 6] * nx + m[o + 7] * ny + m[o + 8] * nz);
            }
            worldPositions[3 * v] = px;
            worldPositions[3 * v + 1] = py;
            worldPositions[3 * v + 2] = pz;
            double len = Math.sqrt(qx * qx + qy * qy + qz * qz);
            double inv = len > 1e-12 ? 1 / len : 0;
            worldNormals[3 * v] = qx * inv;
            worldNormals[3 * v + 1] = qy * inv;
            worldNormals[3 * v + 2] = qz * inv;
        }
    }
}
