package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.character.Material;
import io.anim3d.formats.fbx.FbxNode;

/**
 * A Phong {@code Material} (the shading model Blender's exporter writes) with the base colour as
 * DiffuseColor, alpha as Opacity, and roughness as Shininess by Blender's own mapping
 * ({@code ((1 − roughness) × 10)²}, which its importer inverts). A material with PNG bytes also
 * gets a {@code Texture} and a {@code Video} holding the PNG embedded as {@code Content}, the
 * texture driving the material's DiffuseColor.
 */
final class MaterialObjects {
    private MaterialObjects() {
    }

    /** Plans one material (and its texture); returns the Material's id. */
    static long plan(ScenePlan plan, Material m) {
        long id = plan.newId();
        float[] c = m.baseColor();
        double alpha = c[3];
        double shininess = Math.pow((1.0 - m.roughness()) * 10.0, 2);
        Props70 p = new Props70()
                .string("ShadingModel", "Phong")
                .color("DiffuseColor", c[0], c[1], c[2]).number("DiffuseFactor", 1)
                .color("EmissiveColor", 0, 0, 0).number("EmissiveFactor", 1)
                .color("AmbientColor", 0, 0, 0).number("AmbientFactor", 0)
                .color("TransparentColor", 1 - alpha, 1 - alpha, 1 - alpha).number("TransparencyFactor", 1 - alpha)
                .number("Opacity", alpha)
                .color("SpecularColor", c[0], c[1], c[2]).number("SpecularFactor", 0.25)
                .number("Shininess", shininess).number("ShininessExponent", shininess)
                .color("ReflectionColor", c[0], c[1], c[2]).number("ReflectionFactor", 0);
        plan.add(FbxNode.builder("Material").addInt64(id).addString(ScenePlan.objectName(m.name(), "Material")).addString("")
                .addChild(SceneHeader.intNode("Version", 102))
                .addChild(FbxNode.builder("ShadingModel").addString("Phong"))
                .addChild(SceneHeader.intNode("MultiLayer", 0))
                .addChild(p.build())
                .build());
        byte[] png = m.texturePng();
        if (png != null) {
            planTexture(plan, m.name(), png, id);
        }
        return id;
    }

    private static void planTexture(ScenePlan plan, String materialName, byte[] png, long materialId) {
        String file = safeFileName(materialName) + ".png";
        long video = plan.newId();
        long texture = plan.newId();
        plan.add(FbxNode.builder("Video").addInt64(video).addString(ScenePlan.objectName(file, "Video")).addString("Clip")
                .addChild(FbxNode.builder("Type").addString("Clip"))
                .addChild(new Props70().url("Path", file).build())
                .addChild(SceneHeader.intNode("UseMipMap", 0))
                .addChild(FbxNode.builder("Filename").addString(file))
                .addChild(FbxNode.builder("RelativeFilename").addString(file))
                .addChild(FbxNode.builder("Content").addRaw(png))
                .build());
        plan.add(FbxNode.builder("Texture").addInt64(texture).addString(ScenePlan.objectName(materialName, "Texture"))
                .addString("")
                .addChild(FbxNode.builder("Type").addString("TextureVideoClip"))
                .addChild(SceneHeader.intNode("Version", 202))
                .addChild(FbxNode.builder("TextureName").addString(ScenePlan.objectName(materialName, "Texture")))
                .addChild(new Props70().enumeration("AlphaSource", 2).enumeration("WrapModeU", 0).enumeration("WrapModeV", 0)
                        .string("UVSet", "UVMap").build())
                .addChild(FbxNode.builder("Media").addString(ScenePlan.objectName(file, "Video")))
                .addChild(FbxNode.builder("FileName").addString(file))
                .addChild(FbxNode.builder("RelativeFilename").addString(file))
                .addChild(FbxNode.builder("ModelUVTranslation").addFloat64(0).addFloat64(0))
                .addChild(FbxNode.builder("ModelUVScaling").addFloat64(1).addFloat64(1))
                .addChild(FbxNode.builder("Texture_Alpha_Source").addString("None"))
                .addChild(FbxNode.builder("Cropping").addInt32(0).addInt32(0).addInt32(0).addInt32(0))
                .build());
        plan.connect(video, texture);
        plan.connect(texture, materialId, "DiffuseColor");
    }

    /** The material name reduced to characters every file system accepts. */
    private static String safeFileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.isEmpty() ? "texture" : s;
    }
}
