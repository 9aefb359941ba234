package io.anim3d.server.metrics;

import io.anim3d.server.db.Database;
import io.anim3d.server.jobs.JobState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jobs by state, read from the {@code jobs} table with one {@code GROUP BY} query and kept for
 * {@link #ttl} so that frequent or parallel scrapes (several Prometheus servers, a dashboard
 * refresh) cost one query a second at most. The counts cover every client: they are totals,
 * never per client.
 */
final class JobGauges {
    static final Duration DEFAULT_TTL = Duration.ofSeconds(1);
    static final String QUERY = "SELECT state, COUNT(*) FROM jobs GROUP BY state";
    private static final Logger LOG = Logger.getLogger(JobGauges.class.getName());

    /** Counts of one reading; {@code ok} false when the database could not be read (counts empty). */
    record Counts(Map<JobState, Long> byState, boolean ok, long readAtMillis) {
        long of(JobState state) {
            return byState.getOrDefault(state, 0L);
        }
    }

    private final Database db;
    private final Clock clock;
    private final long ttlMillis;
    private volatile Counts last;

    JobGauges(Database db, Clock clock, Duration ttl) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttlMillis = ttl.toMillis();
    }

    /**
     * The counts, from the cache if younger than the TTL by {@code clock} (a clock that went back
     * also refreshes). Never throws: a failed read gives {@code ok == false} and is retried on
     * the next scrape.
     */
    Counts read() {
        Counts c = last;
        long now = clock.millis();
        if (fresh(c, now)) {
            return c;
        }
        synchronized (this) { // one query for scrapes that arrive together
            c = last;
            now = clock.millis();
            if (fresh(c, now)) {
                return c;
            }
            c = query(now);
            last = c.ok() ? c : null;
            return c;
        }
    }

    private boolean fresh(Counts c, long now) {
        return c != null && now >= c.readAtMillis() && now - c.readAtMillis() < ttlMillis;
    }

    private Counts query(long now) {
        try {
            Map<JobState, Long> counts = db.read(conn -> {
                Map<JobState, Long> m = new EnumMap<>(JobState.class);
                try (PreparedStatement st = conn.prepareStatement(QUERY); ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        m.put(JobState.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                }
                return m;
            });
            return new Counts(counts, true, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot count jobs for /metrics: " + e.getMessage(), e);
            return new Counts(Map.of(), false, now);
        }
    }

    void writeTo(Exposition out) {
        Counts c = read();
        out.family("anim3d_database_up", "1 if the last read of the job counts succeeded, else 0"
                + " (the job metrics are then left out).", "gauge");
        out.sample("anim3d_database_up", c.ok() ? 1 : 0);
        if (!c.ok()) {
            return;
        }
        out.family("anim3d_jobs", "Jobs stored, by state (all clients; QUEUED waits for a worker,"
                + " PROGRESS runs, SUCCESS and FAILURE are finished and not yet deleted).", "gauge");
        for (JobState s : JobState.values()) {
            out.sample("anim3d_jobs", List.of("state"), List.of(s.name()), c.of(s));
        }
        out.family("anim3d_job_queue_length", "Jobs waiting for a worker (state QUEUED).", "gauge");
        out.sample("anim3d_job_queue_length", c.of(JobState.QUEUED));
    }
}
