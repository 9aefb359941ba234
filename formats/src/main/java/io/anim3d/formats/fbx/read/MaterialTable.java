package io.anim3d.formats.fbx.read;

import io.anim3d.formats.character.Material;
import io.anim3d.formats.fbx.FbxProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The character's materials, one per FBX Material object used by a mesh, in first-use order,
 * plus a grey default for meshes without one. Colour is {@code DiffuseColor} (else
 * {@code Diffuse}, else {@code Color}) as stored, alpha the {@code Opacity} property (1 when
 * absent). Roughness comes from the shading model: {@code lambert} is fully matte (1); Phong-like
 * models map {@code ShininessExponent} s to {@code sqrt(2 / (s + 2))}, the Blinn-Phong–Beckmann
 * correspondence. Textures are not read (they are separate image files or embedded Video
 * objects); the material keeps its colour.
 */
final class MaterialTable {
    private static final double[] GREY = {0.8, 0.8, 0.8};

    private final List<Material> materials = new ArrayList<>();
    private final Map<Long, Integer> byUid = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private int defaultIndex = -1;

    List<Material> list() {
        return List.copyOf(materials);
    }

    /** The character material index of an FBX Material object. */
    int index(FbxObjects scene, FbxObjects.Obj material) {
        Integer i = byUid.get(material.uid());
        if (i != null) {
            return i;
        }
        Properties70 p = scene.properties(material);
        double[] rgb = p.has("DiffuseColor") ? p.vector3("DiffuseColor", GREY)
                : p.has("Diffuse") ? p.vector3("Diffuse", GREY) : p.vector3("Color", GREY);
        double alpha = clamp(p.number("Opacity", 1.0));
        String shading = material.node().child("ShadingModel")
                .filter(c -> !c.properties().isEmpty() && c.property(0) instanceof FbxProperty.Str)
                .map(c -> ((FbxProperty.Str) c.property(0)).text().toLowerCase(java.util.Locale.ROOT)).orElse("phong");
        double roughness = 1.0;
        if (!shading.equals("lambert")) {
            double s = Math.max(0, p.number("ShininessExponent", p.number("Shininess", 20)));
            roughness = clamp(Math.sqrt(2 / (s + 2)));
        }
        float[] color = {(float) clamp(rgb[0]), (float) clamp(rgb[1]), (float) clamp(rgb[2]), (float) alpha};
        int index = add(material.name().isBlank() ? "material" : material.name(), color, (float) roughness);
        byUid.put(material.uid(), index);
        return index;
    }

    /** The index of the shared grey default material. */
    int defaultMaterial() {
        if (defaultIndex < 0) {
            defaultIndex = add("default", new float[] {0.8f, 0.8f, 0.8f, 1f}, 1f);
        }
        return defaultIndex;
    }

    private int add(String base, float[] color, float roughness) {
        String name = base;
        for (int k = 2; !names.add(name); k++) {
            name = base + "_" + k;
        }
        materials.add(new Material(name, color, roughness, null));
        return materials.size() - 1;
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 1;
    }
}
