package io.anim3d.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.Ids;
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

/**
 * The {@code webhook_endpoints} and {@code webhook_deliveries} tables. Every endpoint query names
 * the owning client, so one client can neither read, change nor delete another's endpoints; an id
 * of someone else's endpoint behaves like an unknown one. Deliveries are claimed with a lease by
 * one conditional UPDATE, so several processes can work through the queue. Thread-safe.
 */
public final class WebhookStore {
    /** Random bytes of an endpoint secret (256 bits, the HMAC-SHA256 key size). */
    static final int SECRET_BYTES = 32;
    /** Marks a webhook secret in logs and config files, like other services' signing secrets. */
    static final String SECRET_PREFIX = "whsec_";
    /** Longest stored {@code last_error}. */
    static final int MAX_ERROR_CHARS = 500;
    /** SQL state of a unique-constraint violation in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT_COLUMNS = "id, client_id, url, events_json, secret, created_at_ms, updated_at_ms";
    private static final String DELIVERY_COLUMNS = "id, endpoint_id, client_id, event_type, subject_id, body, attempts,"
            + " next_attempt_at_ms, state, last_status, last_error, created_at_ms, finished_at_ms";

    private final Database db;
    private final Clock clock;

    /** A claimed delivery with what sending it needs from its endpoint (read in the same query). */
    public record Due(WebhookDelivery delivery, String url, String secret) {
        @Override
        public String toString() {
            return "Due[" + delivery.id() + " to endpoint " + delivery.endpointId() + "]";
        }
    }

    public WebhookStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- endpoints ----

