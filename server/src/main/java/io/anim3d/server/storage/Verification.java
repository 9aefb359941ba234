package io.anim3d.server.storage;

import java.util.Map;
import java.util.Objects;

/**
 * The result of checking a signed URL: {@link Outcome#OK} with the signed parameters, or the
 * reason it was refused and a message saying what to do.
 *
 * @param outcome OK or why not
 * @param detail human-readable reason (empty when OK)
 * @param params the signed parameters (without {@code methods}, {@code expires},
 *     {@code signature}); empty unless OK
 */
public record Verification(Outcome outcome, String detail, Map<String, String> params) {

    /** Why a URL was accepted or refused. */
    public enum Outcome {
        /** Signature valid, not expired, method allowed. */
        OK,
        /** {@code expires} or {@code signature} (or {@code methods}) is absent: not a signed URL. */
        MISSING,
        /** The signature does not match: path, method list, a parameter, expiry or signature changed. */
        TAMPERED,
        /** Genuine but past its expiry time. */
        EXPIRED,
        /** Genuine but signed for other HTTP methods than the request's. */
        WRONG_METHOD
    }

    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        params = Map.copyOf(params);
    }

    /** Whether the URL was accepted. */
    public boolean ok() {
        return outcome == Outcome.OK;
    }

    static Verification accepted(Map<String, String> params) {
        return new Verification(Outcome.OK, "", params);
    }

    static Verification refused(Outcome outcome, String detail) {
        return new Verification(outcome, detail, Map.of());
    }
}
