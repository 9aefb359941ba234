package io.anim3d.server.jobs;

import java.util.Objects;

/**
 * One file of a finished job, as {@code /download} lists it.
 *
 * @param group the download group: the character's name, or {@code landmarks}
 * @param ext   the key of the file object in the group ({@code bvh}, {@code fbx}, {@code glb}, {@code dmpe} ...)
 * @param key   blob key; its last segment is the file name ({@code <group>.<ext>}, {@code <group>.fbx.zip})
 * @param size  bytes
 */
public record JobFile(String group, String ext, String key, long size) {
    public JobFile {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(ext, "ext");
        Objects.requireNonNull(key, "key");
    }

    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
