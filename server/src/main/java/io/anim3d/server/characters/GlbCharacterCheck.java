package io.anim3d.server.characters;

import io.anim3d.formats.gltf.GlbAsset;
import io.anim3d.formats.gltf.GlbFormatException;
import io.anim3d.formats.gltf.GlbCharacterReader;
import io.anim3d.formats.gltf.GlbReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a GLB or VRM file far enough to know it is a character we can use: a readable GLB
 * container and glTF 2.x document ({@link GlbReader}), one embedded buffer, no compression or
 * other required extension we cannot read, a skeleton (the joints of its skins, and for VRM the
 * nodes of its humanoid bones) whose indices all point at nodes, and meshes whose positions lie
 * inside the buffer. Every failure is a {@link CharacterException} naming the array and index at
 * fault and what to export instead.
 *
 * <p>VRM 0.x keeps its humanoid in the {@code VRM} extension (a list of {@code {bone, node}}),
 * VRM 1.0 in {@code VRMC_vrm} (a map from bone name to {@code {node}}). Stateless.
 */
final class GlbCharacterCheck {
    /** Joints of one skeleton, as for FBX ({@code FbxCharacterReader.Limits#defaults}). */
    static final int MAX_JOINTS = 1024;
    /** Nodes of the scene; real characters have a few hundred. */
    static final int MAX_NODES = 65_536;
    /** Deepest JSON nesting accepted; glTF needs about 8, generous extras some more. */
    static final int MAX_JSON_DEPTH = 128;
    static final String VRM0 = "VRM";
    static final String VRM1 = "VRMC_vrm";
    private static final int GLB_MAGIC = 0x46546C67; // "glTF", little-endian
    private static final int FLOAT = 5126;
    private static final String DRACO = "KHR_draco_mesh_compression";
    private static final String MESHOPT = "EXT_meshopt_compression";

    private GlbCharacterCheck() {
    }

    static boolean looksLikeGlb(byte[] bytes) {
        return bytes.length >= 4 && ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == GLB_MAGIC;
    }

    static CharacterFacts inspect(byte[] bytes) {
        checkJsonDepth(bytes);
        GlbAsset glb;
        try {
            glb = GlbReader.read(bytes);
        } catch (GlbFormatException e) {
            throw CharacterFiles.unreadable(e.getMessage());
        }
        Map<String, Object> json = glb.json();
        checkExtensions(json);
        checkBuffers(glb);
        List<Map<String, Object>> nodes = objects(json, "nodes");
        if (nodes.size() > MAX_NODES) {
            throw CharacterFiles.unreadable("the file has " + nodes.size() + " nodes, more than the " + MAX_NODES + " accepted");
        }
        Set<Integer> joints = new LinkedHashSet<>();
        List<Map<String, Object>> skins = objects(json, "skins");
        for (int s = 0; s < skins.size(); s++) {
            joints.addAll(skinJoints(glb, skins.get(s), s, nodes.size()));
        }
        boolean vrm = extension(json, VRM0) != null || extension(json, VRM1) != null;
        if (vrm) {
            joints.addAll(humanoidNodes(json, nodes.size()));
        }
        if (joints.isEmpty()) {
            throw CharacterFiles.unreadable("glTF: the file has no skeleton (no skin with joints"
                    + (vrm ? " and no VRM humanoid bones" : "") + "); export the character with its armature and skin");
        }
        if (joints.size() > MAX_JOINTS) {
            throw CharacterFiles.unreadable("the skeleton has " + joints.size() + " joints, more than the " + MAX_JOINTS
                    + " allowed; remove helper bones before exporting");
        }
        List<Map<String, Object>> meshes = objects(json, "meshes");
        for (int m = 0; m < meshes.size(); m++) {
            checkMesh(glb, meshes.get(m), m);
        }
        boolean skinned = false;
        for (int n = 0; n < nodes.size(); n++) {
            Map<String, Object> node = nodes.get(n);
            boolean hasMesh = node.containsKey("mesh");
            if (hasMesh) {
                index(node.get("mesh"), meshes.size(), "nodes[" + n + "].mesh", "meshes");
            }
            if (node.containsKey("skin")) {
                index(node.get("skin"), skins.size(), "nodes[" + n + "].skin", "skins");
                skinned |= hasMesh;
            }
        }
        List<String> names = new ArrayList<>();
        for (int j : joints) {
            names.add(nodes.get(j).get("name") instanceof String s ? s : "");
        }
        String rig = vrm ? RigIds.VRM : RigIds.ofJointNames(names);
        return new CharacterFacts(vrm ? "vrm" : "glb", rig, joints.size(), !meshes.isEmpty(), skinned);
    }

