package io.anim3d.server.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lenient parsing of the two ways a client proves who it is. Clients send junk (COMPAT.md): a
 * Cookie header echoing attributes ({@code dmsess=abc; Path; HttpOnly}), several cookies, odd
 * whitespace; so parsing never fails, it only finds nothing.
 */
final class RequestCredentials {
    /** A Basic-auth pair as sent; not yet verified. */
    record Basic(String clientId, String secret) {
        @Override
        public String toString() {
            return "Basic[clientId=" + clientId + ", secret=***]";
        }
    }

    private RequestCredentials() {
    }

    /**
     * Every value of the named cookie in these Cookie headers, in order (a client may send a stale
     * and a fresh one; the caller tries each).
     */
    static List<String> cookieValues(List<String> cookieHeaders, String name) {
        List<String> out = new ArrayList<>();
        for (String header : cookieHeaders) {
            if (header == null) {
                continue;
            }
            for (String token : header.split("[;,]")) {
                int eq = token.indexOf('=');
                if (eq < 0) {
                    continue; // "Path", "HttpOnly" and other stray words
                }
                if (token.substring(0, eq).strip().equals(name)) {
                    String v = token.substring(eq + 1).strip();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    if (!v.isEmpty()) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** The pair in an {@code Authorization: Basic base64(id:secret)} header, if it is one. */
    static Optional<Basic> basic(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String h = authorization.strip();
        if (h.length() < 6 || !h.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
