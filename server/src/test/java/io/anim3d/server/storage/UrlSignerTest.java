package io.anim3d.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.storage.Verification.Outcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UrlSignerTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private static final byte[] SECRET = StoreFiles.bytes(32, 42);
    private static final String PATH = "/blob/uploads/c1/AbCdEfGhIjKlMnOpQrStUv";

    private static UrlSigner signerAt(Instant now) {
        return new UrlSigner(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Decodes a query string the way an HTTP server does. */
    private static Map<String, String> parse(String query) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    private static final Map<String, String> PARAMS = Map.of("resumable", "1", "name", "my video & more=ü.mp4");

    @Test
    void validUrlVerifiesAndReturnsItsParams() {
        String query = signerAt(T0).sign("PUT", PATH, PARAMS, Duration.ofMinutes(15));
        Map<String, String> q = parse(query);
        assertEquals(String.valueOf(T0.getEpochSecond() + 900), q.get("expires"));
        assertTrue(q.get("signature").matches("[A-Za-z0-9_-]{43}"), "signature " + q.get("signature"));
        assertTrue(query.matches("[A-Za-z0-9._~%&=-]+"), "query is not URL-safe: " + query);
        Verification v = signerAt(T0.plusSeconds(899)).verify("PUT", PATH, q);
        assertEquals(Outcome.OK, v.outcome(), v.detail());
        assertTrue(v.ok());
        assertEquals(PARAMS, v.params());
        assertTrue(signerAt(T0).verify("put", PATH, q).ok(), "methods are case-insensitive");
    }

    @Test
    void everyTamperedPartIsRefusedAsTampered() {
        Map<String, String> q = parse(signerAt(T0).sign(List.of("PUT", "POST"), PATH, PARAMS, Duration.ofHours(1)));
        UrlSigner now = signerAt(T0);
        String sig = q.get("signature");
        String otherSig = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        Map<String, Map<String, String>> tampered = new LinkedHashMap<>();
        tampered.put("param value", with(q, "resumable", "0"));
        tampered.put("param removed", with(q, "name", null));
        tampered.put("param added", with(q, "fileSize", "1"));
        tampered.put("expiry later", with(q, "expires", String.valueOf(Long.parseLong(q.get("expires")) + 3600)));
        tampered.put("expiry earlier", with(q, "expires", String.valueOf(Long.parseLong(q.get("expires")) - 1)));
        tampered.put("expiry not a number", with(q, "expires", "soon"));
        tampered.put("methods widened", with(q, "methods", "DELETE,POST,PUT"));
        tampered.put("methods changed", with(q, "methods", "GET"));
        tampered.put("signature changed", with(q, "signature", otherSig));
        tampered.put("signature truncated", with(q, "signature", sig.substring(0, 42)));
        // The same 32 bytes with a non-zero unused bit in the last character: decodes alike, is not the signature.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBytes = alphabet.charAt(alphabet.indexOf(sig.charAt(42)) ^ 1);
        tampered.put("signature with other unused bits", with(q, "signature", sig.substring(0, 42) + sameBytes));
        tampered.put("signature not base64", with(q, "signature", "!!!" + sig.substring(3)));
        for (Map.Entry<String, Map<String, String>> e : tampered.entrySet()) {
            Verification v = now.verify("PUT", PATH, e.getValue());
            assertEquals(Outcome.TAMPERED, v.outcome(), e.getKey() + ": " + v.detail());
            assertTrue(v.params().isEmpty(), e.getKey() + ": params of a refused URL");
        }
        for (String path : List.of(PATH + "x", "/blob/uploads/c2/AbCdEfGhIjKlMnOpQrStUv", "/blob/uploads/c1", "relative",
                PATH + "/")) {
            assertEquals(Outcome.TAMPERED, now.verify("PUT", path, q).outcome(), "path " + path);
        }
        // The genuine URL with a method it was not signed for: told apart from a forgery.
        Verification get = now.verify("GET", PATH, q);
        assertEquals(Outcome.WRONG_METHOD, get.outcome(), get.detail());
        assertTrue(get.detail().contains("POST,PUT"), get.detail());
        assertTrue(now.verify("POST", PATH, q).ok(), "POST was signed too");
        // A URL signed for GET only does not let anyone PUT.
        Map<String, String> download = parse(now.sign("GET", PATH, Map.of(), Duration.ofHours(1)));
        assertEquals(Outcome.WRONG_METHOD, now.verify("PUT", PATH, download).outcome());
    }

    @Test
    void expiresAtTheSignedSecondWithAFixedClock() {
        Map<String, String> q = parse(signerAt(T0).sign("GET", PATH, Map.of(), Duration.ofSeconds(60)));
        assertTrue(signerAt(T0.plusMillis(59_999)).verify("GET", PATH, q).ok(), "1 ms before expiry");
        Verification at = signerAt(T0.plusSeconds(60)).verify("GET", PATH, q);
        assertEquals(Outcome.EXPIRED, at.outcome(), "at expiry: " + at.detail());
        assertTrue(at.detail().contains("2024-05-01T12:01:00Z"), at.detail());
        assertEquals(Outcome.EXPIRED, signerAt(T0.plus(Duration.ofDays(30))).verify("GET", PATH, q).outcome());
        // A sub-second lifetime is rounded up, never down to an already-expired URL.
        Map<String, String> short1 = parse(signerAt(T0.plusMillis(1)).sign("GET", PATH, Map.of(), Duration.ofMillis(1)));
        assertTrue(signerAt(T0.plusMillis(2)).verify("GET", PATH, short1).ok());
    }

    @Test
    void missingPartsAreReportedAsMissing() {
        Map<String, String> q = parse(signerAt(T0).sign("PUT", PATH, Map.of(), Duration.ofHours(1)));
        UrlSigner now = signerAt(T0);
        for (String name : List.of("expires", "signature", "methods")) {
            Verification v = now.verify("PUT", PATH, with(q, name, null));
            assertEquals(Outcome.MISSING, v.outcome(), "without " + name);
            assertTrue(v.detail().contains(name), v.detail());
            assertEquals(Outcome.MISSING, now.verify("PUT", PATH, with(q, name, "")).outcome(), "empty " + name);
        }
        assertEquals(Outcome.MISSING, now.verify("PUT", PATH, Map.of()).outcome());
        assertEquals(Outcome.MISSING, now.verify("PUT", PATH, null).outcome());
    }

    @Test
    void signersWithDifferentKeysRejectEachOther() {
        UrlSigner a = new UrlSigner(UrlSigner.randomSecret(), Clock.fixed(T0, ZoneOffset.UTC));
        UrlSigner b = new UrlSigner(UrlSigner.randomSecret(), Clock.fixed(T0, ZoneOffset.UTC));
        Map<String, String> fromA = parse(a.sign("PUT", PATH, PARAMS, Duration.ofHours(1)));
        Map<String, String> fromB = parse(b.sign("PUT", PATH, PARAMS, Duration.ofHours(1)));
        assertNotEquals(fromA.get("signature"), fromB.get("signature"));
        assertTrue(a.verify("PUT", PATH, fromA).ok());
        assertEquals(Outcome.TAMPERED, a.verify("PUT", PATH, fromB).outcome());
        assertEquals(Outcome.TAMPERED, b.verify("PUT", PATH, fromA).outcome());
    }

    @Test
    void refusesShortSecretsBadPathsReservedParamsAndBadLifetimes() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> new UrlSigner(new byte[31], Clock.systemUTC()));
        assertTrue(shortKey.getMessage().contains("31 bytes"), shortKey.getMessage());
        UrlSigner s = signerAt(T0);
        for (String path : List.of("", "blob/x", "/blob/x?y=1", "/blob/x#f", "/blob/a b", "/blob/\n", "/blob/\u00fc")) {
            assertThrows(IllegalArgumentException.class, () -> s.sign("PUT", path, Map.of(), Duration.ofHours(1)),
                    "path " + BlobKeys.describe(path));
        }
        for (String reserved : List.of("expires", "signature", "methods", "")) {
            assertThrows(IllegalArgumentException.class,
                    () -> s.sign("PUT", PATH, Map.of(reserved, "x"), Duration.ofHours(1)), "param " + reserved);
        }
        for (Duration ttl : List.of(Duration.ZERO, Duration.ofSeconds(-1), UrlSigner.MAX_TTL.plusSeconds(1))) {
            assertThrows(IllegalArgumentException.class, () -> s.sign("PUT", PATH, Map.of(), ttl), "ttl " + ttl);
        }
        assertThrows(IllegalArgumentException.class, () -> s.sign("P UT", PATH, Map.of(), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> s.sign(List.of(), PATH, Map.of(), Duration.ofHours(1)));
    }

    @Test
    void secretIsCopiedOnTheWayIn() {
        byte[] secret = UrlSigner.randomSecret();
        UrlSigner s = new UrlSigner(secret, Clock.fixed(T0, ZoneOffset.UTC));
        Map<String, String> q = parse(s.sign("GET", PATH, Map.of(), Duration.ofHours(1)));
        secret[0] ^= 1;
        assertTrue(s.verify("GET", PATH, q).ok(), "changing the caller's array changed the signer");
    }

    @Test
    void idsAndSecretsAreUniqueAndUrlSafe() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = UrlSigner.randomId();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), "id " + id);
            assertTrue(BlobKeys.isValidKey("uploads/c1/" + id), "id is not a valid key segment: " + id);
            assertTrue(ids.add(id), "duplicate id " + id + " after " + i);
        }
        assertEquals(32, UrlSigner.randomSecret().length);
        assertTrue(!java.util.Arrays.equals(UrlSigner.randomSecret(), UrlSigner.randomSecret()), "two random secrets are equal");
    }
}
