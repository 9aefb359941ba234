package io.anim3d.server.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless session cookies: {@code dmsess=base64url("v1|<clientId>|<expiryEpochSeconds>|<hmac>")}
 * with an HMAC-SHA256 over {@code v1|<clientId>|<expiry>}. No server-side state, so any process
 * holding the same {@link SessionKey} accepts it. The value uses only {@code [A-Za-z0-9_-]}: no
 * {@code =} or {@code ;}, which some clients cannot carry (COMPAT.md). Thread-safe.
 */
public final class SessionCookie {
    public static final String NAME = "dmsess";
    private static final String VERSION = "v2";
    private static final String HMAC = "HmacSHA256";
    /** Longest value worth decoding: ours are about 150 characters; longer ones are junk. */
    static final int MAX_VALUE_CHARS = 512;

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * @param key      HMAC key, at least 32 bytes ({@link SessionKey#loadOrCreate})
     * @param lifetime validity of a new cookie from the moment it is issued
     */
    public SessionCookie(byte[] key, Clock clock, Duration lifetime) {
        Objects.requireNonNull(key, "key");
        if (key.length < 32) {
            throw new IllegalArgumentException("Session key must have at least 32 bytes, has " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** A new cookie value for this client, valid for the configured lifetime. */
    public String issue(String clientId) {
        if (clientId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("Client id must not contain '|': " + clientId);
        }
        long issued = clock.millis();
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        String payload = VERSION + "|" + clientId + "|" + issued + "|" + expiry;
        String token = payload + "|" + b64(sign(payload));
        return b64(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Seconds a newly issued cookie lives (for {@code Max-Age}). */
    public long lifetimeSeconds() {
        return lifetime.getSeconds();
    }

    /** A genuine, unexpired session: whose, and when it was issued (ms since the epoch). */
    public record Session(String clientId, long issuedAtMs) {
    }

    /** The client id of a genuine, unexpired cookie value; empty for anything else. */
    public Optional<String> verify(String value) {
        return session(value).map(Session::clientId);
    }

    /**
     * The session of a genuine, unexpired cookie value; empty for anything else (including cookies
     * of the earlier format without an issue time: their holders log in again).
     */
    public Optional<Session> session(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_CHARS) {
            return Optional.empty();
        }
        String token;
        try {
            token = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int lastBar = token.lastIndexOf('|');
        if (lastBar < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastBar);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(lastBar + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload), given)) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        long issued;
        long expiry;
        try {
            issued = Long.parseLong(parts[2]);
            expiry = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // Expired exactly at the expiry second: Max-Age ends there too.
        return clock.instant().getEpochSecond() < expiry ? Optional.of(new Session(parts[1], issued)) : Optional.empty();
    }

    /**
     * The {@code Set-Cookie} header value. No {@code Domain} (a cookie for another domain than the
     * request's is dropped by Python requests); {@code Secure} only over HTTPS (a Secure cookie is
     * never sent back over plain http).
     */
    public String setCookieHeader(String value, boolean https) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + lifetimeSeconds() + "; HttpOnly" + (https ? "; Secure" : "");
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe: one per call
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
