package io.anim3d.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code jobs} table. State changes are single conditional UPDATEs ({@code WHERE state = ...
 * AND attempt = ...}), so a worker whose job was meanwhile taken over by another (after a missed
 * heartbeat) cannot overwrite the newer attempt's result.
 */
public final class JobStore {
    /** Longest error message stored (the column's size). */
    static final int MAX_MESSAGE = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<JobFile>> FILES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, client_id, source_rid, input_key, input_name, input_size,"
            + " input_duration_ms, params_json, state, step, total, attempt, error_code, error_type, error_message,"
            + " warnings_json, outputs_json, landmarks_key, character_name, cost_milli, charged_milli, processed_ms,"
            + " created_at_ms, updated_at_ms, started_at_ms, finished_at_ms";

    private final Database db;
    private final Clock clock;

    public JobStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a new QUEUED job. */
    public void insert(Job job) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setString(i++, job.id());
                ps.setString(i++, job.clientId());
                ps.setString(i++, job.sourceRid());
                ps.setString(i++, job.inputKey());
                ps.setString(i++, job.inputName());
                ps.setLong(i++, job.inputSize());
                ps.setLong(i++, job.inputDurationMs());
                ps.setString(i++, json(job.params()));
                ps.setString(i++, job.state().name());
                ps.setInt(i++, job.step());
                ps.setInt(i++, job.total());
                ps.setInt(i++, job.attempt());
                setInteger(ps, i++, job.errorCode());
                ps.setString(i++, job.errorType());
                ps.setString(i++, job.errorMessage());
                ps.setString(i++, json(job.warnings()));
                ps.setString(i++, job.outputs().isEmpty() ? null : json(job.outputs()));
                ps.setString(i++, job.landmarksKey());
                ps.setString(i++, job.characterName());
                ps.setLong(i++, job.costMilli());
                setLong(ps, i++, job.chargedMilli());
                setLong(ps, i++, job.processedMs());
                ps.setLong(i++, job.createdAtMs());
                ps.setLong(i++, job.updatedAtMs());
                setLong(ps, i++, job.startedAtMs());
                setLong(ps, i, job.finishedAtMs());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Job> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The job if it exists and belongs to this client (another client's job is "not found"). */
    public Optional<Job> getOwned(String clientId, String id) {
        return get(id).filter(j -> j.clientId().equals(clientId));
    }

    /** These jobs of this client, in the order asked, skipping unknown and foreign ids. */
    public List<Job> getOwned(String clientId, Collection<String> ids) {
        List<Job> found = new ArrayList<>();
        for (String id : ids) {
            getOwned(clientId, id).ifPresent(found::add);
        }
        return found;
    }

    /** A client's jobs in these states (all when empty), newest first, at most {@code limit}. */
    public List<Job> list(String clientId, Collection<JobState> states, int limit) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE client_id = ?");
            if (!states.isEmpty()) {
                sql.append(" AND state IN (").append("?, ".repeat(states.size() - 1)).append("?)");
            }
            sql.append(" ORDER BY created_at_ms DESC, id DESC");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setMaxRows(limit);
                int i = 1;
                ps.setString(i++, clientId);
                for (JobState s : states) {
                    ps.setString(i++, s.name());
                }
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(row(rs));
                    }
                }
                return jobs;
            }
        });
    }

    /** Jobs of any client created before this time, oldest first (for retention). */
    public List<Job> createdBefore(long epochMs, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM jobs WHERE created_at_ms < ? AND state IN ('SUCCESS', 'FAILURE') ORDER BY created_at_ms")) {
                ps.setMaxRows(limit);
                ps.setLong(1, epochMs);
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(row(rs));
                    }
                }
                return jobs;
            }
        });
    }

    /** Number of this client's jobs not finished yet. */
    public int unfinished(String clientId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM jobs WHERE client_id = ? AND state IN ('QUEUED', 'PROGRESS')")) {
                ps.setString(1, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** How many queued jobs (of anyone) were submitted before this one: its place in the queue, 0 = next. */
    public int queuePosition(Job job) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE state = 'QUEUED'"
                    + " AND (created_at_ms < ? OR (created_at_ms = ? AND id < ?))")) {
                ps.setLong(1, job.createdAtMs());
                ps.setLong(2, job.createdAtMs());
                ps.setString(3, job.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * A worker takes the job: PROGRESS with attempt + 1, step 0. Returns the new attempt number, or
     * empty when the job has already finished (nothing to do).
     */
    public Optional<Integer> start(String id, int total) {
        return db.transaction(c -> {
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = 'PROGRESS', attempt = attempt + 1,"
                    + " step = 0, total = ?, updated_at_ms = ?, started_at_ms = ? WHERE id = ?"
                    + " AND state IN ('QUEUED', 'PROGRESS')")) {
                ps.setInt(1, total);
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setString(4, id);
                if (ps.executeUpdate() == 0) {
                    return Optional.<Integer>empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT attempt FROM jobs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(rs.getInt(1));
                }
            }
        });
    }

    /** Progress of a running attempt; ignored if the job moved on. */
    public void progress(String id, int attempt, int step) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET step = ?, updated_at_ms = ?"
                    + " WHERE id = ? AND attempt = ? AND state = 'PROGRESS'")) {
                ps.setInt(1, step);
                ps.setLong(2, clock.millis());
                ps.setString(3, id);
                ps.setInt(4, attempt);
                return ps.executeUpdate();
            }
        });
    }

    /** Marks this attempt successful; false if the job is no longer this attempt's. */
    public boolean succeed(String id, int attempt, List<JobFile> outputs, List<String> warnings, String landmarksKey,
                           String characterName, long chargedMilli, long processedMs) {
        return db.transaction(c -> {
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = 'SUCCESS', step = total,"
                    + " outputs_json = ?, warnings_json = ?, landmarks_key = ?, character_name = ?, charged_milli = ?,"
                    + " processed_ms = ?, updated_at_ms = ?, finished_at_ms = ? WHERE id = ? AND attempt = ?"
                    + " AND state = 'PROGRESS'")) {
                ps.setString(1, json(outputs));
                ps.setString(2, json(warnings));
                ps.setString(3, landmarksKey);
                ps.setString(4, characterName);
                ps.setLong(5, chargedMilli);
                ps.setLong(6, processedMs);
                ps.setLong(7, now);
                ps.setLong(8, now);
                ps.setString(9, id);
                ps.setInt(10, attempt);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Marks the job failed (from QUEUED or PROGRESS; any attempt when {@code attempt} is null).
     * False if it had already finished.
     */
    public boolean fail(String id, Integer attempt, int code, String type, String message) {
        return db.transaction(c -> {
            long now = clock.millis();
            String sql = "UPDATE jobs SET state = 'FAILURE', error_code = ?, error_type = ?, error_message = ?,"
                    + " updated_at_ms = ?, finished_at_ms = ? WHERE id = ? AND state IN ('QUEUED', 'PROGRESS')"
                    + (attempt == null ? "" : " AND attempt = ?");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, code);
                ps.setString(2, type);
                ps.setString(3, truncate(message));
                ps.setLong(4, now);
                ps.setLong(5, now);
                ps.setString(6, id);
                if (attempt != null) {
                    ps.setInt(7, attempt);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes a job's row (retention, or a submit that could not be queued). */
    public boolean delete(String id) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Whether a finished job still refers to this blob key as its landmarks (reruns share them). */
    public boolean landmarksInUse(String landmarksKey, String exceptJobId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM jobs WHERE landmarks_key = ? AND id <> ?")) {
                ps.setString(1, landmarksKey);
                ps.setString(2, exceptJobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        });
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private static Job row(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("client_id"), rs.getString("source_rid"),
                rs.getString("input_key"), rs.getString("input_name"), rs.getLong("input_size"),
                rs.getLong("input_duration_ms"), parse(rs.getString("params_json"), STRINGS),
                JobState.valueOf(rs.getString("state")), rs.getInt("step"), rs.getInt("total"), rs.getInt("attempt"),
                (Integer) rs.getObject("error_code", Integer.class), rs.getString("error_type"),
                rs.getString("error_message"), parse(rs.getString("warnings_json"), STRINGS),
                rs.getString("outputs_json") == null ? List.of() : parse(rs.getString("outputs_json"), FILES),
                rs.getString("landmarks_key"), rs.getString("character_name"), rs.getLong("cost_milli"),
                rs.getObject("charged_milli", Long.class), rs.getObject("processed_ms", Long.class),
                rs.getLong("created_at_ms"), rs.getLong("updated_at_ms"), rs.getObject("started_at_ms", Long.class),
                rs.getObject("finished_at_ms", Long.class));
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON column in jobs: " + e.getOriginalMessage(), e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
