package io.anim3d.formats.fbx;

import java.util.List;
import java.util.Optional;

/**
 * A whole binary FBX file at the codec level: the version from its header (7100 … 7700) and its
 * top-level nodes in file order ({@code FBXHeaderExtension}, {@code GlobalSettings},
 * {@code Objects}, ...).
 */
public record FbxDocument(int version, List<FbxNode> nodes) {
    public FbxDocument {
        nodes = List.copyOf(nodes);
    }

    /** The first top-level node with this name, if any. */
    public Optional<FbxNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
