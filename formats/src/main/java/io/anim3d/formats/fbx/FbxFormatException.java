package io.anim3d.formats.fbx;

import java.io.IOException;

/**
 * A file that is not a readable binary FBX 7.1–7.7 file: ASCII FBX, another format, an
 * unsupported version, or a malformed, truncated or over-large record. The message says what is
 * wrong, at which byte offset, inside which node path (for example
 * {@code Objects/Geometry/Vertices}), and what to do about it.
 */
public final class FbxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String nodePath;

    /**
     * @param offset byte offset in the file where the problem was found, or -1 when none applies
     * @param nodePath slash-separated node names from the top level, or "" for the top level
     */
    public FbxFormatException(String problem, long offset, String nodePath) {
        this(problem, offset, nodePath, null);
    }

    public FbxFormatException(String problem, long offset, String nodePath, Throwable cause) {
        super(format(problem, offset, nodePath), cause);
        this.offset = offset;
        this.nodePath = nodePath;
    }

    /** Byte offset of the problem in the file, or -1. */
    public long offset() {
        return offset;
    }

    /** Slash-separated path of the node being read ("" at the top level). */
    public String nodePath() {
        return nodePath;
    }

    private static String format(String problem, long offset, String nodePath) {
        StringBuilder sb = new StringBuilder("binary FBX: ").append(problem);
        if (offset >= 0) {
            sb.append(" (at byte offset ").append(offset).append(")");
        }
        if (nodePath != null && !nodePath.isEmpty()) {
            sb.append(" in node ").append(nodePath);
        }
        return sb.toString();
    }
}
