package io.anim3d.server.accounts;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of a client's balance (audit trail). The deltas of a client sum to its balance.
 *
 * @param entryNo       increasing number, the order of the changes
 * @param deltaMilli    milli-credits added (grant) or taken (negative: charge, or a negative grant)
 * @param kind          {@code GRANT} or {@code CHARGE}
 * @param reservationId the charged reservation (CHARGE only)
 * @param createdAtMs   milliseconds since the epoch
 */
public record LedgerEntry(long entryNo, String clientId, long deltaMilli, String kind,
                          Optional<String> reservationId, String note, long createdAtMs) {
    public LedgerEntry {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(note, "note");
    }
}
