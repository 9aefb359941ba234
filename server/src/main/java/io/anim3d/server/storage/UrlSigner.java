package io.anim3d.server.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs URLs that authorise themselves (upload and download links, resumable-upload sessions)
 * and checks them. Immutable and thread-safe.
 *
 * <p>A signed URL's query string is the caller's parameters followed by
 * {@code methods=<M1,M2>}, {@code expires=<epoch seconds>} and {@code signature=<s>}, where
 * {@code s} is the unpadded base64url HMAC-SHA256, under the secret key, of the UTF-8 bytes of
 * this canonical string (lines separated by {@code '\n'}, no trailing newline):
 * <pre>
 * anim3d-url-v1
 * &lt;allowed methods, upper case, sorted, joined by ','&gt;    e.g. POST,PUT
 * &lt;path exactly as in the request line, not decoded&gt;     e.g. /blob/uploads/c1/Zx3...
 * &lt;params sorted by name: name=value joined by '&amp;'&gt;     each percent-encoded (RFC 3986 unreserved kept)
 * &lt;expires, decimal epoch seconds&gt;
 * </pre>
 * Percent-encoding names and values makes the string unambiguous ({@code '&'}, {@code '='} and
 * newlines cannot hide in them) and paths may not contain control characters, spaces, {@code ?}
 * or {@code #}. The method list is signed (and sent in the URL) so that a genuine URL used with
 * another method is told apart ({@link Verification.Outcome#WRONG_METHOD}) from a forged one.
 * Every parameter in the query except {@code methods}, {@code expires} and {@code signature}
 * is covered: an added parameter makes the URL {@link Verification.Outcome#TAMPERED}.
 */
public final class UrlSigner {
    /** Shortest secret accepted: 256 bits, the HMAC-SHA256 block-size guidance. */
    public static final int MIN_SECRET_BYTES = 32;
    /** Longest lifetime of a signed URL (as for Google Cloud Storage signed URLs). */
    public static final Duration MAX_TTL = Duration.ofDays(7);
    public static final String METHODS = "methods";
    public static final String EXPIRES = "expires";
    public static final String SIGNATURE = "signature";

    private static final String SCHEME = "anim3d-url-v1";
    private static final String HMAC = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    private static final int ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param secret at least {@value #MIN_SECRET_BYTES} bytes (copied), e.g. {@link #randomSecret()}
     * @param clock the time source for expiry
     */
    public UrlSigner(byte[] secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("URL signing secret has " + secret.length + " bytes; at least "
                    + MIN_SECRET_BYTES + " are needed (generate one with UrlSigner.randomSecret())");
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs a URL valid for one HTTP method; see {@link #sign(Collection, String, Map, Duration)}. */
    public String sign(String method, String path, Map<String, String> params, Duration ttl) {
        return sign(List.of(method), path, params, ttl);
    }

    /**
     * Signs a URL valid for the given HTTP methods until now + {@code ttl} (rounded up to a whole
     * second).
     *
     * @param methods e.g. {@code PUT} and {@code POST} for an upload URL that also starts
     *     resumable sessions
     * @param path the URL path, starting with {@code '/'}
     * @param params extra query parameters to sign (not {@code methods}, {@code expires},
     *     {@code signature})
     * @param ttl lifetime, positive and at most {@link #MAX_TTL}
     * @return the query string (without {@code '?'}), percent-encoded
     */
    public String sign(Collection<String> methods, String path, Map<String, String> params, Duration ttl) {
        String methodList = canonicalMethods(methods);
        String pathProblem = pathProblem(path);
        if (pathProblem != null) {
            throw new IllegalArgumentException("cannot sign path " + BlobKeys.describe(path) + ": " + pathProblem);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("signed URL lifetime must be > 0 and <= " + MAX_TTL + ", was " + ttl);
        }
        SortedMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "parameter name");
            if (name.isEmpty() || name.equals(METHODS) || name.equals(EXPIRES) || name.equals(SIGNATURE)) {
                throw new IllegalArgumentException("cannot sign parameter name \"" + name + "\" (empty or reserved)");
            }
            sorted.put(name, Objects.requireNonNull(e.getValue(), () -> "value of parameter " + name));
        }
        Instant expiry = clock.instant().plus(ttl);
        long expires = expiry.getEpochSecond() + (expiry.getNano() > 0 ? 1 : 0);
        String encodedParams = encodeParams(sorted);
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(canonical(methodList, path, encodedParams, expires)));
        return (encodedParams.isEmpty() ? "" : encodedParams + "&")
                + METHODS + "=" + percentEncode(methodList)
                + "&" + EXPIRES + "=" + expires
                + "&" + SIGNATURE + "=" + signature;
    }

    /**
     * Checks a request against its signed URL.
     *
     * @param method the request's HTTP method
     * @param path the request path exactly as received (not decoded)
     * @param query the decoded query parameters (one value each)
     */
    public Verification verify(String method, String path, Map<String, String> query) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Map<String, String> q = query == null ? Map.of() : query;
        List<String> absent = new ArrayList<>();
        for (String name : List.of(METHODS, EXPIRES, SIGNATURE)) {
            String value = q.get(name);
            if (value == null || value.isEmpty()) {
                absent.add(name);
            }
        }
        if (!absent.isEmpty()) {
            return Verification.refused(Verification.Outcome.MISSING,
                    "not a signed URL: query parameter(s) " + absent + " missing; ask for a new URL");
        }
        long expires;
        byte[] given;
        try {
            expires = Long.parseLong(q.get(EXPIRES));
            given = Base64.getUrlDecoder().decode(q.get(SIGNATURE));
        } catch (IllegalArgumentException malformed) {
            return tampered();
        }
        // Only the canonical encoding: base64 leaves the last character's low bits unused, so
        // several strings decode to the same bytes; a signature is one exact string.
        if (given.length != SIGNATURE_BYTES || pathProblem(path) != null
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(given).equals(q.get(SIGNATURE))) {
            return tampered();
        }
        SortedMap<String, String> params = new TreeMap<>(q);
        params.remove(METHODS);
        params.remove(EXPIRES);
        params.remove(SIGNATURE);
        String methodList = q.get(METHODS);
        byte[] expected = hmac(canonical(methodList, path, encodeParams(params), expires));
        if (!MessageDigest.isEqual(expected, given)) {
            return tampered();
        }
        Instant expiry = Instant.ofEpochSecond(expires);
        if (!clock.instant().isBefore(expiry)) {
            return Verification.refused(Verification.Outcome.EXPIRED,
                    "this URL expired at " + expiry + "; ask for a new one");
        }
        String requestMethod = method.toUpperCase(Locale.ROOT);
        if (!List.of(methodList.split(",")).contains(requestMethod)) {
            return Verification.refused(Verification.Outcome.WRONG_METHOD,
                    "this URL allows " + methodList + ", not " + requestMethod);
        }
        return Verification.accepted(params);
    }

    /** A new secret of {@value #MIN_SECRET_BYTES} random bytes. */
    public static byte[] randomSecret() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** An unguessable URL-safe id: 128 random bits, base64url without padding (22 characters). */
    public static String randomId() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static Verification tampered() {
        return Verification.refused(Verification.Outcome.TAMPERED,
                "the URL's signature does not match it (changed or not issued by this server); ask for a new URL");
    }

    private byte[] hmac(String canonical) {
        try {
            Mac mac = Mac.getInstance(HMAC); // Mac is not thread-safe: one per call
            mac.init(key);
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    static String canonical(String methodList, String path, String encodedParams, long expires) {
        return SCHEME + "\n" + methodList + "\n" + path + "\n" + encodedParams + "\n" + expires;
    }

    private static String canonicalMethods(Collection<String> methods) {
        Objects.requireNonNull(methods, "methods");
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("a signed URL needs at least one HTTP method");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String m : methods) {
            String upper = Objects.requireNonNull(m, "method").toUpperCase(Locale.ROOT);
            if (!upper.matches("[A-Z]{1,16}")) {
                throw new IllegalArgumentException("invalid HTTP method \"" + m + "\"");
            }
            sorted.add(upper);
        }
        return String.join(",", sorted);
    }

    private static String pathProblem(String path) {
        if (path == null || !path.startsWith("/")) {
            return "it must start with '/'";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#') {
                return String.format("character %d is U+%04X (no spaces, control characters, non-ASCII, '?' or '#')",
                        i, (int) c);
            }
        }
        return null;
    }

    private static String encodeParams(SortedMap<String, String> sorted) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
        }
        return sb.toString();
    }

    /** RFC 3986 percent-encoding of UTF-8; only unreserved characters stay as they are. */
    static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
