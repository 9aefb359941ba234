package io.anim3d.server.accounts;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Credits set aside for one job.
 *
 * @param reservedMilli milli-credits held at submit
 * @param chargedMilli  milli-credits taken, present only when {@link ReservationState#CHARGED}
 * @param createdAtMs   milliseconds since the epoch
 * @param settledAtMs   when it was charged or released, empty while RESERVED
 */
public record Reservation(String id, String clientId, String jobId, long reservedMilli, ReservationState state,
                          OptionalLong chargedMilli, long createdAtMs, OptionalLong settledAtMs) {
    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(chargedMilli, "chargedMilli");
        Objects.requireNonNull(settledAtMs, "settledAtMs");
    }
}
