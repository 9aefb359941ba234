package io.anim3d.formats.character;

import java.util.Arrays;

/**
 * A surface: a base colour and, optionally, a texture image.
 *
 * @param name      unique within its character
 * @param baseColor linear RGBA, each 0 to 1 (copied)
 * @param roughness 0 (mirror) to 1 (matte)
 * @param texturePng PNG bytes of the base-colour texture, or null (copied)
 */
public record Material(String name, float[] baseColor, float roughness, byte[] texturePng) {
    public Material {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a material needs a name");
        }
        if (baseColor == null || baseColor.length != 4) {
            throw new IllegalArgumentException("material " + name + ": baseColor needs 4 values (RGBA)");
        }
        baseColor = baseColor.clone();
        texturePng = texturePng == null ? null : texturePng.clone();
    }

    @Override
    public float[] baseColor() {
        return baseColor.clone();
    }

    @Override
    public byte[] texturePng() {
        return texturePng == null ? null : texturePng.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Material m && name.equals(m.name) && Arrays.equals(baseColor, m.baseColor)
                && roughness == m.roughness && Arrays.equals(texturePng, m.texturePng);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(baseColor);
    }
}