    /**
     * Refuses JSON nested deeper than {@value #MAX_JSON_DEPTH} before the recursive parser sees it
     * (a few kilobytes of brackets would otherwise overflow its stack). Counts brackets outside
     * strings; a malformed header is left to {@link GlbReader} to describe.
     */
    static void checkJsonDepth(byte[] bytes) {
        try {
            GlbCharacterReader.checkJsonDepth(bytes, MAX_JSON_DEPTH);
        } catch (IllegalArgumentException e) {
            throw CharacterFiles.unreadable(e.getMessage() + "; this is not a glTF document an exporter writes");
        }
    }

    /**
     * Required extensions must be ones whose absence from our reader loses nothing of the skeleton
     * or mesh; compressed primitives and buffer views are refused where they occur (an extension
     * merely listed in extensionsUsed is not applied to anything).
     */
    private static void checkExtensions(Map<String, Object> json) {
        List<String> required = strings(json.get("extensionsRequired"), "extensionsRequired");
        strings(json.get("extensionsUsed"), "extensionsUsed"); // only its shape: listed is not applied
        for (String name : List.of(DRACO, MESHOPT)) {
            if (required.contains(name)) {
                throw compressed(name);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : required) {
            boolean harmless = name.equals(VRM0) || name.startsWith("VRMC_") || name.startsWith("KHR_materials_")
                    || name.equals("KHR_texture_transform") || name.equals("KHR_lights_punctual");
            if (!harmless) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw CharacterFiles.unreadable("glTF: the file requires the extension(s) " + String.join(", ", unknown)
                    + ", which this server cannot read; export without them");
        }
    }

    /** One buffer, the GLB's own BIN chunk: external files and data URIs are not read. */
    private static void checkBuffers(GlbAsset glb) {
        List<Map<String, Object>> buffers = objects(glb.json(), "buffers");
        if (buffers.size() > 1) {
            throw CharacterFiles.unreadable("glTF: the file has " + buffers.size() + " buffers; export a single "
                    + "self-contained .glb (one embedded buffer)");
        }
        if (!buffers.isEmpty() && buffers.get(0).containsKey("uri")) {
            throw CharacterFiles.unreadable("glTF: buffers[0] refers to an external file or data URI; export a "
                    + "self-contained .glb, which embeds its buffer");
        }
        List<Map<String, Object>> views = objects(glb.json(), "bufferViews");
        for (int v = 0; v < views.size(); v++) {
            Map<String, Object> view = views.get(v);
            if (view.containsKey("extensions") && view.get("extensions") instanceof Map<?, ?> ext
                    && ext.containsKey(MESHOPT)) {
                throw compressed(MESHOPT);
            }
            index(view.get("buffer"), buffers.size(), "bufferViews[" + v + "].buffer", "buffers");
            long offset = number(view.getOrDefault("byteOffset", 0.0), "bufferViews[" + v + "].byteOffset");
            long length = number(view.get("byteLength"), "bufferViews[" + v + "].byteLength");
            if (offset + length > glb.binLength()) {
                throw CharacterFiles.unreadable("glTF: bufferViews[" + v + "] (" + length + " bytes at " + offset
                        + ") runs past the " + glb.binLength() + "-byte buffer; the file is cut off or damaged");
            }
        }
    }

    /** Node indices of a skin's joints; its inverse bind matrices, when present, must be readable MAT4 floats. */
    private static List<Integer> skinJoints(GlbAsset glb, Map<String, Object> skin, int s, int nodeCount) {
        String what = "skins[" + s + "]";
        if (!(skin.get("joints") instanceof List<?> list) || list.isEmpty()) {
            throw CharacterFiles.unreadable("glTF: " + what + " has no joints array");
        }
        if (list.size() > MAX_JOINTS) {
            throw CharacterFiles.unreadable("glTF: " + what + " has " + list.size() + " joints, more than the "
                    + MAX_JOINTS + " allowed");
        }
        List<Integer> joints = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            joints.add(index(list.get(i), nodeCount, what + ".joints[" + i + "]", "nodes"));
        }
        if (skin.containsKey("inverseBindMatrices")) {
            int a = index(skin.get("inverseBindMatrices"), objects(glb.json(), "accessors").size(),
                    what + ".inverseBindMatrices", "accessors");
            Map<String, Object> accessor = glb.get("accessors", a);
            long count = number(accessor.get("count"), "accessors[" + a + "].count");
            if (!"MAT4".equals(accessor.get("type")) || number(accessor.get("componentType"),
                    "accessors[" + a + "].componentType") != FLOAT || count < joints.size()) {
                throw CharacterFiles.unreadable("glTF: " + what + ".inverseBindMatrices (accessors[" + a
                        + "]) must be " + joints.size() + " float MAT4 matrices");
            }
            checkAccessor(glb, a, 64);
        }
        return joints;
    }

