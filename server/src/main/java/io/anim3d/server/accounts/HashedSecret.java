package io.anim3d.server.accounts;

import java.util.Objects;

/**
 * A stored secret hash with the parameters that produced it (as kept in the {@code clients} row).
 *
 * @param algorithm  JCA name of the key-derivation function, e.g. {@code PBKDF2WithHmacSHA256}
 * @param iterations PBKDF2 iteration count used for this hash
 * @param saltBase64 random salt, base64
 * @param hashBase64 derived key, base64
 */
public record HashedSecret(String algorithm, int iterations, String saltBase64, String hashBase64) {
    public HashedSecret {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(saltBase64, "saltBase64");
        Objects.requireNonNull(hashBase64, "hashBase64");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, was " + iterations);
        }
    }
}
