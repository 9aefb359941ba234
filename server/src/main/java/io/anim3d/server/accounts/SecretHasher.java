package io.anim3d.server.accounts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted hashing of client secrets with the JDK's PBKDF2WithHmacSHA256.
 *
 * <p>Why PBKDF2 and this cost: it ships with every JDK (no native library, no extra dependency).
 * Our secrets are 256-bit random strings, not human passwords, so even a fast hash could not be
 * brute-forced from a stolen database; the slow hash is defence in depth should an operator ever
 * set a weak secret by hand. 210,000 iterations (OWASP's figure for PBKDF2-HMAC-SHA512; they ask
 * 600,000 for SHA-256 <em>passwords</em>) costs roughly 0.1-0.3 s per verification on one core,
 * which the verification cache keeps off the request path. The count is stored per row, so it can
 * be raised later without invalidating existing secrets.
 */
public final class SecretHasher {
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Default PBKDF2 iteration count for new hashes. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    static final int SALT_BYTES = 16;
    static final int KEY_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final AtomicLong slowHashes = new AtomicLong();

    /** @param iterations PBKDF2 iterations for new hashes, at least 1 */
    public SecretHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, was " + iterations);
        }
        this.iterations = iterations;
    }

    /** Hashes {@code secret} with a new random salt. */
    public HashedSecret hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new HashedSecret(ALGORITHM, iterations, b64.encodeToString(salt),
                b64.encodeToString(derive(secret, salt, iterations)));
    }

    /**
     * Whether {@code secret} matches {@code stored}; runs the full derivation and compares in
     * constant time, so a wrong secret costs as long as a right one.
     */
    public boolean matches(String secret, HashedSecret stored) {
        if (!ALGORITHM.equals(stored.algorithm())) {
            throw new IllegalStateException("Stored secret hash uses unsupported algorithm "
                    + stored.algorithm() + "; expected " + ALGORITHM);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] actual = derive(secret, b64.decode(stored.saltBase64()), stored.iterations());
        byte[] expected = b64.decode(stored.hashBase64());
        return MessageDigest.isEqual(actual, expected);
    }

    /** How many PBKDF2 derivations this hasher has run (tests and metrics: cache effectiveness). */
    public long slowHashCount() {
        return slowHashes.get();
    }

    public int iterations() {
        return iterations;
    }

    private byte[] derive(String secret, byte[] salt, int rounds) {
        slowHashes.incrementAndGet();
        char[] chars = secret.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, rounds, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
