package io.anim3d.server.storage;

import java.io.IOException;

/**
 * A resumable-upload chunk did not start at the number of bytes received so far. As in Google
 * Cloud Storage, the client must resume from {@link #currentSize()} (HTTP: 308 with
 * {@code Range: bytes=0-<currentSize-1>}, or no Range header when it is 0).
 */
public final class UploadOffsetException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final long offset;
    private final long currentSize;

    public UploadOffsetException(String key, long offset, long currentSize) {
        super("upload " + BlobKeys.describe(key) + ": chunk starts at byte " + offset + " but "
                + currentSize + " bytes have been received; resume at byte " + currentSize);
        this.key = key;
        this.offset = offset;
        this.currentSize = currentSize;
    }

    public String key() {
        return key;
    }

    /** Where the refused chunk started, in bytes. */
    public long offset() {
        return offset;
    }

    /** Bytes received so far; the next chunk must start here. */
    public long currentSize() {
        return currentSize;
    }
}
