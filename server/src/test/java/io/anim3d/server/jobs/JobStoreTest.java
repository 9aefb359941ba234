package io.anim3d.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State changes of the jobs table: a job is started once per attempt, a superseded attempt
 * cannot write its result over the newer one, finished jobs are not started again, and the queue
 * position counts only earlier queued jobs.
 */
class JobStoreTest {
    @TempDir
    Path dir;

    @Test
    void attemptsAreFencedAndFinishedJobsStayFinished() {
        try (Database db = Database.open(DatabaseOptions.h2InDataDirectory(dir))) {
            Clock clock = Clock.systemUTC();
            String client = new ClientStore(db, clock, ClientStore.Options.defaults()).create("c").clientId();
            JobStore jobs = new JobStore(db, clock);
            jobs.insert(queued("a", client, 1000));
            jobs.insert(queued("b", client, 2000));
            jobs.insert(queued("c", client, 3000));
            assertEquals(2, jobs.queuePosition(jobs.get("c").orElseThrow()), "two queued before c");

            assertEquals(Optional.of(1), jobs.start("a", 100));
            assertEquals(0, jobs.queuePosition(jobs.get("b").orElseThrow()), "a is running, b is next");
            // The worker of attempt 1 dies; the job is revived as attempt 2.
            assertEquals(Optional.of(2), jobs.start("a", 100));
            jobs.progress("a", 1, 50);
            assertEquals(0, jobs.get("a").orElseThrow().step(), "a stale attempt's progress is ignored");
            assertFalse(jobs.succeed("a", 1, List.of(), List.of(), "k", "male-young", 5, 1000),
                    "a stale attempt cannot finish the job");
            assertFalse(jobs.fail("a", 1, 507, "X", "stale"), "a stale attempt cannot fail the job");
            assertTrue(jobs.succeed("a", 2, List.of(new JobFile("male-young", "bvh", "jobs/c/a/male-young.bvh", 10)),
                    List.of("camera moves"), "jobs/c/a/landmarks.dmpe", "male-young", 5, 1000));
            Job a = jobs.get("a").orElseThrow();
            assertEquals(JobState.SUCCESS, a.state());
            assertEquals(a.total(), a.step(), "a finished job is at its last step");
            assertEquals(List.of("camera moves"), a.warnings());
            assertEquals("male-young.bvh", a.outputs().get(0).fileName());
            assertEquals(Optional.empty(), jobs.start("a", 100), "a finished job is not started again");
            assertFalse(jobs.fail("a", null, 511, "X", "late"), "a finished job cannot be failed");

            assertTrue(jobs.fail("b", null, 513, "NO_PERSON", "No person"), "a queued job can fail");
            assertEquals(513, jobs.get("b").orElseThrow().errorCode());
            assertEquals(1, jobs.unfinished(client));
            assertEquals(List.of("b", "a"), jobs.list(client, EnumSet.of(JobState.SUCCESS, JobState.FAILURE), 10)
                    .stream().map(Job::id).toList(), "newest first");
            assertTrue(jobs.getOwned("someone-else", "a").isEmpty(), "another client's job is not found");
        }
    }

    private static Job queued(String rid, String client, long t) {
        return new Job(rid, client, null, "uploads/" + client + "/v", "v.mp4", 10, 1000, List.of("formats=bvh"),
                JobState.QUEUED, 0, 100, 0, null, null, null, List.of(), List.of(), null, null, 1000, null, null, t, t,
                null, null);
    }
}
