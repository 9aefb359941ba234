package io.anim3d.server.api.model;

import java.util.Objects;

/** {@code GET /upload}: the signed URL to PUT the file to (or POST to, to start a resumable upload). */
public record UploadUrl(String url) {
    public UploadUrl {
        Objects.requireNonNull(url, "url");
    }
}
