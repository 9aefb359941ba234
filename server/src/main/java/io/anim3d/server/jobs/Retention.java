package io.anim3d.server.jobs;

import io.anim3d.server.storage.LocalBlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes what is older than the retention period: finished jobs with their files, and uploads
 * (videos, edited pose estimations) by their last change. Run hourly by one worker through
 * db-scheduler; safe to run on several processes (deleting twice is harmless). Unfinished jobs
 * are never touched.
 */
public final class Retention implements Runnable {
    /** Jobs handled per run, so that one run cannot hold a worker for long. */
    static final int BATCH = 10_000;
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    private final JobStore jobs;
    private final LocalBlobStore blobs;
    private final Duration period;
    private final Clock clock;

    public Retention(JobStore jobs, LocalBlobStore blobs, Duration period, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.period = Objects.requireNonNull(period, "period");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one run deleted. */
    public record Report(int jobs, int uploads) {
    }

    @Override
    public void run() {
        try {
            Report r = runOnce();
            if (r.jobs() > 0 || r.uploads() > 0) {
                LOG.info("Retention: deleted " + r.jobs() + " jobs and " + r.uploads() + " uploads older than "
                        + period.toDays() + " days");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Retention run failed; it runs again in an hour", e);
        }
    }

    public Report runOnce() throws IOException {
        Instant cutoff = clock.instant().minus(period);
        List<Job> old = jobs.createdBefore(cutoff.toEpochMilli(), BATCH);
        for (Job j : old) {
            blobs.deletePrefix(JobRunner.prefix(j.clientId(), j.id()));
            jobs.delete(j.id());
        }
        int uploads = 0;
        for (String key : blobs.list("uploads")) {
            Instant modified;
            try {
                modified = blobs.lastModified(key);
            } catch (IOException e) {
                continue; // deleted meanwhile
            }
            if (modified.isBefore(cutoff) && blobs.delete(key)) {
                uploads++;
            }
        }
        return new Report(old.size(), uploads);
    }
}
