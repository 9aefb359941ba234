package io.anim3d.formats.fbx.read;

import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.motion.Mat4;
import io.anim3d.motion.Vec3;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Skin weights of one geometry, per control point: the {@code Skin} deformers on it, their
 * {@code Cluster}s (one per bone: {@code Indexes}, {@code Weights}, the bone Model linked to it)
 * reduced to the {@link Mesh#INFLUENCES} largest influences, renormalised to sum 1.
 *
 * <p>A control point no cluster weights (positively) is bound wholly to the nearest bone (by rest
 * position) among the bones that weight this mesh, so a stray unweighted vertex follows the body
 * part it sits on; with no weighted bone at all, to the mesh's parent bone, else the root.
 */
final class SkinReader {
    /**
     * @param joints     control points × 4 joint indices
     * @param weights    control points × 4 weights summing to 1
     * @param unweighted control points that got the nearest-bone fallback
     */
    record Skin(int[] joints, float[] weights, int unweighted) {
    }

    private SkinReader() {
    }

    /** True when a Skin deformer is connected to the geometry. */
    static boolean isSkinned(FbxObjects scene, FbxObjects.Obj geometry) {
        return scene.childrenOf(geometry.uid(), "Deformer").stream().anyMatch(d -> d.subtype().equals("Skin"));
    }

    /** The mesh Model's world bind matrix from its first Cluster (TransformLink · Transform), or null. */
    static double[] clusterMeshWorld(FbxObjects scene, FbxObjects.Obj geometry) {
        for (FbxObjects.Obj skin : scene.childrenOf(geometry.uid(), "Deformer")) {
            for (FbxObjects.Obj cluster : scene.childrenOf(skin.uid(), "Deformer")) {
                if (skin.subtype().equals("Skin") && cluster.subtype().equals("Cluster")) {
                    double[] link = BindPoses.matrix(cluster.node(), "TransformLink").orElse(null);
                    double[] transform = BindPoses.matrix(cluster.node(), "Transform").orElse(null);
                    if (link != null && transform != null) {
                        return Mat4.mul(link, transform);
                    }
                }
            }
        }
        return null;
    }

    /**
     * @param positions control point positions in model space (metres), for the fallback
     * @param fallbackJoint the joint for a mesh no bone weights (its parent bone or the root)
     * @param budget remaining cluster index entries the file may make us read
     */
    static Skin read(FbxObjects scene, FbxObjects.Obj geometry, String meshName, int controlPoints,
            double[] positions, SkeletonReader.Bones bones, int fallbackJoint, long[] budget) throws FbxSceneException {
        int n = controlPoints;
        // Candidate influences per control point, kept sorted (largest first) and at most 4 + merge slack.
        float[] best = new float[n * Mesh.INFLUENCES];
        int[] bestJoint = new int[n * Mesh.INFLUENCES];
        Arrays.fill(bestJoint, -1);
        Set<Integer> weighting = new LinkedHashSet<>();
        for (FbxObjects.Obj skin : scene.childrenOf(geometry.uid(), "Deformer")) {
            if (!skin.subtype().equals("Skin")) {
                continue;
            }
            for (FbxObjects.Obj cluster : scene.childrenOf(skin.uid(), "Deformer")) {
                if (!cluster.subtype().equals("Cluster")) {
                    continue;
                }
                FbxNode c = cluster.node();
                var boneModels = scene.childrenOf(cluster.uid(), "Model");
                if (boneModels.isEmpty()) {
                    continue; // a cluster without a bone deforms nothing
                }
                Integer joint = bones.jointOfUid().get(boneModels.get(0).uid());
                if (joint == null) {
                    throw new FbxSceneException("mesh " + meshName + " is skinned to " + boneModels.get(0).name()
                            + ", which is not part of the skeleton");
                }
                String what = "mesh " + meshName + " cluster of bone " + boneModels.get(0).name();
                double[] idx = LayerElement.numbers(c, "Indexes", what);
                double[] w = LayerElement.numbers(c, "Weights", what);
                if (idx == null && w == null) {
                    continue;
                }
                if (idx == null || w == null || idx.length != w.length) {
                    throw new FbxSceneException(what + " has " + (idx == null ? 0 : idx.length) + " Indexes but "
                            + (w == null ? 0 : w.length) + " Weights; they must match");
                }
                budget[0] -= idx.length;
                if (budget[0] < 0) {
                    throw new FbxSceneException("the skin clusters hold more influences than the reader allows");
                }
                for (int i = 0; i < idx.length; i++) {
                    int cp = (int) idx[i];
                    if (cp < 0 || cp >= n || idx[i] != cp) {
                        throw new FbxSceneException(what + " weights control point " + idx[i] + "; the mesh has "
                                + n + " (0.." + (n - 1) + ")");
                    }
                    if (w[i] > 0 && Double.isFinite(w[i])) {
                        weighting.add(joint);
                        insert(best, bestJoint, cp, joint, (float) w[i]);
                    }
                }
            }
        }
        int unweighted = 0;
        int[] joints = new int[n * Mesh.INFLUENCES];
        float[] weights = new float[n * Mesh.INFLUENCES];
        for (int cp = 0; cp < n; cp++) {
            int o = cp * Mesh.INFLUENCES;
            double sum = 0;
            for (int k = 0; k < Mesh.INFLUENCES; k++) {
                sum += bestJoint[o + k] >= 0 ? best[o + k] : 0;
            }
            if (sum <= 0) {
                unweighted++;
                joints[o] = nearest(positions, cp, weighting, bones.positions(), fallbackJoint);
                weights[o] = 1;
                continue;
            }
            for (int k = 0; k < Mesh.INFLUENCES; k++) {
                if (bestJoint[o + k] >= 0) {
                    joints[o + k] = bestJoint[o + k];
                    weights[o + k] = (float) (best[o + k] / sum);
                }
            }
        }
        return new Skin(joints, weights, unweighted);
    }

    /**
     * Adds an influence to a control point's sorted top-4 (larger weight first, ties by lower
     * joint, so the result does not depend on cluster order); a second cluster for the same
     * joint adds to its weight.
     */
    private static void insert(float[] best, int[] bestJoint, int cp, int joint, float weight) {
        int o = cp * Mesh.INFLUENCES;
        for (int k = 0; k < Mesh.INFLUENCES; k++) {
            if (bestJoint[o + k] == joint) {
                weight += best[o + k];
                // remove and re-insert below
                for (int j = k; j < Mesh.INFLUENCES - 1; j++) {
                    best[o + j] = best[o + j + 1];
                    bestJoint[o + j] = bestJoint[o + j + 1];
                }
                best[o + Mesh.INFLUENCES - 1] = 0;
                bestJoint[o + Mesh.INFLUENCES - 1] = -1;
                break;
            }
        }
        for (int k = 0; k < Mesh.INFLUENCES; k++) {
            int bj = bestJoint[o + k];
            if (bj < 0 || weight > best[o + k] || (weight == best[o + k] && joint < bj)) {
                for (int j = Mesh.INFLUENCES - 1; j > k; j--) {
                    best[o + j] = best[o + j - 1];
                    bestJoint[o + j] = bestJoint[o + j - 1];
                }
                best[o + k] = weight;
                bestJoint[o + k] = joint;
                return;
            }
        }
    }

    private static int nearest(double[] positions, int cp, Set<Integer> candidates, Vec3[] jointPositions,
            int fallback) {
        if (candidates.isEmpty()) {
            return fallback;
        }
        Vec3 p = new Vec3(positions[cp * 3], positions[cp * 3 + 1], positions[cp * 3 + 2]);
        int bestJoint = fallback;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j : candidates) {
            double d = p.distance(jointPositions[j]);
            if (d < bestDistance || (d == bestDistance && j < bestJoint)) {
                bestDistance = d;
                bestJoint = j;
            }
        }
        return bestJoint;
    }
}
