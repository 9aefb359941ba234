package io.anim3d.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers recent successful verifications so that Basic auth on every request (3,000 req/s)
 * does not run PBKDF2 each time.
 *
 * <p>Why it is safe: the key is HMAC-SHA256 under a random key that lives only in this process's
 * memory, over the client id and the exact secret; a wrong secret gives a different key and
 * misses, falling back to the full PBKDF2 check. The plain secret is never stored. Each entry
 * also pins the stored hash it was verified against, and {@link ClientStore} re-reads the
 * client's row on every hit, so a secret rotated or a client disabled by another process (the
 * admin CLI) stops working at once, not when the entry expires. The TTL bounds how long a
 * verified secret skips the slow hash at all. The map lookup is not constant time, but what it
 * could leak is about HMAC outputs, which an attacker cannot steer toward a real secret.
 */
final class VerificationCache {
    /** A verified (client id, secret) pair and the stored hash it matched. */
    record Entry(String clientId, String hashBase64, long expiresAtNanos) {
    }

    private final byte[] key = new byte[32];
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param ttl        how long a success is remembered; zero disables the cache
     * @param maxEntries bound on memory; when full, expired entries go, then everything
     * @param nanoTime   monotonic clock ({@code System::nanoTime} outside tests)
     */
    VerificationCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    /** The cache key for a (client id, secret) pair; length-prefixed so no two pairs collide. */
    String fingerprint(String clientId, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String message = clientId.length() + ":" + clientId + ":" + secret;
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The live entry for {@code fingerprint}, or null. */
    Entry get(String fingerprint) {
        Entry e = entries.get(fingerprint);
        if (e != null && nanoTime.getAsLong() - e.expiresAtNanos() >= 0) {
            entries.remove(fingerprint, e);
            return null;
        }
        return e;
    }

    void put(String fingerprint, String clientId, String hashBase64) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = nanoTime.getAsLong();
            entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(fingerprint, new Entry(clientId, hashBase64, nanoTime.getAsLong() + ttlNanos));
    }

    void remove(String fingerprint) {
        entries.remove(fingerprint);
    }

    /** Drops every entry of a client (its secret was rotated or it was disabled here). */
    void forget(String clientId) {
        entries.values().removeIf(e -> e.clientId().equals(clientId));
    }

    int size() {
        return entries.size();
    }
}
