package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Vec3;
import java.util.Map;

/**
 * Our own reference for what a glTF viewer should show: morph targets blended on the bind pose,
 * then linear-blend skinning with the motion's forward kinematics (rest rotations are zero, so a
 * joint moves a vertex by its world rotation about its rest position, then to its posed position).
 */
final class ExpectedSkinning {
    /** Centroid and bounding box of one posed mesh, metres. */
    record Stats(int vertices, Vec3 centroid, Vec3 min, Vec3 max) {
    }

    private ExpectedSkinning() {
    }

    /**
     * @param motion  null for the rest pose
     * @param weights per-frame morph weights by name (empty for none)
     */
    static Stats posed(Character c, Mesh mesh, Motion motion, int frame, Map<String, float[]> weights) {
        float[] p = mesh.positions();
        for (MorphTarget m : mesh.morphs()) {
            float[] w = weights.get(m.name());
            if (w == null) {
                continue;
            }
            float[] d = m.positionDeltas();
            for (int i = 0; i < p.length; i++) {
                p[i] += w[frame] * d[i];
            }
        }
        Vec3[] rest = c.skeleton().restPositions();
        Pose pose = motion == null ? null : motion.worldTransforms(frame);
        int[] joints = mesh.joints();
        float[] jw = mesh.weights();
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Vec3 sum = Vec3.ZERO;
        int n = mesh.vertexCount();
        for (int v = 0; v < n; v++) {
            Vec3 base = new Vec3(p[3 * v], p[3 * v + 1], p[3 * v + 2]);
            Vec3 out = base;
            if (pose != null) {
                out = Vec3.ZERO;
                for (int k = 0; k < 4; k++) {
                    int j = joints[4 * v + k];
                    double w = jw[4 * v + k];
                    if (w != 0) {
                        out = out.plus(pose.position(j).plus(pose.rotation(j).rotate(base.minus(rest[j]))).times(w));
                    }
                }
            }
            sum = sum.plus(out);
            double[] xyz = {out.x(), out.y(), out.z()};
            for (int i = 0; i < 3; i++) {
                lo[i] = Math.min(lo[i], xyz[i]);
                hi[i] = Math.max(hi[i], xyz[i]);
            }
        }
        return new Stats(n, sum.times(1.0 / n), new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2]));
    }
}
