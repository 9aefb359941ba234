package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Motion} as one glTF animation: a shared input of frame times (seconds), a LINEAR
 * rotation channel for every joint that is not at identity throughout, a translation channel for
 * the translated joint, and a weights channel for every mesh node whose morphs the options
 * animate. Joint nodes are glTF nodes 0..J−1 in skeleton order.
 */
final class AnimationEncoder {
    private AnimationEncoder() {
    }

    /**
     * @param meshNodes glTF node index of each character mesh, in the character's mesh order
     */
    static void add(GltfBuilder gltf, Motion motion, List<Mesh> meshes, int[] meshNodes, GlbOptions options) {
        Skeleton s = motion.skeleton();
        int frames = motion.frameCount();
        float[] times = new float[frames];
        for (int f = 0; f < frames; f++) {
            times[f] = (float) (f / motion.frameRate());
        }
        int input = gltf.floats(times, "SCALAR", 1, true, null);
        List<Object> channels = new ArrayList<>();
        List<Object> samplers = new ArrayList<>();
        for (int j = 0; j < s.size(); j++) {
            if (j == motion.translatedJoint()) {
                float[] t = new float[3 * frames];
                for (int f = 0; f < frames; f++) {
                    Vec3 p = motion.rootPosition(f);
                    t[3 * f] = (float) p.x();
                    t[3 * f + 1] = (float) p.y();
                    t[3 * f + 2] = (float) p.z();
                }
                channel(channels, samplers, input, gltf.floats(t, "VEC3", 3, false, null), j, "translation");
            }
            if (rotates(motion, j)) {
                channel(channels, samplers, input, gltf.floats(rotations(motion, j), "VEC4", 4, false, null), j, "rotation");
            }
        }
        Map<String, float[]> weights = options.morphWeights();
        for (int m = 0; m < meshes.size(); m++) {
            List<MorphTarget> morphs = meshes.get(m).morphs();
            if (morphs.stream().noneMatch(t -> weights.containsKey(t.name()))) {
                continue;
            }
            float[] out = new float[frames * morphs.size()];
            for (int t = 0; t < morphs.size(); t++) {
                float[] w = weights.get(morphs.get(t).name());
                for (int f = 0; w != null && f < frames; f++) {
                    out[f * morphs.size() + t] = w[f]; // per key: the weights of every target, in target order
                }
            }
            channel(channels, samplers, input, gltf.floats(out, "SCALAR", 1, false, null), meshNodes[m], "weights");
        }
        Map<String, Object> animation = GltfBuilder.object();
        animation.put("name", options.animationName());
        animation.put("channels", channels);
        animation.put("samplers", samplers);
        gltf.add("animations", animation);
    }

    private static void channel(List<Object> channels, List<Object> samplers, int input, int output, int node, String path) {
        Map<String, Object> sampler = GltfBuilder.object();
        sampler.put("input", input);
        sampler.put("interpolation", "LINEAR");
        sampler.put("output", output);
        Map<String, Object> target = GltfBuilder.object();
        target.put("node", node);
        target.put("path", path);
        Map<String, Object> channel = GltfBuilder.object();
        channel.put("sampler", samplers.size());
        channel.put("target", target);
        samplers.add(sampler);
        channels.add(channel);
    }

    /** Whether joint {@code j} turns away from its rest orientation in any frame. */
    private static boolean rotates(Motion motion, int j) {
        for (int f = 0; f < motion.frameCount(); f++) {
            Quat q = motion.rotation(f, j);
            if (q.x() != 0 || q.y() != 0 || q.z() != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Frames × (x, y, z, w), glTF's component order, unit length, each on the hemisphere of the
     * frame before so LINEAR interpolation (a component-wise lerp, then normalised) takes the
     * short way between keys.
     */
    static float[] rotations(Motion motion, int j) {
        int frames = motion.frameCount();
        float[] out = new float[4 * frames];
        Quat previous = Quat.IDENTITY;
        for (int f = 0; f < frames; f++) {
            Quat q = motion.rotation(f, j).normalized().alignedWith(previous);
            out[4 * f] = (float) q.x();
            out[4 * f + 1] = (float) q.y();
            out[4 * f + 2] = (float) q.z();
            out[4 * f + 3] = (float) q.w();
            previous = q;
        }
        return out;
    }
}
