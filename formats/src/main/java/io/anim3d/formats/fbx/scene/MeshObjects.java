package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import io.anim3d.formats.fbx.FbxNode;
import java.util.Arrays;

/**
 * One skinned mesh: a {@code Mesh} Model at the scene root (where Blender's exporter puts it;
 * the Skin binds it to the armature) and its {@code Geometry}: vertices in centimetres,
 * triangles, per-corner normals (ByPolygonVertex/Direct), per-corner UVs indexing the vertex
 * UVs (ByPolygonVertex/IndexToDirect, v flipped to FBX's bottom-up convention) and one material
 * for the whole mesh (AllSame). Morph targets become a {@code BlendShape} deformer with one
 * channel and one {@code Shape} geometry each.
 */
final class MeshObjects {
    final long modelId;
    final long geometryId;

    private MeshObjects(long modelId, long geometryId) {
        this.modelId = modelId;
        this.geometryId = geometryId;
    }

    static MeshObjects plan(ScenePlan plan, Mesh mesh, long materialId, boolean blendShapes) {
        long model = plan.newId();
        long geometry = plan.newId();
        plan.add(ModelNode.of(model, mesh.name(), "Mesh", new double[3]));
        plan.connect(model, ScenePlan.ROOT);
        boolean withShapes = blendShapes && !mesh.morphs().isEmpty();
        plan.add(geometry(geometry, mesh, withShapes));
        plan.connect(geometry, model);
        plan.connect(materialId, model);
        if (withShapes) {
            planBlendShapes(plan, mesh, geometry);
        }
        return new MeshObjects(model, geometry);
    }

    private static FbxNode geometry(long id, Mesh mesh, boolean withShapes) {
        int[] tris = mesh.triangles();
        int[] polygonVertexIndex = tris.clone();
        for (int i = 2; i < polygonVertexIndex.length; i += 3) {
            polygonVertexIndex[i] = ~polygonVertexIndex[i]; // marks the last corner of each polygon
        }
        float[] normals = mesh.normals();
        double[] cornerNormals = new double[3 * tris.length];
        for (int c = 0; c < tris.length; c++) {
            for (int k = 0; k < 3; k++) {
                cornerNormals[3 * c + k] = normals[3 * tris[c] + k];
            }
        }
        Props70 props = new Props70();
        if (withShapes) {
            for (MorphTarget m : mesh.morphs()) {
                props.number(m.name(), 0); // the channel's weight (DeformPercent) as Blender declares it
            }
        }
        FbxNode.Builder g = FbxNode.builder("Geometry").addInt64(id)
                .addString(ScenePlan.objectName(mesh.name(), "Geometry")).addString("Mesh")
                .addChild(props.build())
                .addChild(SceneHeader.intNode("GeometryVersion", 124))
                .addChild(FbxNode.builder("Vertices").addFloat64Array(cm(mesh.positions())))
                .addChild(FbxNode.builder("PolygonVertexIndex").addInt32Array(polygonVertexIndex))
                .addChild(layerElement("LayerElementNormal", "", "ByPolygonVertex", "Direct")
                        .addChild(FbxNode.builder("Normals").addFloat64Array(cornerNormals)));
        float[] uvs = mesh.uvs();
        if (uvs != null) {
            double[] fbxUv = new double[uvs.length];
            for (int v = 0; v < uvs.length / 2; v++) {
                fbxUv[2 * v] = uvs[2 * v];
                fbxUv[2 * v + 1] = 1.0 - uvs[2 * v + 1]; // our v runs down (glTF), FBX's up
            }
            g.addChild(layerElement("LayerElementUV", "UVMap", "ByPolygonVertex", "IndexToDirect")
                    .addChild(FbxNode.builder("UV").addFloat64Array(fbxUv))
                    .addChild(FbxNode.builder("UVIndex").addInt32Array(tris)));
        }
        g.addChild(layerElement("LayerElementMaterial", "", "AllSame", "IndexToDirect")
                .addChild(FbxNode.builder("Materials").addInt32Array(0)));
        FbxNode.Builder layer = FbxNode.builder("Layer").addInt32(0).addChild(SceneHeader.intNode("Version", 100))
                .addChild(layerRef("LayerElementNormal"));
        if (uvs != null) {
            layer.addChild(layerRef("LayerElementUV"));
        }
        layer.addChild(layerRef("LayerElementMaterial"));
        return g.addChild(layer).build();
    }

