package io.anim3d.server.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The display name of an upload from the client's {@code name} parameter (COMPAT.md "Upload"):
 * with or without extension, URL-encoded once more or not, possibly with directories
 * ({@code static/videos/x}). Only the base name is kept, and only for display: it is never part
 * of a blob key or a file path.
 */
final class UploadNames {
    /** Longest display name kept, in characters (a file-name limit on common file systems). */
    static final int MAX_LENGTH = 255;
    static final String FALLBACK = "upload";

    private UploadNames() {
    }

    /** The base name to show for this {@code name} parameter (already query-decoded once); never empty. */
    static String displayName(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String s = name;
        if (s.matches(".*%[0-9A-Fa-f]{2}.*")) {
            try {
                s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); // encoded twice: undo the second
            } catch (IllegalArgumentException notEncoded) {
                // a literal '%' in a name: keep it as it is
            }
        }
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c)).forEach(sb::appendCodePoint);
        String base = sb.toString().strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return FALLBACK;
        }
        return base.length() <= MAX_LENGTH ? base : base.substring(0, MAX_LENGTH);
    }
}
