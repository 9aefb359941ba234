package io.anim3d.server.storage;

/**
 * The rules for blob keys. A key is a path of segments separated by {@code '/'}; each segment is
 * 1..{@value #MAX_SEGMENT_LENGTH} characters from {@code [A-Za-z0-9._-]} and does not start with
 * {@code '.'}. Keys are made only of generated ids and our own names, so being strict costs
 * nothing and rules out path traversal ({@code ..}), absolute paths, backslashes, NUL and
 * Unicode look-alikes. A leading {@code '.'} is refused (which also excludes {@code .} and
 * {@code ..}) because dot-names are reserved for the store's own temporary, partial and lock
 * files, so they can never collide with a key.
 */
public final class BlobKeys {
    /** Longest key in characters (well under S3's 1024-byte limit). */
    public static final int MAX_KEY_LENGTH = 512;
    /** Longest segment in characters; leaves room under the 255-byte file-name limit for our temp names. */
    public static final int MAX_SEGMENT_LENGTH = 128;

    private BlobKeys() {
    }

    /** Whether {@code key} is a valid blob key. */
    public static boolean isValidKey(String key) {
        return problem(key) == null;
    }

    /**
     * Returns {@code key} if valid.
     *
     * @throws IllegalArgumentException naming the key and what is wrong with it
     */
    public static String requireValidKey(String key) {
        String problem = problem(key);
        if (problem != null) {
            throw new IllegalArgumentException("invalid blob key " + describe(key) + ": " + problem);
        }
        return key;
    }

    /**
     * Validates a prefix for listing, deleting and usage queries and returns it without a trailing
     * {@code '/'}. A prefix is either empty (everything) or a valid key, optionally followed by one
     * {@code '/'}; it matches whole segments: {@code uploads/c1} matches {@code uploads/c1} and
     * {@code uploads/c1/x} but not {@code uploads/c10/x}.
     *
     * @throws IllegalArgumentException naming the prefix and what is wrong with it
     */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("invalid blob prefix null");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        String problem = problem(trimmed);
        if (problem != null) {
            throw new IllegalArgumentException("invalid blob prefix " + describe(prefix) + ": " + problem);
        }
        return trimmed;
    }

    private static String problem(String key) {
        if (key == null) {
            return "it is null";
        }
        if (key.isEmpty()) {
            return "it is empty";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "it has " + key.length() + " characters, more than " + MAX_KEY_LENGTH;
        }
        int segmentStart = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == '/') {
                int length = i - segmentStart;
                if (length == 0) {
                    return "empty segment at character " + i + " (keys have no leading, trailing or double '/')";
                }
                if (length > MAX_SEGMENT_LENGTH) {
                    return "segment at character " + segmentStart + " has " + length
                            + " characters, more than " + MAX_SEGMENT_LENGTH;
                }
                if (key.charAt(segmentStart) == '.') {
                    return "segment at character " + segmentStart + " starts with '.'";
                }
                segmentStart = i + 1;
                continue;
            }
            char c = key.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return String.format("character %d is U+%04X; only [A-Za-z0-9._-] and '/' are allowed", i, (int) c);
            }
        }
        return null;
    }

    /** The key quoted for an error message: control characters escaped, long keys shortened. */
    static String describe(String key) {
        if (key == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        int shown = Math.min(key.length(), 80);
        for (int i = 0; i < shown; i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (shown < key.length()) {
            sb.append("...(").append(key.length()).append(" characters)");
        }
        return sb.toString();
    }
}
