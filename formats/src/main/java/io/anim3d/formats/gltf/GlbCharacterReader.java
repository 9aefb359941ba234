package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Material;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.Skeleton;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a skinned character from a binary glTF (GLB) or VRM file into the {@link Character} model
 * (bind pose = rest pose with zero rest rotations, metres, Y up, facing +Z), e.g. to draw
 * thumbnails of uploaded characters.
 *
 * <p>One skin is read: that of the first node with both a mesh and a skin. Its joints keep the
 * file's node names (made unique) and their hierarchy (a joint's parent is its nearest ancestor
 * node that is also a joint); when the skin has several root joints their nearest common ancestor
 * node (or, without one, an added {@code Root} at the origin) becomes joint 0. Every primitive of
 * every node skinned with that skin becomes a {@link Mesh}.
 *
 * <p>Bind pose: glTF skins vertices with {@code jointWorld · inverseBind}, ignoring the mesh
 * node's own transform, so vertices are in the skin's bind space and a joint's bind position in
 * that space is the translation of its inverse-bind matrix's inverse. That space is mapped to the
 * scene by {@code C = world(rootJoint) · inverseBind(rootJoint)}: the identity for our own
 * {@link GlbWriter} output, and the armature's transform (e.g. a centimetre-to-metre scale or a
 * Z-up rotation) for files whose inverse binds are relative to an armature node. Without inverse
 * bind matrices the joints' node world positions are used and vertices are left as they are.
 * VRM 0.x characters face −Z and are turned 180° about Y; glTF and VRM 1.0 already face +Z.
 *
 * <p>Also read: meshes skinned with another skin over the same joints (three.js writes one skin
 * per mesh), each through its own inverse binds; meshes without a skin that hang under a joint (a
 * robot's plates, a prop in a hand), bound rigidly to that joint and placed by their node
 * transforms; base-colour factors and embedded base-colour textures ({@link GltfTextures}).
 *
 * <p>Not read: morph targets, points and lines, other texture maps. Refused with an
 * {@link IllegalArgumentException} naming the problem: no skinned mesh, Draco or meshopt
 * compression, sparse accessors, external buffers, and files past the bounds below. Stateless.
 */
public final class GlbCharacterReader {
    /** Joints of the skin, as for FBX ({@code FbxCharacterReader.Limits#defaults}). */
    public static final int MAX_JOINTS = 1024;
    /** Nodes of the file; real characters have a few hundred. */
    public static final int MAX_NODES = 65_536;
    /** Vertices of all meshes together. */
    public static final int MAX_VERTICES = 2_000_000;
    /** Triangle corners (indices) of all meshes together. */
    public static final int MAX_CORNERS = 24_000_000;
    /** Deepest JSON nesting accepted before the recursive JSON parser runs (glTF needs about 8). */
    static final int MAX_JSON_DEPTH = 128;
    private static final String VRM0 = "VRM";
    private static final String VRM1 = "VRMC_vrm";
    private static final List<String> COMPRESSION = List.of("KHR_draco_mesh_compression", "EXT_meshopt_compression");

    private GlbCharacterReader() {
    }

    /**
     * @param glb  the GLB or VRM file's bytes
     * @param name the character's name (must fit the {@link Character} name rule)
     * @throws IllegalArgumentException naming what in the file cannot be read and what to export instead
     */
    public static Character read(byte[] glb, String name) {
        checkJsonDepth(glb, MAX_JSON_DEPTH);
        GlbAsset asset;
        try {
            asset = GlbReader.read(glb);
        } catch (GlbFormatException | IndexOutOfBoundsException e) { // the latter: a cut-off escape in the JSON
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            return new GlbCharacterReader.Reading(asset).character(name);
        } catch (GlbFormatException | ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("glTF: the document is malformed (" + e.getMessage() + ")", e);
        }
    }

    /** The state of one read. */
    private static final class Reading implements PrimitiveReader.Budget {
        private final GlbAsset glb;
        private final GltfAccessors accessors;
        private final List<Map<String, Object>> nodes;
        private final int[] parentNode;
        private final double[][] world;
        private final GltfTextures textures;
        private final List<Material> materials = new ArrayList<>();
        private final Map<Integer, Integer> materialIndex = new HashMap<>();
        private final Set<String> meshNames = new HashSet<>();
        private int vertexBudget = MAX_VERTICES;
        private int cornerBudget = MAX_CORNERS;
        private int skippedPrimitives;
        private int unweightedVertices;

        Reading(GlbAsset glb) {
            this.glb = glb;
            this.accessors = new GltfAccessors(glb);
            this.textures = new GltfTextures(glb);
            this.nodes = glb.array("nodes");
            if (nodes.size() > MAX_NODES) {
                throw new IllegalArgumentException("glTF: the file has " + nodes.size() + " nodes, more than the " + MAX_NODES + " accepted");
            }
            this.parentNode = parents(nodes);
            this.world = new double[nodes.size()][];
        }

        Character character(String name) {
            checkExtensionsAndBuffers();
            int meshNode = -1;
            for (int n = 0; n < nodes.size() && meshNode < 0; n++) {
                if (nodes.get(n).containsKey("mesh") && nodes.get(n).containsKey("skin")) {
                    meshNode = n;
                }
            }
            if (meshNode < 0) {
                throw new IllegalArgumentException("glTF: the file has no skinned mesh (no node with both a mesh and a skin)"
                        + "; export the character with its armature and skin");
            }
            int skinIndex = GltfAccessors.whole(nodes.get(meshNode).get("skin"), "nodes[" + meshNode + "].skin");
            int[] jointNodes = jointNodes(skinIndex);
            double[][] ibm = inverseBinds(skinIndex, jointNodes.length);
            double[][] positions = new double[jointNodes.length][];
            double[] c = ibm == null ? GltfMath.identity() : bindToScene(jointNodes, ibm);
            for (int j = 0; j < jointNodes.length; j++) {
                double[] bind = ibm == null ? world(jointNodes[j])
                        : GltfMath.mul(c, GltfMath.inverse(ibm[j], "skins[" + skinIndex + "] inverse bind matrix " + j));
                positions[j] = GltfMath.point(bind, 0, 0, 0);
            }
            boolean vrm0 = extension(VRM0) != null;
            JointTree tree = JointTree.build(jointNodes, positions, parentNode, nodes, this::world);
            if (vrm0) {
                tree.turnAroundY();
            }
            Map<Integer, Integer> ourJointOfNode = new HashMap<>();
            for (int j = 0; j < jointNodes.length; j++) {
                ourJointOfNode.put(jointNodes[j], tree.ourIndex[j]);
            }
            List<Mesh> meshes = new ArrayList<>();
            int skippedNodes = 0;
            for (int n = 0; n < nodes.size(); n++) {
                Map<String, Object> node = nodes.get(n);
                if (!node.containsKey("mesh")) {
                    continue;
                }
                PrimitiveContext ctx = node.containsKey("skin")
                        ? skinned(GltfAccessors.whole(node.get("skin"), "nodes[" + n + "].skin"), ourJointOfNode, vrm0)
                        : rigid(n, ourJointOfNode, vrm0);
                if (ctx == null) {
                    skippedNodes++;
                } else {
                    readMesh(n, ctx, meshes);
                }
            }
            Map<String, String> metadata = new TreeMap<>();
            metadata.put("source.format", vrm0 ? "vrm0" : extension(VRM1) != null ? "vrm1" : "glb");
            metadata.put("source.skin", Integer.toString(skinIndex));
            metadata.put("source.skinJoints", Integer.toString(jointNodes.length));
            metadata.put("source.skippedMeshNodes", Integer.toString(skippedNodes));
            metadata.put("source.skippedPrimitives", Integer.toString(skippedPrimitives));
            metadata.put("source.skippedTextures", Integer.toString(textures.skipped()));
            metadata.put("source.unweightedVertices", Integer.toString(unweightedVertices));
            if (materials.isEmpty()) {
                materials.add(new Material("Default", new float[] {1, 1, 1, 1}, 1, null));
            }
            Skeleton skeleton = new Skeleton(tree.names, tree.parents, tree.offsets());
            return new Character(name, skeleton, meshes, materials, metadata);
        }

        /** How to read the primitives of one mesh node. */
        private record PrimitiveContext(double[] toScene, boolean turnAround, int[] ourJoint, int rigidJoint) {
        }

        /**
         * A node skinned with {@code skin}: read when every joint of that skin is one of ours
         * (exporters such as three.js write one skin per mesh over the same joints), else null.
         */
        private PrimitiveContext skinned(int skin, Map<Integer, Integer> ourJointOfNode, boolean vrm0) {
            int[] jointNodes = jointNodes(skin);
            int[] ours = new int[jointNodes.length];
            for (int j = 0; j < ours.length; j++) {
                Integer o = ourJointOfNode.get(jointNodes[j]);
                if (o == null) {
                    return null;
                }
                ours[j] = o;
            }
            double[][] ibm = inverseBinds(skin, jointNodes.length);
            return new PrimitiveContext(ibm == null ? GltfMath.identity() : bindToScene(jointNodes, ibm), vrm0, ours, -1);
        }

        /** A mesh node without skin under one of our joints: rigid on that joint, placed by its node transform; else null. */
        private PrimitiveContext rigid(int node, Map<Integer, Integer> ourJointOfNode, boolean vrm0) {
            for (int a = node; a >= 0; a = parentNode[a]) {
                Integer o = ourJointOfNode.get(a);
                if (o != null) {
                    return new PrimitiveContext(world(node), vrm0, new int[0], o);
                }
            }
            return null;
        }

        /**
         * The skin's bind space in the scene: {@code world(root) · inverseBind(root)} for its
         * first root joint (one without an ancestor among the skin's joints). The identity when
         * the inverse binds are already relative to the scene.
         */
        private double[] bindToScene(int[] jointNodes, double[][] ibm) {
            Set<Integer> inSkin = new HashSet<>();
            for (int j : jointNodes) {
                inSkin.add(j);
            }
            int root = 0;
            for (int j = jointNodes.length - 1; j >= 0; j--) {
                if (nearestJointAncestor(jointNodes[j], inSkin) < 0) {
                    root = j;
                }
            }
            return GltfMath.mul(world(jointNodes[root]), ibm[root]);
        }

        /** The skin's inverse bind matrices (one per joint), or null when the skin has none. */
        private double[][] inverseBinds(int skinIndex, int joints) {
            Map<String, Object> skin = glb.get("skins", skinIndex);
            if (!skin.containsKey("inverseBindMatrices")) {
                return null;
            }
            String what = "skins[" + skinIndex + "].inverseBindMatrices";
            int a = GltfAccessors.whole(skin.get("inverseBindMatrices"), what);
            double[] all = accessors.read(a, what, List.of("MAT4"), 16L * MAX_JOINTS);
            if (all.length < 16 * joints) {
                throw new IllegalArgumentException("glTF: skins[" + skinIndex + "] has " + joints + " joints but "
                        + all.length / 16 + " inverse bind matrices");
            }
            double[][] out = new double[joints][];
            for (int j = 0; j < joints; j++) {
                out[j] = Arrays.copyOfRange(all, 16 * j, 16 * j + 16);
            }
            return out;
        }

        private void readMesh(int n, PrimitiveContext ctx, List<Mesh> out) {
            int m = GltfAccessors.whole(nodes.get(n).get("mesh"), "nodes[" + n + "].mesh");
            Map<String, Object> mesh = glb.get("meshes", m);
            if (!(mesh.get("primitives") instanceof List<?> primitives)) {
                throw new IllegalArgumentException("glTF: meshes[" + m + "] has no primitives array");
            }
            String base = mesh.get("name") instanceof String s && !s.isBlank() ? s
                    : nodes.get(n).get("name") instanceof String s2 && !s2.isBlank() ? s2 : "mesh" + m;
            for (int p = 0; p < primitives.size(); p++) {
                String what = "meshes[" + m + "].primitives[" + p + "]";
                if (!(primitives.get(p) instanceof Map<?, ?> prim)) {
                    throw new IllegalArgumentException("glTF: " + what + " is not an object");
                }
                String meshName = unique(primitives.size() > 1 ? base + "_" + p : base, meshNames);
                Mesh built = new PrimitiveReader(accessors, what, prim, ctx.toScene(), ctx.turnAround(), ctx.ourJoint(),
                        ctx.rigidJoint()).read(meshName, materialFor(prim.get("material"), hasUvs(prim)), this);
                if (built == null) {
                    skippedPrimitives++;
                } else {
                    out.add(built);
                }
            }
        }

        private static boolean hasUvs(Map<?, ?> prim) {
            return prim.get("attributes") instanceof Map<?, ?> attributes && attributes.containsKey("TEXCOORD_0");
        }

        @Override
        public void takeVertices(int count, String what) {
            if (count > vertexBudget) {
                throw new IllegalArgumentException("glTF: " + what + " brings the meshes past " + MAX_VERTICES + " vertices");
            }
            vertexBudget -= count;
        }

        @Override
        public void takeCorners(int count, String what) {
            if (count > cornerBudget) {
                throw new IllegalArgumentException("glTF: " + what + " brings the meshes past " + MAX_CORNERS
                        + " triangle corners");
            }
            cornerBudget -= count;
        }

        @Override
        public void unweighted(int vertices) {
            unweightedVertices += vertices;
        }

        /**
         * Our material for a primitive's glTF material (-1 or absent: glTF's default, white): its
         * base colour factor, roughness factor and, for primitives with TEXCOORD_0, its
         * base-colour texture. A material used with and without UVs becomes two.
         */
        private int materialFor(Object index, boolean withUvs) {
            int m = index == null ? -1 : GltfAccessors.whole(index, "primitive material");
            return materialIndex.computeIfAbsent(2 * m + (withUvs ? 1 : 0), k -> {
                float[] color = {1, 1, 1, 1};
                float roughness = 1;
                String name = "Default";
                byte[] png = null;
                if (m >= 0) {
                    Map<String, Object> mat = glb.get("materials", m);
                    name = mat.get("name") instanceof String s && !s.isBlank() ? s : "material" + m;
                    if (mat.get("pbrMetallicRoughness") instanceof Map<?, ?> pbr) {
                        if (pbr.get("baseColorFactor") instanceof List<?> f && f.size() == 4) {
                            for (int i = 0; i < 4; i++) {
                                color[i] = f.get(i) instanceof Double d ? (float) Math.max(0, Math.min(1, d)) : 1;
                            }
                        }
                        if (pbr.get("roughnessFactor") instanceof Double r) {
                            roughness = (float) Math.max(0, Math.min(1, r));
                        }
                    }
                    png = withUvs ? textures.baseColor(mat) : null;
                }
                Set<String> used = new HashSet<>();
                materials.forEach(x -> used.add(x.name()));
                materials.add(new Material(unique(name, used), color, roughness, png));
                return materials.size() - 1;
            });
        }

        private int[] jointNodes(int s) {
            Map<String, Object> skin = glb.get("skins", s);
            if (!(skin.get("joints") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("glTF: skins[" + s + "] has no joints");
            }
            if (list.size() > MAX_JOINTS) {
                throw new IllegalArgumentException("glTF: skins[" + s + "] has " + list.size() + " joints, more than the "
                        + MAX_JOINTS + " accepted; remove helper bones before exporting");
            }
            int[] out = new int[list.size()];
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < out.length; i++) {
                out[i] = GltfAccessors.whole(list.get(i), "skins[" + s + "].joints[" + i + "]");
                if (out[i] >= nodes.size() || !seen.add(out[i])) {
                    throw new IllegalArgumentException("glTF: skins[" + s + "].joints[" + i + "] is node " + out[i]
                            + ", which does not exist or is listed twice");
                }
            }
            return out;
        }

        private int nearestJointAncestor(int node, Set<Integer> joints) {
            for (int a = parentNode[node]; a >= 0; a = parentNode[a]) {
                if (joints.contains(a)) {
                    return a;
                }
            }
            return -1;
        }

        /** World matrix of a node from the scene's node transforms (parents form a tree: checked). */
        double[] world(int node) {
            if (world[node] == null) {
                Deque<Integer> chain = new ArrayDeque<>();
                for (int a = node; a >= 0 && world[a] == null; a = parentNode[a]) {
                    chain.push(a);
                }
                while (!chain.isEmpty()) {
                    int a = chain.pop();
                    double[] local = GltfMath.local(nodes.get(a), "nodes[" + a + "]");
                    world[a] = parentNode[a] < 0 ? local : GltfMath.mul(world[parentNode[a]], local);
                }
            }
            return world[node];
        }

        private Object extension(String name) {
            return glb.json().get("extensions") instanceof Map<?, ?> ext ? ext.get(name) : null;
        }

        private void checkExtensionsAndBuffers() {
            for (String key : List.of("extensionsRequired", "extensionsUsed")) {
                if (glb.json().get(key) instanceof List<?> list) {
                    for (String c : COMPRESSION) {
                        if (list.contains(c) && (key.equals("extensionsRequired") || c.startsWith("KHR_draco"))) {
                            throw compressed(c);
                        }
                    }
                }
            }
            List<Map<String, Object>> buffers = glb.array("buffers");
            if (buffers.size() > 1 || !buffers.isEmpty() && buffers.get(0).containsKey("uri")) {
                throw new IllegalArgumentException("glTF: the file's data is not all in its own BIN chunk (" + buffers.size()
                        + " buffers or an external/data URI); export a single self-contained .glb");
            }
        }
    }

    static IllegalArgumentException compressed(String extension) {
        return new IllegalArgumentException("glTF: the meshes are compressed with " + extension
                + ", which this reader cannot decode; export the .glb without mesh compression");
    }

    /** Parent node of every node (-1 for scene roots); refuses a node with two parents or a cycle. */
    private static int[] parents(List<Map<String, Object>> nodes) {
        int[] parent = new int[nodes.size()];
        Arrays.fill(parent, -1);
        for (int n = 0; n < nodes.size(); n++) {
            if (nodes.get(n).get("children") instanceof List<?> children) {
                for (Object o : children) {
                    int c = GltfAccessors.whole(o, "nodes[" + n + "].children");
                    if (c >= nodes.size() || parent[c] >= 0 || c == n) {
                        throw new IllegalArgumentException("glTF: nodes[" + n + "] lists child " + c
                                + ", which does not exist or already has a parent; the node hierarchy must be a tree");
                    }
                    parent[c] = n;
                }
            }
        }
        for (int n = 0; n < nodes.size(); n++) {
            int steps = 0;
            for (int a = parent[n]; a >= 0; a = parent[a]) {
                if (++steps > nodes.size()) {
                    throw new IllegalArgumentException("glTF: nodes[" + n + "] is its own ancestor; the node hierarchy must be a tree");
                }
            }
        }
        return parent;
    }

    /** {@code base}, or {@code base_2}, {@code base_3}... whichever is not yet in {@code used} (then added). */
    static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /**
     * Refuses a GLB whose JSON nests deeper than {@code maxDepth} before the recursive parser sees
     * it (a few kilobytes of brackets would otherwise overflow its stack). A malformed header is
     * left to {@link GlbReader} to describe.
     *
     * @throws IllegalArgumentException saying how deep the limit is
     */
    public static void checkJsonDepth(byte[] bytes, int maxDepth) {
        if (bytes.length < 20) {
            return;
        }
        long length = ByteBuffer.wrap(bytes, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        int end = (int) Math.min(bytes.length, 20 + length);
        int depth = 0;
        boolean inString = false;
        for (int i = 20; i < end; i++) {
            byte b = bytes[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > maxDepth) {
                    throw new IllegalArgumentException("GLB: the JSON chunk nests deeper than " + maxDepth + " levels");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }

}
