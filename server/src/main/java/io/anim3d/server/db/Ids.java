package io.anim3d.server.db;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random identifiers for database rows. Hex keeps them case-insensitive-safe and free of the
 * characters that break Basic auth ({@code :}), cookies ({@code = ;}) and URL paths.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new id of {@code bytes} random bytes as lowercase hex (2 characters per byte). */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A new 128-bit id (32 hex characters). */
    public static String newId() {
        return randomHex(16);
    }
}