    /** Nodes of the VRM humanoid bones (both VRM versions); the file must map at least the hips. */
    private static List<Integer> humanoidNodes(Map<String, Object> json, int nodeCount) {
        List<Integer> out = new ArrayList<>();
        boolean hips = false;
        if (extension(json, VRM0) instanceof Map<?, ?> vrm) {
            Object bones = vrm.get("humanoid") instanceof Map<?, ?> h ? h.get("humanBones") : null;
            if (!(bones instanceof List<?> list)) {
                throw CharacterFiles.unreadable("VRM: extensions.VRM.humanoid.humanBones is missing; export the "
                        + "model again with its humanoid bone mapping");
            }
            for (int i = 0; i < list.size(); i++) {
                String what = "VRM humanoid bone " + i;
                if (!(list.get(i) instanceof Map<?, ?> bone) || !(bone.get("bone") instanceof String name)) {
                    throw CharacterFiles.unreadable(what + " has no bone name");
                }
                out.add(index(bone.get("node"), nodeCount, "VRM humanoid bone '" + name + "' node", "nodes"));
                hips |= name.equals("hips");
            }
        } else if (extension(json, VRM1) instanceof Map<?, ?> vrm) {
            Object bones = vrm.get("humanoid") instanceof Map<?, ?> h ? h.get("humanBones") : null;
            if (!(bones instanceof Map<?, ?> map)) {
                throw CharacterFiles.unreadable("VRM: extensions.VRMC_vrm.humanoid.humanBones is missing; export the "
                        + "model again with its humanoid bone mapping");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object node = e.getValue() instanceof Map<?, ?> bone ? bone.get("node") : null;
                out.add(index(node, nodeCount, "VRM humanoid bone '" + e.getKey() + "' node", "nodes"));
                hips |= "hips".equals(e.getKey());
            }
        }
        if (!hips) {
            throw CharacterFiles.unreadable("VRM: the humanoid maps no 'hips' bone, which VRM requires; fix the bone "
                    + "mapping and export again");
        }
        return out;
    }

