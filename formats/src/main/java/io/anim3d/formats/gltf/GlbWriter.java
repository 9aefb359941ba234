package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import io.anim3d.formats.io.AtomicFile;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a skinned character, and optionally a motion on its skeleton, as a glTF 2.0 binary (GLB).
 * glTF's conventions are ours (metres, Y up, facing +Z), so nothing is converted.
 *
 * <p>Layout: glTF nodes 0..J−1 are the joints in skeleton order (name, rest offset as translation,
 * children per the hierarchy; end joints such as HeadTop_End are joints too); then one node per
 * character mesh, each at the scene root (never under a joint: a skinned mesh's own transform is
 * ignored, and the validator warns about parented ones) with its glTF mesh and the one skin. The
 * skin lists every joint, its skeleton is the root joint, and its inverse bind matrices are
 * translations by minus each joint's rest position (rest rotations are zero). Output is
 * deterministic: the same inputs give the same bytes.
 */
public final class GlbWriter {
    private static final String GENERATOR = "anim3d";

    private GlbWriter() {
    }

    /** Writes the GLB to {@code file} atomically (a temporary sibling moved into place). */
    public static void write(Character character, Motion motion, Path file) throws IOException {
        write(character, motion, file, GlbOptions.defaults());
    }

    /** As {@link #write(Character, Motion, Path)} with options. */
    public static void write(Character character, Motion motion, Path file, GlbOptions options) throws IOException {
        byte[] bytes = toBytes(character, motion, options);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /**
     * The GLB bytes.
     *
     * @param motion  animation on the character's skeleton (same joint names and parents), or null
     *                for the rest pose only
     * @throws IllegalArgumentException when the motion is on another skeleton, morph weights are
     *                                  given without a motion, for an unknown morph or with the wrong
     *                                  number of frames, or a mesh is empty
     */
    public static byte[] toBytes(Character character, Motion motion, GlbOptions options) {
        Skeleton s = character.skeleton();
        if (motion != null) {
            requireSameSkeleton(s, motion.skeleton());
        }
        checkMorphWeights(character, motion, options);
        GltfBuilder gltf = new GltfBuilder();
        addJointNodes(gltf, s);
        int skin = addSkin(gltf, s, character.name());
        MaterialEncoder materials = new MaterialEncoder(gltf, character.materials());
        List<Object> sceneNodes = new ArrayList<>(List.of(0));
        int[] meshNodes = new int[character.meshes().size()];
        Set<String> nodeNames = new HashSet<>(s.names());
        for (int m = 0; m < meshNodes.length; m++) {
            Mesh mesh = character.meshes().get(m);
            Map<String, Object> node = GltfBuilder.object();
            node.put("name", uniqueName(mesh.name(), nodeNames));
            node.put("mesh", MeshEncoder.add(gltf, mesh, materials.materialFor(mesh.material(), mesh.uvs() != null), s.size()));
            node.put("skin", skin);
            meshNodes[m] = gltf.add("nodes", node);
            sceneNodes.add(meshNodes[m]);
        }
        Map<String, Object> scene = GltfBuilder.object();
        scene.put("name", character.name());
        scene.put("nodes", sceneNodes);
        gltf.add("scenes", scene);
        if (motion != null) {
            AnimationEncoder.add(gltf, motion, character.meshes(), meshNodes, options);
        }
        Map<String, Object> asset = GltfBuilder.object();
        asset.put("generator", GENERATOR);
        asset.put("version", "2.0");
        if (!character.metadata().isEmpty()) {
            asset.put("extras", character.metadata()); // a sorted map: deterministic order
        }
        String json = JsonText.write(gltf.document(asset));
        return new GlbContainer(json, gltf.binary()).toBytes();
    }

    /**
     * {@code name}, or {@code name_mesh}, {@code name_mesh2}, ... when a joint or an earlier mesh
     * node has it: tools bind animation tracks and create objects by node name (Blender renamed a
     * mesh node "Head" to "Head.001" next to the joint "Head"), so node names stay unique.
     */
    static String uniqueName(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 1; !taken.add(candidate); i++) {
            candidate = name + "_mesh" + (i == 1 ? "" : Integer.toString(i));
        }
        return candidate;
    }

    private static void addJointNodes(GltfBuilder gltf, Skeleton s) {
        for (int j = 0; j < s.size(); j++) {
            Map<String, Object> node = GltfBuilder.object();
            node.put("name", s.name(j));
            List<Object> children = new ArrayList<>();
            for (int c = j + 1; c < s.size(); c++) {
                if (s.parent(c) == j) {
                    children.add(c);
                }
            }
            if (!children.isEmpty()) {
                node.put("children", children);
            }
            Vec3 o = s.offset(j);
            if (!o.equals(Vec3.ZERO)) {
                node.put("translation", new float[] {(float) o.x(), (float) o.y(), (float) o.z()});
            }
            gltf.add("nodes", node);
        }
    }

    private static int addSkin(GltfBuilder gltf, Skeleton s, String name) {
        Vec3[] rest = s.restPositions();
        float[] matrices = new float[16 * s.size()];
        List<Object> joints = new ArrayList<>();
        for (int j = 0; j < s.size(); j++) {
            int o = 16 * j; // column-major: the translation is the fourth column, elements 12..14
            matrices[o] = 1;
            matrices[o + 5] = 1;
            matrices[o + 10] = 1;
            matrices[o + 15] = 1;
            matrices[o + 12] = (float) -rest[j].x();
            matrices[o + 13] = (float) -rest[j].y();
            matrices[o + 14] = (float) -rest[j].z();
            joints.add(j);
        }
        Map<String, Object> skin = GltfBuilder.object();
        skin.put("inverseBindMatrices", gltf.floats(matrices, "MAT4", 16, false, null));
        skin.put("joints", joints);
        skin.put("name", name);
        skin.put("skeleton", 0);
        return gltf.add("skins", skin);
    }

    private static void requireSameSkeleton(Skeleton character, Skeleton motion) {
        if (character.size() != motion.size()) {
            throw new IllegalArgumentException("the motion has " + motion.size() + " joints but the character's skeleton has "
                    + character.size() + "; retarget the motion to the character first");
        }
        for (int j = 0; j < character.size(); j++) {
            if (!character.name(j).equals(motion.name(j)) || character.parent(j) != motion.parent(j)) {
                throw new IllegalArgumentException("the motion's joint " + j + " is '" + motion.name(j) + "' (parent "
                        + motion.parent(j) + ") but the character's is '" + character.name(j) + "' (parent "
                        + character.parent(j) + "); retarget the motion to the character first");
            }
        }
    }

    private static void checkMorphWeights(Character character, Motion motion, GlbOptions options) {
        Map<String, float[]> weights = options.morphWeights();
        if (weights.isEmpty()) {
            return;
        }
        if (motion == null) {
            throw new IllegalArgumentException("morph weights were given without a motion; they are keyed by motion frame");
        }
        Set<String> known = new HashSet<>();
        for (Mesh m : character.meshes()) {
            for (MorphTarget t : m.morphs()) {
                known.add(t.name());
            }
        }
        weights.forEach((name, w) -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("morph weights for '" + name + "', but no mesh of character "
                        + character.name() + " has a morph of that name");
            }
            if (w.length != motion.frameCount()) {
                throw new IllegalArgumentException("morph '" + name + "' has " + w.length + " weights; the motion has "
                        + motion.frameCount() + " frames");
            }
        });
    }
}
