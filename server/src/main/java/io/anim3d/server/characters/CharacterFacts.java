package io.anim3d.server.characters;

import java.util.Objects;

/**
 * What reading a model file found: enough to list it and, later, to retarget onto it.
 *
 * @param format     {@code fbx}, {@code glb} or {@code vrm} (a GLB with a VRM extension)
 * @param rigId      the bone-naming convention ({@link RigIds}): {@code mixamo}, {@code vrm} or {@code custom}
 * @param jointCount joints of the skeleton, at least 1
 * @param hasMesh    whether the file has any mesh (a bare skeleton can still be animated)
 * @param hasSkin    whether a mesh is bound to the skeleton
 */
public record CharacterFacts(String format, String rigId, int jointCount, boolean hasMesh, boolean hasSkin) {
    public CharacterFacts {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rigId, "rigId");
        if (jointCount < 1) {
            throw new IllegalArgumentException("a character has at least one joint, was " + jointCount);
        }
    }
}