    /** Every primitive's POSITION accessor must lie inside the buffer, and a primitive must not be compressed. */
    private static void checkMesh(GlbAsset glb, Map<String, Object> mesh, int m) {
        if (!(mesh.get("primitives") instanceof List<?> primitives)) {
            throw CharacterFiles.unreadable("glTF: meshes[" + m + "] has no primitives array");
        }
        int accessors = objects(glb.json(), "accessors").size();
        for (int p = 0; p < primitives.size(); p++) {
            String what = "meshes[" + m + "].primitives[" + p + "]";
            if (!(primitives.get(p) instanceof Map<?, ?> prim) || !(prim.get("attributes") instanceof Map<?, ?> attributes)) {
                throw CharacterFiles.unreadable("glTF: " + what + " has no attributes");
            }
            if (prim.get("extensions") instanceof Map<?, ?> ext && ext.containsKey(DRACO)) {
                throw compressed(DRACO);
            }
            if (!attributes.containsKey("POSITION")) {
                throw CharacterFiles.unreadable("glTF: " + what + " has no POSITION attribute");
            }
            int a = index(attributes.get("POSITION"), accessors, what + ".attributes.POSITION", "accessors");
            checkAccessor(glb, a, 12);
        }
    }

    /**
     * Checks that accessor {@code a} (elements of {@code elementBytes}) lies inside its buffer view,
     * without decoding it: a cut-off or hostile file fails here with the accessor's index.
     */
    private static void checkAccessor(GlbAsset glb, int a, int elementBytes) {
        Map<String, Object> accessor = glb.get("accessors", a);
        String what = "accessors[" + a + "]";
        long count = number(accessor.get("count"), what + ".count");
        if (!accessor.containsKey("bufferView")) {
            return; // all zeros (or sparse only), nothing to read
        }
        List<Map<String, Object>> views = objects(glb.json(), "bufferViews");
        int v = index(accessor.get("bufferView"), views.size(), what + ".bufferView", "bufferViews");
        Map<String, Object> view = views.get(v);
        long viewLength = number(view.get("byteLength"), "bufferViews[" + v + "].byteLength");
        long offset = number(accessor.getOrDefault("byteOffset", 0.0), what + ".byteOffset");
        long stride = view.containsKey("byteStride") ? number(view.get("byteStride"), "bufferViews[" + v + "].byteStride")
                : elementBytes;
        long needed = count == 0 ? 0 : offset + stride * (count - 1) + elementBytes;
        if (needed > viewLength) {
            throw CharacterFiles.unreadable("glTF: " + what + " needs " + needed + " bytes of bufferViews[" + v + "], which has "
                    + viewLength + "; the file is cut off or damaged");
        }
    }

    private static CharacterException compressed(String extension) {
        return CharacterFiles.unreadable("glTF: the meshes are compressed with " + extension
                + ", which this server cannot read; export the .glb without mesh compression");
    }

    private static Object extension(Map<String, Object> json, String name) {
        return json.get("extensions") instanceof Map<?, ?> ext ? ext.get(name) : null;
    }

    /** Top-level array {@code name} of objects (empty when absent); anything else is refused. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Map<String, Object> json, String name) {
        Object v = json.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof Map)) {
            throw CharacterFiles.unreadable("glTF: '" + name + "' is not an array of objects");
        }
        return (List<Map<String, Object>>) v;
    }

    private static List<String> strings(Object v, String what) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof String)) {
            throw CharacterFiles.unreadable("glTF: '" + what + "' is not an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A non-negative whole JSON number below 2^53. */
    private static long number(Object v, String what) {
        if (!(v instanceof Double d) || d < 0 || d != Math.rint(d) || d > (double) (1L << 53)) {
            throw CharacterFiles.unreadable("glTF: " + what + " is " + v + ", not a non-negative whole number");
        }
        return d.longValue();
    }

    /** An index into an array of {@code size} elements named {@code array}. */
    private static int index(Object v, int size, String what, String array) {
        long i = number(v, what);
        if (i >= size) {
            throw CharacterFiles.unreadable("glTF: " + what + " is " + i + ", but the file has " + size + " " + array);
        }
        return (int) i;
    }
}
