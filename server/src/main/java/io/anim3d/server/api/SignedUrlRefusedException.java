package io.anim3d.server.api;

import io.anim3d.server.storage.Verification;

/**
 * A request to a signed blob URL whose signature did not check out (expired, tampered, missing,
 * other method). {@link ErrorMapping} answers 403 with the reason, which says "expired" or
 * "tampered" so that a client knows whether asking for a new URL will help.
 */
final class SignedUrlRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Verification.Outcome outcome;

    SignedUrlRefusedException(Verification refused) {
        super(message(refused));
        this.outcome = refused.outcome();
    }

    Verification.Outcome outcome() {
        return outcome;
    }

    private static String message(Verification v) {
        return switch (v.outcome()) {
            case EXPIRED -> "Signed URL expired: " + v.detail();
            case TAMPERED -> "Signed URL tampered or not issued by this server: " + v.detail();
            case MISSING -> "Signed URL incomplete: " + v.detail();
            case WRONG_METHOD -> "Signed URL used with the wrong HTTP method: " + v.detail();
            case OK -> throw new IllegalArgumentException("an accepted URL is not refused");
        };
    }
}
