package io.anim3d.formats.character;

import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.Map;

/**
 * Test-side reference skinning: v' = Σ wᵢ · Mᵢ · Mᵢ,bind⁻¹ · v, where the bind pose is the rest
 * pose with zero rotations, so Mᵢ,bind⁻¹ is a translation by minus joint i's rest position.
 * Written independently of the generator, from the definition.
 */
final class LinearBlendSkinning {
    private LinearBlendSkinning() {
    }

    /** The pose with the given local rotations (others identity) and the root at its rest offset. */
    static Pose pose(Skeleton s, Map<String, Quat> rotations) {
        Quat[] local = new Quat[s.size()];
        for (int j = 0; j < local.length; j++) {
            local[j] = rotations.getOrDefault(s.name(j), Quat.IDENTITY);
        }
        return Pose.of(s, local, s.offset(0));
    }

    /** Positions (and, when {@code normals} is true, normals) of {@code mesh} in the pose, morphs applied first. */
    static float[] deform(Mesh mesh, Skeleton s, Pose pose, Map<String, Double> morphWeights, boolean normals) {
        float[] base = normals ? mesh.normals() : mesh.positions();
        if (!normals) {
            for (MorphTarget m : mesh.morphs()) {
                double w = morphWeights.getOrDefault(m.name(), 0.0);
                if (w != 0) {
                    float[] d = m.positionDeltas();
                    for (int i = 0; i < base.length; i++) {
                        base[i] += (float) (w * d[i]);
                    }
                }
            }
        }
        Vec3[] rest = s.restPositions();
        int[] joints = mesh.joints();
        float[] weights = mesh.weights();
        float[] out = new float[base.length];
        for (int v = 0; v < mesh.vertexCount(); v++) {
            Vec3 p = new Vec3(base[3 * v], base[3 * v + 1], base[3 * v + 2]);
            Vec3 sum = Vec3.ZERO;
            for (int k = 0; k < Mesh.INFLUENCES; k++) {
                float w = weights[Mesh.INFLUENCES * v + k];
                if (w == 0) {
                    continue;
                }
                int j = joints[Mesh.INFLUENCES * v + k];
                Vec3 moved = normals ? pose.rotation(j).rotate(p)
                        : pose.rotation(j).rotate(p.minus(rest[j])).plus(pose.position(j));
                sum = sum.plus(moved.times(w));
            }
            if (normals) {
                sum = sum.normalized(Vec3.Y);
            }
            out[3 * v] = (float) sum.x();
            out[3 * v + 1] = (float) sum.y();
            out[3 * v + 2] = (float) sum.z();
        }
        return out;
    }
}
