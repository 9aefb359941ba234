package io.anim3d.server.api.model;

/** The 200 answer to a completed upload: how many bytes are stored. */
public record StoredUpload(long size) {
}
