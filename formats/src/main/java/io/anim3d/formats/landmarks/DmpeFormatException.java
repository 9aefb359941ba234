package io.anim3d.formats.landmarks;

import java.io.IOException;

/**
 * A {@code landmarks.dmpe} file that cannot be read: not a dmpe file, written by a newer format
 * version, truncated, corrupt, or failing its checksum. The message names the file (or
 * {@code landmarks.dmpe} for a bare stream) and, when known, the last good frame.
 */
public final class DmpeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DmpeFormatException(String message) {
        super(message);
    }

    public DmpeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
