package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The cookie format with sub-users ({@code v3}), and the cookies of the formats before it: {@code v2}
 * is a session of the whole client, {@code v1} is refused. Old-format values are signed here with
 * the same key, as an older server sharing the data directory would have signed them.
 */
class SessionCookieTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final SessionCookie cookies = new SessionCookie(KEY, clock, Duration.ofMinutes(10));

    @Test
    void theSubUserTravelsInTheCookie() {
        String[] ids = {"u1", "alice@example.com", "6f1c2a9e-0d4b-4c55-9f0e-3a1b2c3d4e5f", "auth0:12+x_y.z", "x".repeat(128)};
        for (String id : ids) {
            SessionCookie.Session s = cookies.session(cookies.issue("client1", Optional.of(id))).orElseThrow();
            assertEquals(new SessionCookie.Session("client1", clock.millis(), Optional.of(id)), s, "sub-user " + id);
        }
        assertEquals(Optional.empty(), cookies.session(cookies.issue("client1")).orElseThrow().subUser(), "no sub-user");
        assertEquals(Optional.of("client1"), cookies.verify(cookies.issue("client1", Optional.of("u1"))), "verify: the client");
    }

    @Test
    void onlyTheExactIssuedSpellingIsAccepted() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (String subUser : new String[] {null, "u1", "u12", "u123"}) { // several lengths: several last-char layouts
            String value = cookies.issue("c1", Optional.ofNullable(subUser));
            assertTrue(cookies.session(value).isPresent(), "as issued");
            char last = value.charAt(value.length() - 1);
            for (int bit = 1; bit <= 2; bit <<= 1) {
                String respelled = value.substring(0, value.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ bit);
                assertEquals(Optional.empty(), cookies.session(respelled), "last character's low bits changed: " + respelled);
            }
        }
    }

    @Test
    void theLongestCookieStaysUrlSafeAndUnderTheDecodeLimit() {
        String value = cookies.issue("c".repeat(SessionCookie.MAX_CLIENT_ID_CHARS), Optional.of("@".repeat(128)));
        assertTrue(value.length() <= SessionCookie.MAX_VALUE_CHARS, "length " + value.length());
        assertTrue(value.matches("[A-Za-z0-9_-]+"), "URL-safe: " + value);
        assertEquals(Optional.of("@".repeat(128)), cookies.session(value).orElseThrow().subUser());
    }

    @Test
    void subUsersThatWouldBreakTheFormatAreNotIssued() {
        for (String bad : new String[] {"", "a|b", "|", "x".repeat(129)}) {
            assertThrows(IllegalArgumentException.class, () -> cookies.issue("client1", Optional.of(bad)), "sub-user '" + bad + "'");
        }
        assertThrows(IllegalArgumentException.class, () -> cookies.issue("a|b", Optional.empty()), "client id with '|'");
    }

    @Test
    void aChangedSubUserBreaksTheSignature() {
        String token = decode(cookies.issue("client1", Optional.of("u1")));
        assertTrue(token.startsWith("v3|client1|"), "token layout: " + token);
        assertTrue(token.contains("|u1|"), "sub-user field: " + token);
        assertEquals(Optional.empty(), cookies.session(encode(token.replace("|u1|", "|u2|"))), "u1 changed to u2");
        assertEquals(Optional.empty(), cookies.session(encode(token.replace("|u1|", "||"))), "u1 removed");
        String wholeClient = decode(cookies.issue("client1"));
        assertTrue(wholeClient.matches("v3\\|client1\\|\\d+\\|\\d+\\|\\|[A-Za-z0-9_-]+"), "empty sub-user field: " + wholeClient);
        assertEquals(Optional.empty(), cookies.session(encode(wholeClient.replace("||", "|u1|"))), "a sub-user written in");
    }

    @Test
    void version2CookiesAreSessionsOfTheWholeClientAndVersion1IsRefused() {
        long issued = clock.millis();
        long expiry = clock.instant().getEpochSecond() + 600;
        SessionCookie.Session v2 = cookies.session(signed("v2|client1|" + issued + "|" + expiry)).orElseThrow();
        assertEquals(new SessionCookie.Session("client1", issued, Optional.empty()), v2, "a v2 cookie");
        assertEquals(Optional.empty(), cookies.session(signed("v2|client1|" + issued + "|" + (clock.instant()
                .getEpochSecond()))), "an expired v2 cookie");
        assertEquals(Optional.empty(), cookies.session(signed("v1|client1|" + expiry)), "v1: no issue time");
        assertEquals(Optional.empty(), cookies.session(signed("v2|client1|" + issued + "|" + expiry + "|u1")),
                "v2 with a sub-user field");
        assertEquals(Optional.empty(), cookies.session(signed("v3|client1|" + issued + "|" + expiry)),
                "v3 without the sub-user field");
        assertEquals(Optional.empty(), cookies.session(signed("v3|client1|" + issued + "|" + expiry + "|u1|x")),
                "v3 with a field too many");
        assertEquals(Optional.empty(), cookies.session(signed("v3||" + issued + "|" + expiry + "|u1")), "v3 without client");
    }

    /** A cookie value with a genuine signature over {@code payload}. */
    private static String signed(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] sig = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return encode(payload + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String encode(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
