package io.anim3d.formats.character;

import io.anim3d.motion.Skeleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rigged character: a skeleton whose rest pose is the bind pose (rest rotations zero, so a
 * joint's inverse bind matrix is a translation by minus its rest position), skinned meshes and
 * their materials. One model for stock, imported and exported characters. Immutable.
 *
 * @param name     file-name-safe name, e.g. {@code male-young}
 * @param metadata free-form key/values (e.g. licence, generator), sorted for deterministic output
 */
public record Character(String name, Skeleton skeleton, List<Mesh> meshes, List<Material> materials,
                        Map<String, String> metadata) {
    public Character {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("character name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        meshes = List.copyOf(meshes);
        materials = List.copyOf(materials);
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
        for (Mesh m : meshes) {
            if (m.material() < 0 || m.material() >= materials.size()) {
                throw new IllegalArgumentException("mesh " + m.name() + " uses material " + m.material() + " of " + materials.size());
            }
            for (int j : m.joints()) {
                if (j < 0 || j >= skeleton.size()) {
                    throw new IllegalArgumentException("mesh " + m.name() + " is skinned to joint " + j + " of " + skeleton.size());
                }
            }
        }
    }

    /** Total triangles of every mesh. */
    public int triangleCount() {
        return meshes.stream().mapToInt(Mesh::triangleCount).sum();
    }
}
