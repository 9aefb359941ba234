package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.fbx.FbxNode;

/** A {@code Model} object as Blender writes it (Version 232, transform properties, display flags). */
final class ModelNode {
    /** Centimetres per metre: every length in the file is in centimetres (UnitScaleFactor 1). */
    static final double CM_PER_METRE = 100.0;

    private ModelNode() {
    }

    /**
     * @param subtype {@code Null}, {@code LimbNode} or {@code Mesh}
     * @param translationCm Lcl Translation in the parent's frame, centimetres
     */
    static FbxNode of(long id, String name, String subtype, double[] translationCm) {
        Props70 p = new Props70()
                .lcl("Lcl Translation", "A+", translationCm[0], translationCm[1], translationCm[2])
                .lcl("Lcl Rotation", "A+", 0, 0, 0)
                .lcl("Lcl Scaling", "A+", 1, 1, 1)
                .integer("DefaultAttributeIndex", 0)
                // RSrs: the usual inheritance, parent scaling applied to the child's translation too
                .enumeration("InheritType", 1);
        return FbxNode.builder("Model").addInt64(id).addString(ScenePlan.objectName(name, "Model")).addString(subtype)
                .addChild(SceneHeader.intNode("Version", 232))
                .addChild(p.build())
                .addChild(SceneHeader.intNode("MultiLayer", 0))
                .addChild(SceneHeader.intNode("MultiTake", 0))
                .addChild(FbxNode.builder("Shading").addBool(true))
                .addChild(FbxNode.builder("Culling").addString("CullingOff"))
                .build();
    }

    /** A 4×4 translation matrix in centimetres, column-major as FBX stores matrices. */
    static double[] translationMatrix(double xCm, double yCm, double zCm) {
        return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, xCm, yCm, zCm, 1};
    }
}
