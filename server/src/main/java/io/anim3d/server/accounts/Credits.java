package io.anim3d.server.accounts;

import io.anim3d.server.db.Database;
import io.anim3d.server.db.Ids;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Credit balances and per-job reservations, in milli-credits (exact integers; prices such as
 * "0.5 credits per second of video" stay exact). Thread- and multi-process-safe: every change is
 * one transaction whose balance update is a single conditional UPDATE, so concurrent reservations
 * can never take more than is available (and a CHECK constraint in the schema backs that up).
 *
 * <p>Flow: {@link #reserve} at submit (fails with {@link InsufficientCreditsException}), then
 * exactly one of {@link #charge} (job succeeded) or {@link #release} (job failed). Both are
 * idempotent, so a retried job or a worker that re-runs its cleanup never charges twice.
 */
public final class Credits {
    public static final long MILLI_PER_CREDIT = 1000;
    static final int MAX_NOTE_CHARS = 500;

    private final Database db;
    private final Clock clock;

    public Credits(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Milli-credits as a decimal number of credits, e.g. 1500 → 1.5 (for JSON and messages). */
    public static BigDecimal toCredits(long milliCredits) {
        return BigDecimal.valueOf(milliCredits, 3).stripTrailingZeros();
    }

    static String format(long milliCredits) {
        return toCredits(milliCredits).toPlainString();
    }

    /** Balance and open reservations of a client. */
    public Balance account(String clientId) {
        return db.read(c -> loadBalance(c, clientId));
    }

    /** Granted minus charged, milli-credits. */
    public long balance(String clientId) {
        return account(clientId).balanceMilli();
    }

    /** Balance minus open reservations, milli-credits: what the next job may reserve. */
    public long available(String clientId) {
        return account(clientId).availableMilli();
    }

    /**
     * Adds credits (or removes them, with a negative amount, as far as they are not reserved).
     *
     * @return the new balance, milli-credits
     * @throws InsufficientCreditsException if a negative grant would take reserved or missing credits
     */
    public long grant(String clientId, long milliCredits, String note) {
        if (milliCredits == 0) {
            throw new IllegalArgumentException("A grant of 0 credits changes nothing; give a positive or negative amount");
        }
        String text = validNote(note);
        return db.transaction(c -> {
            long now = clock.millis();
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE credit_balances SET balance_milli = balance_milli + ?,"
                    + " updated_at_ms = ? WHERE client_id = ? AND balance_milli - reserved_milli + ? >= 0")) {
                ps.setLong(1, milliCredits);
                ps.setLong(2, now);
                ps.setString(3, clientId);
                ps.setLong(4, milliCredits);
                n = ps.executeUpdate();
            }
            if (n == 0) {
                Balance b = loadBalance(c, clientId); // throws if the client is unknown
                throw new InsufficientCreditsException(clientId, -milliCredits, b.availableMilli());
            }
            appendLedger(c, clientId, milliCredits, "GRANT", null, text, now);
            return loadBalance(c, clientId).balanceMilli();
        });
    }

    /**
     * Holds {@code milliCredits} for a job. Calling again for the same job returns the same
     * reservation (a re-submitted request does not hold twice).
     *
     * @return the reservation id
     * @throws InsufficientCreditsException if fewer credits are available
     * @throws IllegalStateException if the job already has a reservation of another client or amount
     */
    public String reserve(String clientId, long milliCredits, String jobId) {
        if (milliCredits <= 0) {
            throw new IllegalArgumentException("A reservation must be positive, was " + milliCredits + " milli-credits");
        }
        Objects.requireNonNull(jobId, "jobId");
        Optional<Reservation> existing = reservationForJob(jobId);
        if (existing.isPresent()) {
            return sameOrFail(existing.get(), clientId, milliCredits);
        }
        try {
            return db.transaction(c -> {
                long now = clock.millis();
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE credit_balances SET reserved_milli = reserved_milli + ?,"
                        + " updated_at_ms = ? WHERE client_id = ? AND balance_milli - reserved_milli >= ?")) {
                    ps.setLong(1, milliCredits);
                    ps.setLong(2, now);
                    ps.setString(3, clientId);
                    ps.setLong(4, milliCredits);
                    n = ps.executeUpdate();
                }
                if (n == 0) {
                    throw new InsufficientCreditsException(clientId, milliCredits, loadBalance(c, clientId).availableMilli());
                }
                String id = Ids.newId();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO credit_reservations (id, client_id, job_id,"
                        + " reserved_milli, state, created_at_ms) VALUES (?, ?, ?, ?, 'RESERVED', ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, clientId);
                    ps.setString(3, jobId);
                    ps.setLong(4, milliCredits);
                    ps.setLong(5, now);
                    ps.executeUpdate();
                }
                return id;
            });
        } catch (RuntimeException e) {
            // Two submits of one job at the same moment: the loser's insert hit the unique job_id
            // and rolled back its hold; answer with the winner's reservation.
            Optional<Reservation> winner = reservationForJob(jobId);
            if (winner.isPresent() && !(e instanceof InsufficientCreditsException)) {
                return sameOrFail(winner.get(), clientId, milliCredits);
            }
            throw e;
        }
    }

    /**
     * Takes the job's final cost and returns the rest of the reservation. Idempotent: charging a
     * CHARGED reservation again changes nothing and returns it as it is (the first charge wins).
     *
     * @param finalMilliCredits cost, 0 to the reserved amount
     * @throws IllegalStateException if the reservation was released (its credits are gone back)
     */
    public Reservation charge(String reservationId, long finalMilliCredits) {
        if (finalMilliCredits < 0) {
            throw new IllegalArgumentException("A charge cannot be negative, was " + finalMilliCredits + " milli-credits");
        }
        return db.transaction(c -> {
            Reservation r = loadReservation(c, reservationId);
            if (r.state() == ReservationState.RESERVED && finalMilliCredits > r.reservedMilli()) {
                throw new IllegalArgumentException("Charge of " + format(finalMilliCredits) + " credits exceeds the "
                        + format(r.reservedMilli()) + " reserved by reservation " + reservationId);
            }
            long now = clock.millis();
            if (!settle(c, reservationId, ReservationState.CHARGED, finalMilliCredits, now)) {
                Reservation settled = loadReservation(c, reservationId);
                if (settled.state() == ReservationState.RELEASED) {
                    throw new IllegalStateException("Reservation " + reservationId + " of job " + settled.jobId()
                            + " was already released; it cannot be charged");
                }
                return settled;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE credit_balances SET balance_milli = balance_milli - ?,"
                    + " reserved_milli = reserved_milli - ?, updated_at_ms = ? WHERE client_id = ?")) {
                ps.setLong(1, finalMilliCredits);
                ps.setLong(2, r.reservedMilli());
                ps.setLong(3, now);
                ps.setString(4, r.clientId());
                ps.executeUpdate();
            }
            if (finalMilliCredits > 0) {
                appendLedger(c, r.clientId(), -finalMilliCredits, "CHARGE", reservationId, "job " + r.jobId(), now);
            }
            return loadReservation(c, reservationId);
        });
    }

    /**
     * Returns all reserved credits. Idempotent: releasing a RELEASED or CHARGED reservation
     * changes nothing and returns it as it is (so cleanup after a charge is harmless).
     */
    public Reservation release(String reservationId) {
        return db.transaction(c -> {
            Reservation r = loadReservation(c, reservationId);
            long now = clock.millis();
            if (!settle(c, reservationId, ReservationState.RELEASED, null, now)) {
                return loadReservation(c, reservationId);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE credit_balances SET reserved_milli = reserved_milli - ?,"
                    + " updated_at_ms = ? WHERE client_id = ?")) {
                ps.setLong(1, r.reservedMilli());
                ps.setLong(2, now);
                ps.setString(3, r.clientId());
                ps.executeUpdate();
            }
            return loadReservation(c, reservationId);
        });
    }

    public Optional<Reservation> reservation(String reservationId) {
        return db.read(c -> findReservation(c, "id", reservationId));
    }

    public Optional<Reservation> reservationForJob(String jobId) {
        return db.read(c -> findReservation(c, "job_id", jobId));
    }

    /** A client's balance changes, oldest first. */
    public List<LedgerEntry> ledger(String clientId) {
        return db.read(c -> {
            List<LedgerEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT entry_no, client_id, delta_milli, kind, reservation_id,"
                    + " note, created_at_ms FROM credit_ledger WHERE client_id = ? ORDER BY entry_no")) {
                ps.setString(1, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                Optional.ofNullable(rs.getString(5)), rs.getString(6), rs.getLong(7)));
                    }
                }
            }
            return out;
        });
    }

    // --- rows ---------------------------------------------------------------------------------

    /**
     * Moves a reservation out of RESERVED; false if it had already left that state (a retry, or
     * a concurrent charge/release that won: the row lock makes the loser see the winner's state).
     */
    private static boolean settle(Connection c, String id, ReservationState to, Long chargedMilli, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE credit_reservations SET state = ?, charged_milli = ?,"
                + " settled_at_ms = ? WHERE id = ? AND state = 'RESERVED'")) {
            ps.setString(1, to.name());
            if (chargedMilli == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, chargedMilli);
            }
            ps.setLong(3, now);
            ps.setString(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static String sameOrFail(Reservation r, String clientId, long milliCredits) {
        if (!r.clientId().equals(clientId) || r.reservedMilli() != milliCredits) {
            throw new IllegalStateException("Job " + r.jobId() + " already has reservation " + r.id() + " of "
                    + format(r.reservedMilli()) + " credits for client " + r.clientId());
        }
        return r.id();
    }

    private static Balance loadBalance(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT balance_milli, reserved_milli FROM credit_balances WHERE client_id = ?")) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownClientException(clientId);
                }
                return new Balance(clientId, rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static Reservation loadReservation(Connection c, String id) throws SQLException {
        return findReservation(c, "id", id).orElseThrow(() -> new UnknownReservationException(id));
    }

    private static Optional<Reservation> findReservation(Connection c, String column, String value) throws SQLException {
        // column is one of two constants from this class, never input.
        try (PreparedStatement ps = c.prepareStatement("SELECT id, client_id, job_id, reserved_milli, state, charged_milli,"
                + " created_at_ms, settled_at_ms FROM credit_reservations WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long charged = rs.getLong(6);
                OptionalLong chargedMilli = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(charged);
                long settled = rs.getLong(8);
                OptionalLong settledAt = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(settled);
                return Optional.of(new Reservation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        ReservationState.valueOf(rs.getString(5)), chargedMilli, rs.getLong(7), settledAt));
            }
        }
    }

    private static void appendLedger(Connection c, String clientId, long delta, String kind, String reservationId,
                                     String note, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credit_ledger (client_id, delta_milli, kind,"
                + " reservation_id, note, created_at_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, clientId);
            ps.setLong(2, delta);
            ps.setString(3, kind);
            ps.setString(4, reservationId);
            ps.setString(5, note);
            ps.setLong(6, now);
            ps.executeUpdate();
        }
    }

    private static String validNote(String note) {
        if (note == null) {
            return "";
        }
        if (note.length() > MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("Note must be at most " + MAX_NOTE_CHARS + " characters, was " + note.length());
        }
        return note;
    }
}
