package io.anim3d.formats.character;

import java.util.Arrays;

/**
 * A named shape (blendshape), as offsets of every vertex of its mesh from the base shape.
 *
 * @param name            e.g. an ARKit name such as {@code jawOpen}
 * @param positionDeltas  vertices × (dx, dy, dz), metres (copied)
 * @param normalDeltas    vertices × (dx, dy, dz), or null (copied)
 */
public record MorphTarget(String name, float[] positionDeltas, float[] normalDeltas) {
    public MorphTarget {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a morph target needs a name");
        }
        positionDeltas = positionDeltas.clone();
        normalDeltas = normalDeltas == null ? null : normalDeltas.clone();
        if (normalDeltas != null && normalDeltas.length != positionDeltas.length) {
            throw new IllegalArgumentException("morph " + name + ": normal deltas do not match position deltas");
        }
    }

    @Override
    public float[] positionDeltas() {
        return positionDeltas.clone();
    }

    @Override
    public float[] normalDeltas() {
        return normalDeltas == null ? null : normalDeltas.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MorphTarget m && name.equals(m.name) && Arrays.equals(positionDeltas, m.positionDeltas)
                && Arrays.equals(normalDeltas, m.normalDeltas);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(positionDeltas);
    }
}
