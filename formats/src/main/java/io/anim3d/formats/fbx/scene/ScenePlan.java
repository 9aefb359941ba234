package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.fbx.FbxNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explicit plan of one scene, before anything is written: the objects in file order (each
 * with its object type for the Definitions counts) and the connections between them.
 *
 * <p>Ids come from a counter in planning order, so the same input always gets the same ids and
 * byte-identical files. They start well above 0 (0 is the scene root) and stay far below 2^31,
 * which some old readers assume for UIDs.
 */
final class ScenePlan {
    /** First object id; the value itself carries no meaning. */
    static final long FIRST_ID = 1_000_000L;
    /** Id of the implicit scene root in Connections. */
    static final long ROOT = 0;

    private final List<FbxNode> objects = new ArrayList<>();
    private final List<FbxNode> connections = new ArrayList<>();
    /** Object type → count, in first-use order. */
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long nextId = FIRST_ID;

    /** A new unique object id. */
    long newId() {
        return nextId++;
    }

    /** Adds an object node; its node name ({@code Model}, {@code Geometry}, ...) is its Definitions type. */
    void add(FbxNode object) {
        objects.add(object);
        counts.merge(object.name(), 1, Integer::sum);
    }

    /** Object-to-object: {@code child} belongs to {@code parent} (0 = scene root). */
    void connect(long child, long parent) {
        connections.add(FbxNode.builder("C").addString("OO").addInt64(child).addInt64(parent).build());
    }

    /** Object-to-property: {@code source} drives property {@code property} of {@code target}. */
    void connect(long source, long target, String property) {
        connections.add(FbxNode.builder("C").addString("OP").addInt64(source).addInt64(target)
                .addString(property).build());
    }

    /** How many objects of {@code type} were added. */
    int count(String type) {
        return counts.getOrDefault(type, 0);
    }

    int objectCount() {
        return objects.size();
    }

    FbxNode objectsNode() {
        return FbxNode.of("Objects", List.of(), objects);
    }

    FbxNode connectionsNode() {
        return FbxNode.of("Connections", List.of(), connections);
    }

    /** An FBX object name: {@code name + "\0\1" + class}. */
    static String objectName(String name, String fbxClass) {
        return name + "\u0000\u0001" + fbxClass;
    }
}