    /**
     * Stores a new endpoint with a fresh secret unless the client already has {@code maxPerClient}.
     * The client's row is locked for the count, so two concurrent creations cannot both take the
     * last place.
     *
     * @param url    an already checked URL
     * @param events known event types, without duplicates
     * @return the endpoint (with its secret), or empty when the client is at the limit
     */
    public Optional<WebhookEndpoint> create(String clientId, String url, List<String> events, int maxPerClient) {
        long now = clock.millis();
        WebhookEndpoint e = new WebhookEndpoint(Ids.newId(), clientId, url, events,
                SECRET_PREFIX + Ids.randomHex(SECRET_BYTES), now, now);
        return db.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM clients WHERE id = ? FOR UPDATE")) {
                lock.setString(1, clientId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no client " + clientId);
                    }
                }
            }
            if (count(c, clientId) >= maxPerClient) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_endpoints (" + ENDPOINT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.id());
                ps.setString(2, e.clientId());
                ps.setString(3, e.url());
                ps.setString(4, json(e.events()));
                ps.setString(5, e.secret());
                ps.setLong(6, e.createdAtMs());
                ps.setLong(7, e.updatedAtMs());
                ps.executeUpdate();
            }
            return Optional.of(e);
        });
    }

    /** The client's endpoint with this id; empty for an unknown id or another client's. */
    public Optional<WebhookEndpoint> find(String clientId, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ENDPOINT_COLUMNS
                    + " FROM webhook_endpoints WHERE client_id = ? AND id = ?")) {
                ps.setString(1, clientId);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(endpoint(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The client's endpoints, oldest first. */
    public List<WebhookEndpoint> list(String clientId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ENDPOINT_COLUMNS
                    + " FROM webhook_endpoints WHERE client_id = ? ORDER BY created_at_ms, id")) {
                ps.setString(1, clientId);
                List<WebhookEndpoint> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(endpoint(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Changes the URL and/or the events of the client's endpoint; a null argument keeps that value.
     * The secret stays. Pending deliveries go to the new URL.
     *
     * @return the endpoint as stored now, or empty when the client has no endpoint with this id
     */
    public Optional<WebhookEndpoint> update(String clientId, String id, String url, List<String> events) {
        long now = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_endpoints SET url = COALESCE(?, url),"
                    + " events_json = COALESCE(?, events_json), updated_at_ms = ? WHERE client_id = ? AND id = ?")) {
                ps.setString(1, url);
                ps.setString(2, events == null ? null : json(events));
                ps.setLong(3, now);
                ps.setString(4, clientId);
                ps.setString(5, id);
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ENDPOINT_COLUMNS
                    + " FROM webhook_endpoints WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(endpoint(rs));
                }
            }
        });
    }

    /** Deletes the client's endpoint and its deliveries; false when the client has no endpoint with this id. */
    public boolean delete(String clientId, String id) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_endpoints WHERE client_id = ? AND id = ?")) {
                ps.setString(1, clientId);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The client's endpoints subscribed to this event type. */
    /** A finished job whose client had an endpoint when it finished but no job.completed queued for it. */
    public record MissedJob(String clientId, String rid, boolean success) {
    }

    /**
     * Jobs finished since {@code sinceMs} whose {@code job.completed} never reached the queue of an
     * endpoint that existed when they finished: the process that ran them died between recording
     * the job's end and queueing the event. At most {@code limit}, oldest first.
     */
    public List<MissedJob> missedJobEvents(long sinceMs, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT j.client_id, j.id, j.state FROM jobs j"
                    + " WHERE j.state IN ('SUCCESS', 'FAILURE') AND j.finished_at_ms >= ?"
                    + " AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.client_id = j.client_id"
                    + " AND e.created_at_ms <= j.finished_at_ms AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d"
                    + " WHERE d.endpoint_id = e.id AND d.event_type = ? AND d.subject_id = j.id))"
                    + " ORDER BY j.finished_at_ms")) {
                ps.setMaxRows(limit);
                ps.setLong(1, sinceMs);
                ps.setString(2, WebhookEvents.JOB_COMPLETED);
                List<MissedJob> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MissedJob(rs.getString(1), rs.getString(2), "SUCCESS".equals(rs.getString(3))));
                    }
                }
                return out;
            }
        });
    }

    public List<WebhookEndpoint> subscribed(String clientId, String eventType) {
        return list(clientId).stream().filter(e -> e.subscribes(eventType)).toList();
    }

    // ---- deliveries ----

    /**
     * Queues an event for an endpoint, due now. An event already queued for this endpoint and
     * subject (a second notice of the same finished job) is not queued again.
     *
     * @return false when it was queued before
     */
    public boolean enqueue(WebhookEndpoint endpoint, String eventType, String subjectId, String body) {
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries (id, endpoint_id, client_id,"
                    + " event_type, subject_id, body, attempts, next_attempt_at_ms, state, created_at_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
                ps.setString(1, Ids.newId());
                ps.setString(2, endpoint.id());
                ps.setString(3, endpoint.clientId());
                ps.setString(4, eventType);
                ps.setString(5, subjectId);
                ps.setString(6, body);
                ps.setLong(7, now);
                ps.setString(8, DeliveryState.PENDING.name());
                ps.setLong(9, now);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Claims up to {@code max} due deliveries, oldest due first: {@link #due} then {@link #claim}
     * on each until {@code max} are claimed.
     */
    public List<Due> claimDue(int max, String token, long leaseUntilMs) {
        List<Due> claimed = new ArrayList<>();
        for (Due d : due(max)) {
            if (claim(d, token, leaseUntilMs)) {
                claimed.add(d);
            }
        }
        return claimed;
    }

    /**
     * Up to {@code limit} PENDING deliveries that are due and not under an unexpired lease, oldest
     * due first, with their endpoint's URL and secret. Nothing is claimed yet.
     */
    public List<Due> due(int limit) {
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.endpoint_id, d.client_id, d.event_type,"
                    + " d.subject_id, d.body, d.attempts, d.next_attempt_at_ms, d.state, d.last_status, d.last_error,"
                    + " d.created_at_ms, d.finished_at_ms, e.url, e.secret"
                    + " FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id"
                    + " WHERE d.state = ? AND d.next_attempt_at_ms <= ? AND (d.lease_until_ms IS NULL OR d.lease_until_ms < ?)"
                    + " ORDER BY d.next_attempt_at_ms, d.id LIMIT ?")) {
                ps.setString(1, DeliveryState.PENDING.name());
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setInt(4, limit);
                List<Due> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Due(delivery(rs), rs.getString("url"), rs.getString("secret")));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Takes a delivery from {@link #due} by one conditional UPDATE that re-checks state, attempts
     * and lease, so of several processes claiming it at once exactly one succeeds.
     *
     * @param token        names this claim; {@link #delivered}, {@link #failed} and {@link #release}
     *                     only change rows still claimed with it
     * @param leaseUntilMs until when the claim holds; after it another process may send the row again
     * @return whether this caller now holds the delivery
     */
    public boolean claim(Due due, String token, long leaseUntilMs) {
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET lease_until_ms = ?,"
                    + " claimed_by = ? WHERE id = ? AND state = ? AND attempts = ?"
                    + " AND (lease_until_ms IS NULL OR lease_until_ms < ?)")) {
                ps.setLong(1, leaseUntilMs);
                ps.setString(2, token);
                ps.setString(3, due.delivery().id());
                ps.setString(4, DeliveryState.PENDING.name());
                ps.setInt(5, due.delivery().attempts());
                ps.setLong(6, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Records a 2xx answer; false when the claim was lost meanwhile (lease expired, endpoint deleted). */
    public boolean delivered(String deliveryId, String token, int status) {
        long now = clock.millis();
        return finishAttempt(deliveryId, token, DeliveryState.DELIVERED, status, null, now, now);
    }

    /**
     * Records a failed attempt: the delivery is due again at {@code nextAttemptAtMs}, or, when that
     * is null, it has used its attempts up and is GAVE_UP.
     *
     * @param status the HTTP status answered, or null when there was no answer
     */
    public boolean failed(String deliveryId, String token, Integer status, String error, Long nextAttemptAtMs) {
        long now = clock.millis();
        return nextAttemptAtMs == null
                ? finishAttempt(deliveryId, token, DeliveryState.GAVE_UP, status, error, now, now)
                : finishAttempt(deliveryId, token, DeliveryState.PENDING, status, error, nextAttemptAtMs, null);
    }

    /** Gives a claim back without counting an attempt (the sender is shutting down). */
    public boolean release(String deliveryId, String token) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET lease_until_ms = NULL,"
                    + " claimed_by = NULL WHERE id = ? AND claimed_by = ? AND state = ?")) {
                ps.setString(1, deliveryId);
                ps.setString(2, token);
                ps.setString(3, DeliveryState.PENDING.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes DELIVERED and GAVE_UP deliveries finished before {@code beforeMs}; the number deleted. */
    public int pruneFinished(long beforeMs) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_deliveries WHERE state <> ?"
                    + " AND finished_at_ms < ?")) {
                ps.setString(1, DeliveryState.PENDING.name());
                ps.setLong(2, beforeMs);
                return ps.executeUpdate();
            }
        });
    }

    /** The deliveries of the client's endpoint, oldest first (for inspection and tests). */
    public List<WebhookDelivery> deliveries(String clientId, String endpointId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
                    + " FROM webhook_deliveries WHERE client_id = ? AND endpoint_id = ? ORDER BY created_at_ms, id")) {
                ps.setString(1, clientId);
                ps.setString(2, endpointId);
                List<WebhookDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(delivery(rs));
                    }
                }
                return out;
            }
        });
    }

    private boolean finishAttempt(String deliveryId, String token, DeliveryState state, Integer status, String error,
                                  long nextAttemptAtMs, Long finishedAtMs) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET state = ?,"
                    + " attempts = attempts + 1, next_attempt_at_ms = ?, last_status = ?, last_error = ?,"
                    + " finished_at_ms = ?, lease_until_ms = NULL, claimed_by = NULL"
                    + " WHERE id = ? AND claimed_by = ? AND state = ?")) {
                ps.setString(1, state.name());
                ps.setLong(2, nextAttemptAtMs);
                setNullable(ps, 3, status == null ? null : status.longValue(), Types.INTEGER);
                ps.setString(4, error == null ? null : truncate(error));
                setNullable(ps, 5, finishedAtMs, Types.BIGINT);
                ps.setString(6, deliveryId);
                ps.setString(7, token);
                ps.setString(8, DeliveryState.PENDING.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int index, Long value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else if (sqlType == Types.INTEGER) {
            ps.setInt(index, value.intValue());
        } else {
            ps.setLong(index, value);
        }
    }

    static String truncate(String error) {
        return error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }

    private static int count(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhook_endpoints WHERE client_id = ?")) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(rs.getString("id"), rs.getString("client_id"), rs.getString("url"),
                events(rs.getString("events_json")), rs.getString("secret"), rs.getLong("created_at_ms"),
                rs.getLong("updated_at_ms"));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        long finished = rs.getLong("finished_at_ms");
        Long finishedAt = rs.wasNull() ? null : finished;
        return new WebhookDelivery(rs.getString("id"), rs.getString("endpoint_id"), rs.getString("client_id"),
                rs.getString("event_type"), rs.getString("subject_id"), rs.getString("body"), rs.getInt("attempts"),
                rs.getLong("next_attempt_at_ms"), DeliveryState.valueOf(rs.getString("state")), lastStatus,
                rs.getString("last_error"), rs.getLong("created_at_ms"), finishedAt);
    }

    private static String json(List<String> events) {
        try {
            return JSON.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }

    private static List<String> events(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook_endpoints.events_json is not a JSON list: " + json, e);
        }
    }
}