    private static FbxNode.Builder layerElement(String type, String name, String mapping, String reference) {
        return FbxNode.builder(type).addInt32(0)
                .addChild(SceneHeader.intNode("Version", 101))
                .addChild(FbxNode.builder("Name").addString(name))
                .addChild(FbxNode.builder("MappingInformationType").addString(mapping))
                .addChild(FbxNode.builder("ReferenceInformationType").addString(reference));
    }

    private static FbxNode layerRef(String type) {
        return FbxNode.builder("LayerElement").addChild(FbxNode.builder("Type").addString(type))
                .addChild(SceneHeader.intNode("TypedIndex", 0)).build();
    }

    /**
     * BlendShape → Geometry, channel → BlendShape, Shape → channel. A Shape lists only the
     * vertices its morph moves (position or normal), deltas in centimetres, as Blender writes.
     */
    private static void planBlendShapes(ScenePlan plan, Mesh mesh, long geometry) {
        long blendShape = plan.newId();
        plan.add(FbxNode.builder("Deformer").addInt64(blendShape)
                .addString(ScenePlan.objectName(mesh.name(), "Deformer")).addString("BlendShape")
                .addChild(SceneHeader.intNode("Version", 100)).build());
        plan.connect(blendShape, geometry);
        for (MorphTarget m : mesh.morphs()) {
            float[] d = m.positionDeltas();
            float[] nd = m.normalDeltas();
            int count = 0;
            int[] moved = new int[d.length / 3];
            for (int v = 0; v < moved.length; v++) {
                if (moves(d, v) || (nd != null && moves(nd, v))) {
                    moved[count++] = v;
                }
            }
            if (count == 0) {
                moved[count++] = 0; // an empty Shape confuses readers; one zero delta is harmless
            }
            int[] indexes = Arrays.copyOf(moved, count);
            double[] vertices = new double[3 * count];
            double[] normals = new double[3 * count];
            double[] fullWeights = new double[count];
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < 3; k++) {
                    vertices[3 * i + k] = d[3 * indexes[i] + k] * ModelNode.CM_PER_METRE;
                    normals[3 * i + k] = nd == null ? 0 : nd[3 * indexes[i] + k];
                }
                fullWeights[i] = 100.0;
            }
            long channel = plan.newId();
            long shape = plan.newId();
            plan.add(FbxNode.builder("Deformer").addInt64(channel)
                    .addString(ScenePlan.objectName(m.name(), "SubDeformer")).addString("BlendShapeChannel")
                    .addChild(SceneHeader.intNode("Version", 100))
                    .addChild(FbxNode.builder("DeformPercent").addFloat64(0))
                    .addChild(FbxNode.builder("FullWeights").addFloat64Array(fullWeights)).build());
            plan.add(FbxNode.builder("Geometry").addInt64(shape)
                    .addString(ScenePlan.objectName(m.name(), "Geometry")).addString("Shape")
                    .addChild(new Props70().build())
                    .addChild(SceneHeader.intNode("Version", 100))
                    .addChild(FbxNode.builder("Indexes").addInt32Array(indexes))
                    .addChild(FbxNode.builder("Vertices").addFloat64Array(vertices))
                    .addChild(FbxNode.builder("Normals").addFloat64Array(normals)).build());
            plan.connect(channel, blendShape);
            plan.connect(shape, channel);
        }
    }

    private static boolean moves(float[] deltas, int v) {
        return deltas[3 * v] != 0 || deltas[3 * v + 1] != 0 || deltas[3 * v + 2] != 0;
    }

    static double[] cm(float[] metres) {
        double[] out = new double[metres.length];
        for (int i = 0; i < metres.length; i++) {
            out[i] = metres[i] * ModelNode.CM_PER_METRE;
        }
        return out;
    }
}
