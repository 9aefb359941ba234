package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Material;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a character's materials as pbrMetallicRoughness materials (base colour, metallic 0, the
 * material's roughness), with the PNG texture in the binary buffer when there is one. glTF
 * materials keep the character's indices; a textured material used by a mesh without texture
 * coordinates gets an untextured copy appended (the spec requires TEXCOORD_0 for a texture).
 */
final class MaterialEncoder {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int LINEAR = 9729;
    private static final int LINEAR_MIPMAP_LINEAR = 9987;

    private final GltfBuilder gltf;
    private final List<Material> materials;
    private final Map<Integer, Integer> untextured = new HashMap<>();
    private int sampler = -1;

    MaterialEncoder(GltfBuilder gltf, List<Material> materials) {
        this.gltf = gltf;
        this.materials = materials;
        for (Material m : materials) {
            gltf.add("materials", material(m, m.texturePng() != null));
        }
    }

    /** The glTF material for character material {@code index}, on a primitive with or without UVs. */
    int materialFor(int index, boolean hasUvs) {
        if (hasUvs || materials.get(index).texturePng() == null) {
            return index;
        }
        return untextured.computeIfAbsent(index, i -> gltf.add("materials", material(materials.get(i), false)));
    }

    private Map<String, Object> material(Material m, boolean textured) {
        Map<String, Object> pbr = GltfBuilder.object();
        float[] c = m.baseColor();
        for (int i = 0; i < 4; i++) {
            c[i] = Math.max(0, Math.min(1, c[i])); // the spec's range; a stray 1.0000001 is an error
        }
        pbr.put("baseColorFactor", c);
        if (textured) {
            Map<String, Object> ref = GltfBuilder.object();
            ref.put("index", texture(m));
            pbr.put("baseColorTexture", ref);
        }
        pbr.put("metallicFactor", 0);
        pbr.put("roughnessFactor", Math.max(0f, Math.min(1f, m.roughness())));
        Map<String, Object> mat = GltfBuilder.object();
        mat.put("name", m.name());
        mat.put("pbrMetallicRoughness", pbr);
        return mat;
    }

    private int texture(Material m) {
        byte[] png = m.texturePng();
        if (png.length < PNG_SIGNATURE.length || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw new IllegalArgumentException("material " + m.name() + ": texture is not PNG data (no PNG signature)");
        }
        Map<String, Object> image = GltfBuilder.object();
        image.put("bufferView", gltf.bufferView(png, null));
        image.put("mimeType", "image/png");
        image.put("name", m.name());
        int imageIndex = gltf.add("images", image);
        if (sampler < 0) {
            Map<String, Object> s = GltfBuilder.object();
            s.put("magFilter", LINEAR);
            s.put("minFilter", LINEAR_MIPMAP_LINEAR);
            sampler = gltf.add("samplers", s);
        }
        Map<String, Object> t = GltfBuilder.object();
        t.put("sampler", sampler);
        t.put("source", imageIndex);
        return gltf.add("textures", t);
    }
}
