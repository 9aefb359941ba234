package io.anim3d.server.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs upload URLs, derived from the session key ({@link SessionKey}) as
 * HMAC-SHA256(sessionKey, label): one secret file to keep, shared by every server on the data
 * directory, yet a signature made for URLs can never double as a cookie signature or the
 * other way round. Deleting {@code session.key} also invalidates outstanding upload URLs.
 */
final class UrlSigningKey {
    private static final String LABEL = "anim3d signed URL key v1";

    private UrlSigningKey() {
    }

    static byte[] derive(byte[] sessionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey, "HmacSHA256"));
            return mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
