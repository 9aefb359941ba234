package io.anim3d.server.jobs;

import java.util.List;
import java.util.Objects;

/**
 * A stored job (one row of {@code jobs}); immutable snapshot.
 *
 * @param sourceRid      the job whose landmarks a rerun reuses, or null
 * @param inputKey       blob key of the input upload
 * @param params         the params entries as the client sent them
 * @param attempt        how many times a worker started it (more than 1 after a crash)
 * @param errorCode      the spec's error code of a failed job, else null
 * @param outputs        the files of a finished job, in /download order (empty before)
 * @param landmarksKey   blob key of the landmarks it produced or reused, or null
 * @param costMilli      the estimate reserved at submit
 * @param chargedMilli   what success cost, or null
 */
public record Job(String id, String clientId, String sourceRid, String inputKey, String inputName, long inputSize,
                  long inputDurationMs, List<String> params, JobState state, int step, int total, int attempt,
                  Integer errorCode, String errorType, String errorMessage, List<String> warnings,
                  List<JobFile> outputs, String landmarksKey, String characterName, long costMilli,
                  Long chargedMilli, Long processedMs, long createdAtMs, long updatedAtMs, Long startedAtMs,
                  Long finishedAtMs) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(state, "state");
        params = List.copyOf(params);
        warnings = List.copyOf(warnings);
        outputs = List.copyOf(outputs);
    }

    public boolean isRerun() {
        return sourceRid != null;
    }
}
