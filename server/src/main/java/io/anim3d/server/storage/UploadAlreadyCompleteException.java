package io.anim3d.server.storage;

import java.io.IOException;

/**
 * A chunk arrived for an upload that is already complete. Appending would silently start a new
 * upload over a finished file, so it is refused; the HTTP layer answers as for a complete upload.
 */
public final class UploadAlreadyCompleteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final long size;

    public UploadAlreadyCompleteException(String key, long size) {
        super("upload " + BlobKeys.describe(key) + " is already complete (" + size + " bytes)");
        this.key = key;
        this.size = size;
    }

    public String key() {
        return key;
    }

    /** Size of the completed blob, in bytes. */
    public long size() {
        return size;
    }
}
