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
 * Stateless session cookies: {@code dmsess=base64url("v3|<clientId>|<issuedMs>|<expiryEpochSeconds>|<subUser>|<hmac>")}
 * with an HMAC-SHA256 over everything before the last {@code |}; {@code <subUser>} is empty for a
 * session of the whole client (opened without {@code x-useruid}). No server-side state, so any
 * process holding the same {@link SessionKey} accepts it. The value uses only {@code [A-Za-z0-9_-]}:
 * no {@code =} or {@code ;}, which some clients cannot carry (COMPAT.md). Thread-safe.
 *
 * <p>Cookies of the previous format ({@code v2}, the same without the sub-user) are still accepted
 * as sessions of the whole client, which is what they were issued as: servers of both versions can
 * share a data directory during an upgrade without logging anyone out. The {@code v1} format (no
 * issue time) is refused: the secret-rotation check needs the issue time.
 */
public final class SessionCookie {
    public static final String NAME = "dmsess";
    private static final String VERSION = "v3";
    /** The format before sub-users: {@code v2|<clientId>|<issuedMs>|<expiry>}, read as a session without sub-user. */
    private static final String VERSION_WITHOUT_SUB_USER = "v2";
    private static final String HMAC = "HmacSHA256";
    /**
     * Longest value worth decoding: ours are about 150 characters, up to about 360 with a 128-character
     * sub-user and a 64-character client id; longer ones are junk.
     */
    static final int MAX_VALUE_CHARS = 512;
    /** Longest sub-user id a cookie carries (keeps the value far below {@link #MAX_VALUE_CHARS}). */
    static final int MAX_SUB_USER_CHARS = Caller.MAX_SUB_USER_CHARS;
    /** Longest client id a cookie carries (the {@code clients.id} column). */
    static final int MAX_CLIENT_ID_CHARS = 64;

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

    /** A new cookie value for a session of the whole client, valid for the configured lifetime. */
    public String issue(String clientId) {
        return issue(clientId, Optional.empty());
    }

    /**
     * A new cookie value for this client, or for one of its sub-users, valid for the configured lifetime.
     *
     * @param subUser empty for the whole client; else 1 to {@value #MAX_SUB_USER_CHARS} characters without {@code |}
     */
    public String issue(String clientId, Optional<String> subUser) {
        if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_CHARS || clientId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("Client id must be 1 to " + MAX_CLIENT_ID_CHARS
                    + " characters without '|': " + clientId);
        }
        String sub = subUser.orElse("");
        if (subUser.isPresent() && (sub.isEmpty() || sub.length() > MAX_SUB_USER_CHARS || sub.indexOf('|') >= 0)) {
            throw new IllegalArgumentException("Sub-user must be 1 to " + MAX_SUB_USER_CHARS
                    + " characters without '|': " + sub);
        }
        long issued = clock.millis();
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        String payload = VERSION + "|" + clientId + "|" + issued + "|" + expiry + "|" + sub;
        String token = payload + "|" + b64(sign(payload));
        return b64(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Seconds a newly issued cookie lives (for {@code Max-Age}). */
    public long lifetimeSeconds() {
        return lifetime.getSeconds();
    }

    /**
     * A genuine, unexpired session: whose, when it was issued (ms since the epoch) and for which
     * sub-user (empty: the whole client).
     */
    public record Session(String clientId, long issuedAtMs, Optional<String> subUser) {
        public Session {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(subUser, "subUser");
        }
    }

    /** The client id of a genuine, unexpired cookie value; empty for anything else. */
    public Optional<String> verify(String value) {
        return session(value).map(Session::clientId);
    }

    /**
     * The session of a genuine, unexpired cookie value; empty for anything else (including {@code v1}
     * cookies, which have no issue time: their holders log in again).
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
        // The value must be exactly what issue() writes for this payload: base64 leaves unused bits
        // in its last character, so a looser check would accept several spellings of one cookie.
        String expected = b64((payload + "|" + b64(sign(payload))).getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\|", -1);
        boolean current = parts.length == 5 && VERSION.equals(parts[0]);
        boolean previous = parts.length == 4 && VERSION_WITHOUT_SUB_USER.equals(parts[0]);
        if (!(current || previous) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        Optional<String> subUser = current && !parts[4].isEmpty() ? Optional.of(parts[4]) : Optional.empty();
        long issued;
        long expiry;
        try {
            issued = Long.parseLong(parts[2]);
            expiry = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // Expired exactly at the expiry second: Max-Age ends there too.
        return clock.instant().getEpochSecond() < expiry ? Optional.of(new Session(parts[1], issued, subUser))
                : Optional.empty();
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
