package io.anim3d.server.storage;

import java.io.IOException;

/**
 * A stream was longer than the size limit; nothing of it was stored (for an upload chunk: that
 * chunk was dropped, earlier chunks are kept).
 */
public final class BlobTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final long limitBytes;

    public BlobTooLargeException(String key, long limitBytes) {
        super("blob " + BlobKeys.describe(key) + " is larger than the limit of " + limitBytes
                + " bytes; nothing of it was stored. Send a smaller file.");
        this.key = key;
        this.limitBytes = limitBytes;
    }

    public String key() {
        return key;
    }

    /** The limit that was exceeded, in bytes (for the whole blob, not the chunk). */
    public long limitBytes() {
        return limitBytes;
    }
}
