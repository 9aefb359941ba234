package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.FbxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Skinning: per mesh a {@code Skin} deformer with one {@code Cluster} per joint that weights any
 * of its vertices, and one {@code BindPose} for the whole character.
 *
 * <p>Matrices are 4×4, column-major, centimetres. The mesh Models sit at the origin with no
 * rotation, and rest rotations are zero, so every bind matrix is a pure translation: a bone's
 * {@code TransformLink} (its bind world matrix) translates by its rest position, and
 * {@code Transform} = inverse(TransformLink) × mesh world = translation by minus that position.
 */
final class SkinObjects {
    private static final double[] IDENTITY = ModelNode.translationMatrix(0, 0, 0);

    private SkinObjects() {
    }

    /** Plans the skin of one mesh, bound to {@code skeleton}'s bones. */
    static void planSkin(ScenePlan plan, Mesh mesh, long geometryId, SkeletonObjects skeleton) {
        long skin = plan.newId();
        plan.add(FbxNode.builder("Deformer").addInt64(skin)
                .addString(ScenePlan.objectName(mesh.name(), "Deformer")).addString("Skin")
                .addChild(SceneHeader.intNode("Version", 101))
                .addChild(FbxNode.builder("Link_DeformAcuracy").addFloat64(50.0)).build());
        plan.connect(skin, geometryId);

        int joints = skeleton.boneIds.length;
        List<List<double[]>> influences = new ArrayList<>(joints); // per joint: {vertex, weight}
        for (int j = 0; j < joints; j++) {
            influences.add(new ArrayList<>());
        }
        int[] js = mesh.joints();
        float[] ws = mesh.weights();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            for (int k = 0; k < Mesh.INFLUENCES; k++) {
                float w = ws[Mesh.INFLUENCES * v + k];
                if (w > 0) {
                    influences.get(js[Mesh.INFLUENCES * v + k]).add(new double[] {v, w});
                }
            }
        }
        for (int j = 0; j < joints; j++) {
            List<double[]> inf = mergeDuplicates(influences.get(j));
            if (inf.isEmpty()) {
                continue;
            }
            int[] indexes = new int[inf.size()];
            double[] weights = new double[inf.size()];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = (int) inf.get(i)[0];
                weights[i] = inf.get(i)[1];
            }
            double[] p = skeleton.restWorldCm[j];
            long cluster = plan.newId();
            plan.add(FbxNode.builder("Deformer").addInt64(cluster)
                    .addString(ScenePlan.objectName(skeleton.names[j], "SubDeformer"))
                    .addString("Cluster")
                    .addChild(SceneHeader.intNode("Version", 100))
                    .addChild(FbxNode.builder("UserData").addString("").addString(""))
                    .addChild(FbxNode.builder("Indexes").addInt32Array(indexes))
                    .addChild(FbxNode.builder("Weights").addFloat64Array(weights))
                    .addChild(FbxNode.builder("Transform").addFloat64Array(ModelNode.translationMatrix(-p[0], -p[1], -p[2])))
                    .addChild(FbxNode.builder("TransformLink").addFloat64Array(ModelNode.translationMatrix(p[0], p[1], p[2])))
                    .addChild(FbxNode.builder("TransformAssociateModel").addFloat64Array(IDENTITY))
                    .build());
            plan.connect(cluster, skin);
            plan.connect(skeleton.boneIds[j], cluster);
        }
    }

    /** A joint listed twice for one vertex (allowed by the model) becomes one summed weight. */
    private static List<double[]> mergeDuplicates(List<double[]> inf) {
        List<double[]> out = new ArrayList<>(inf.size());
        for (double[] vw : inf) {
            if (!out.isEmpty() && out.get(out.size() - 1)[0] == vw[0]) {
                out.get(out.size() - 1)[1] += vw[1];
            } else {
                out.add(vw.clone());
            }
        }
        return out;
    }

    /** The bind pose: world matrices of every mesh Model, the armature and every bone. */
    static void planBindPose(ScenePlan plan, String name, List<Long> meshModels, SkeletonObjects skeleton) {
        long pose = plan.newId();
        FbxNode.Builder b = FbxNode.builder("Pose").addInt64(pose).addString(ScenePlan.objectName(name, "Pose"))
                .addString("BindPose")
                .addChild(FbxNode.builder("Type").addString("BindPose"))
                .addChild(SceneHeader.intNode("Version", 100))
                .addChild(SceneHeader.intNode("NbPoseNodes", meshModels.size() + 1 + skeleton.boneIds.length));
        for (long m : meshModels) {
            b.addChild(poseNode(m, IDENTITY));
        }
        b.addChild(poseNode(skeleton.armatureId, IDENTITY));
        for (int j = 0; j < skeleton.boneIds.length; j++) {
            double[] p = skeleton.restWorldCm[j];
            b.addChild(poseNode(skeleton.boneIds[j], ModelNode.translationMatrix(p[0], p[1], p[2])));
        }
        plan.add(b.build()); // the pose names its nodes by id and is connected to nothing
    }

    private static FbxNode poseNode(long id, double[] matrix) {
        return FbxNode.builder("PoseNode").addChild(FbxNode.builder("Node").addInt64(id))
                .addChild(FbxNode.builder("Matrix").addFloat64Array(matrix)).build();
    }
}
