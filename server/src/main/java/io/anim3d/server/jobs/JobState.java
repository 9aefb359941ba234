package io.anim3d.server.jobs;

/**
 * Where a job is. {@link #QUEUED} and {@link #PROGRESS} are both reported to clients as
 * {@code PROGRESS} (COMPAT.md: clients know only PROGRESS, SUCCESS and FAILURE; a retried job
 * stays PROGRESS with its attempt number, RETRY is never exposed).
 */
public enum JobState {
    QUEUED, PROGRESS, SUCCESS, FAILURE;

    public boolean finished() {
        return this == SUCCESS || this == FAILURE;
    }

    /** The status name of the API. */
    public String apiName() {
        return this == QUEUED ? "PROGRESS" : name();
    }
}
