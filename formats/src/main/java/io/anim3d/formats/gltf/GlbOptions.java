package io.anim3d.formats.gltf;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Choices for {@link GlbWriter}.
 *
 * @param animationName name of the one glTF animation (Blender shows it as the action name)
 * @param morphWeights  per-frame morph target weights to animate, by morph name: each array has
 *                      one weight (usually 0 to 1) per motion frame. Every mesh node with a morph
 *                      of one of these names gets a {@code weights} channel; its other morphs stay
 *                      at 0. Empty for no morph animation. Copied, sorted by name.
 */
public record GlbOptions(String animationName, Map<String, float[]> morphWeights) {
    public static final String DEFAULT_ANIMATION_NAME = "mocap";

    public GlbOptions {
        if (animationName == null || animationName.isBlank()) {
            throw new IllegalArgumentException("GlbOptions: animationName must not be blank");
        }
        TreeMap<String, float[]> copy = new TreeMap<>();
        for (Map.Entry<String, float[]> e : morphWeights.entrySet()) {
            float[] w = e.getValue().clone();
            for (int f = 0; f < w.length; f++) {
                if (!Float.isFinite(w[f])) {
                    throw new IllegalArgumentException("GlbOptions: morph weight of '" + e.getKey() + "' in frame " + f
                            + " is " + w[f]);
                }
            }
            copy.put(e.getKey(), w);
        }
        morphWeights = Collections.unmodifiableMap(copy);
    }

    /** Animation "mocap", no morph animation. */
    public static GlbOptions defaults() {
        return new GlbOptions(DEFAULT_ANIMATION_NAME, Map.of());
    }

    /** These options with per-frame morph weights (see the record's Javadoc). */
    public GlbOptions withMorphWeights(Map<String, float[]> weights) {
        return new GlbOptions(animationName, weights);
    }

    /** A copy: the arrays are copied too, so callers cannot change these options. */
    @Override
    public Map<String, float[]> morphWeights() {
        TreeMap<String, float[]> copy = new TreeMap<>();
        morphWeights.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The weights of {@code morph} per frame (a copy), or null when it is not animated. */
    public float[] morphWeights(String morph) {
        float[] w = morphWeights.get(morph);
        return w == null ? null : w.clone();
    }
}
