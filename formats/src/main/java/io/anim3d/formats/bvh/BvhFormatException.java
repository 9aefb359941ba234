package io.anim3d.formats.bvh;

import java.io.IOException;

/**
 * A BVH text that cannot be read. The message starts with {@code line N:} (1-based) and says what
 * was expected there and what was found.
 */
public final class BvhFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public BvhFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line where the problem was found. */
    public int line() {
        return line;
    }
}
