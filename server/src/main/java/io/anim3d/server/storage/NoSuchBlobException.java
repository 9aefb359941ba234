package io.anim3d.server.storage;

import java.io.IOException;

/** The blob (or the upload in progress) asked for does not exist. */
public final class NoSuchBlobException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public NoSuchBlobException(String key) {
        super("no blob " + BlobKeys.describe(key));
        this.key = key;
    }

    public String key() {
        return key;
    }
}
