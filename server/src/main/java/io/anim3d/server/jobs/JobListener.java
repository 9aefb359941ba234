package io.anim3d.server.jobs;

/** Told when a job reaches SUCCESS or FAILURE (webhooks, metrics). Must not throw or block for long. */
@FunctionalInterface
public interface JobListener {
    /** @param processingSeconds wall time of the finishing attempt (0 for a job failed before it ran) */
    void jobFinished(Job job, double processingSeconds);
}
