package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.fbx.FbxNode;
import java.util.List;

/**
 * The {@code Definitions} section: per object type its count and, where Blender writes one, a
 * {@code PropertyTemplate} whose values every object of that type inherits unless it overrides
 * them. Our objects write only what differs from these templates, as Blender does, so the
 * templates carry the defaults readers fall back on (RotationOrder 0 = Euler XYZ, no pre/post
 * rotation, InheritType 0, unit scaling).
 */
final class Definitions {
    /** Object types in Blender's order; types with no objects are left out. */
    private static final List<String> ORDER = List.of("NodeAttribute", "Geometry", "Model", "Pose", "Deformer",
            "Material", "Texture", "Video", "AnimationStack", "AnimationLayer", "AnimationCurveNode", "AnimationCurve");

    private Definitions() {
    }

    static FbxNode node(ScenePlan plan) {
        FbxNode.Builder defs = FbxNode.builder("Definitions").addChild(SceneHeader.intNode("Version", 100));
        int total = 1; // GlobalSettings
        for (String type : ORDER) {
            total += plan.count(type);
        }
        defs.addChild(SceneHeader.intNode("Count", total));
        defs.addChild(FbxNode.builder("ObjectType").addString("GlobalSettings").addChild(SceneHeader.intNode("Count", 1)));
        for (String type : ORDER) {
            int n = plan.count(type);
            if (n == 0) {
                continue;
            }
            FbxNode.Builder t = FbxNode.builder("ObjectType").addString(type).addChild(SceneHeader.intNode("Count", n));
            FbxNode template = template(type);
            if (template != null) {
                t.addChild(template);
            }
            defs.addChild(t);
        }
        return defs.build();
    }

    private static FbxNode template(String type) {
        return switch (type) {
            case "Model" -> template("FbxNode", new Props70()
                    .enumeration("QuaternionInterpolate", 0)
                    .vector("RotationOffset", 0, 0, 0).vector("RotationPivot", 0, 0, 0)
                    .vector("ScalingOffset", 0, 0, 0).vector("ScalingPivot", 0, 0, 0)
                    .bool("TranslationActive", false)
                    .enumeration("RotationOrder", 0)
                    .bool("RotationSpaceForLimitOnly", false)
                    .dbl("AxisLen", 10)
                    .vector("PreRotation", 0, 0, 0).vector("PostRotation", 0, 0, 0)
                    .bool("RotationActive", false)
                    .enumeration("InheritType", 0)
                    .bool("ScalingActive", false)
                    .vector("GeometricTranslation", 0, 0, 0).vector("GeometricRotation", 0, 0, 0)
                    .vector("GeometricScaling", 1, 1, 1)
                    .bool("Show", true)
                    .bool("NegativePercentShapeSupport", true)
                    .integer("DefaultAttributeIndex", -1)
                    .bool("Freeze", false).bool("LODBox", false)
                    .lcl("Lcl Translation", "A", 0, 0, 0).lcl("Lcl Rotation", "A", 0, 0, 0)
                    .lcl("Lcl Scaling", "A", 1, 1, 1)
                    .visibility(1).visibilityInheritance(true));
            case "Geometry" -> template("FbxMesh", new Props70()
                    .colorRgb("Color", 0.8, 0.8, 0.8)
                    .vector("BBoxMin", 0, 0, 0).vector("BBoxMax", 0, 0, 0)
                    .bool("Primary Visibility", true).bool("Casts Shadows", true).bool("Receive Shadows", true));
            case "Material" -> template("FbxSurfacePhong", new Props70()
                    .string("ShadingModel", "Phong").bool("MultiLayer", false)
                    .color("EmissiveColor", 0, 0, 0).number("EmissiveFactor", 1)
                    .color("AmbientColor", 0.2, 0.2, 0.2).number("AmbientFactor", 1)
                    .color("DiffuseColor", 0.8, 0.8, 0.8).number("DiffuseFactor", 1)
                    .color("TransparentColor", 0, 0, 0).number("TransparencyFactor", 0)
                    .number("Opacity", 1)
                    .color("SpecularColor", 0.2, 0.2, 0.2).number("SpecularFactor", 1)
                    .number("Shininess", 20).number("ShininessExponent", 20)
                    .color("ReflectionColor", 0, 0, 0).number("ReflectionFactor", 1));
            case "Texture" -> template("FbxFileTexture", new Props70()
                    .enumeration("TextureTypeUse", 0).enumeration("AlphaSource", 2).dbl("Texture alpha", 1)
                    .bool("PremultiplyAlpha", true).enumeration("CurrentTextureBlendMode", 1)
                    .enumeration("CurrentMappingType", 0).string("UVSet", "default")
                    .enumeration("WrapModeU", 0).enumeration("WrapModeV", 0).bool("UVSwap", false)
                    .vector("Translation", 0, 0, 0).vector("Rotation", 0, 0, 0).vector("Scaling", 1, 1, 1)
                    .bool("UseMaterial", false).bool("UseMipMap", false));
            case "Video" -> template("FbxVideo", new Props70()
                    .integer("Width", 0).integer("Height", 0).url("Path", "").enumeration("AccessMode", 0));
            case "AnimationStack" -> template("FbxAnimStack", new Props70()
                    .string("Description", "")
                    .ktime("LocalStart", 0).ktime("LocalStop", 0)
                    .ktime("ReferenceStart", 0).ktime("ReferenceStop", 0));
            case "AnimationLayer" -> template("FbxAnimLayer", new Props70()
                    .number("Weight", 100).bool("Mute", false).bool("Solo", false).bool("Lock", false)
                    .colorRgb("Color", 0.8, 0.8, 0.8).enumeration("BlendMode", 0)
                    .enumeration("RotationAccumulationMode", 0).enumeration("ScaleAccumulationMode", 0));
            case "AnimationCurveNode" -> template("FbxAnimCurveNode", new Props70().compound("d"));
            default -> null;
        };
    }

    private static FbxNode template(String fbxClass, Props70 props) {
        return FbxNode.builder("PropertyTemplate").addString(fbxClass).addChild(props.build()).build();
    }
}
