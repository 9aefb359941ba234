package io.anim3d.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.server.storage.LocalBlobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes old finished jobs with their files and old uploads; it keeps recent and unfinished work. */
class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void oldFinishedJobsAndUploadsGoRecentAndRunningStay() throws Exception {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (Database db = Database.open(DatabaseOptions.h2InDataDirectory(dir.resolve("db")))) {
            String client = new ClientStore(db, clock, ClientStore.Options.defaults()).create("c").clientId();
            JobStore jobs = new JobStore(db, clock);
            LocalBlobStore blobs = new LocalBlobStore(dir.resolve("blobs"));
            Instant old = now.minus(Duration.ofDays(31));
            Instant recent = now.minus(Duration.ofDays(29));
            jobs.insert(job("old", client, JobState.SUCCESS, old));
            jobs.insert(job("oldFailed", client, JobState.FAILURE, old));
            jobs.insert(job("oldRunning", client, JobState.PROGRESS, old));
            jobs.insert(job("recent", client, JobState.SUCCESS, recent));
            for (String rid : List.of("old", "oldFailed", "oldRunning", "recent")) {
                blobs.putBytes(JobRunner.prefix(client, rid) + "/male-young.bvh", "x".getBytes(StandardCharsets.UTF_8));
            }
            blobs.putBytes("uploads/" + client + "/oldvideo", new byte[10]);
            blobs.putBytes("uploads/" + client + "/newvideo", new byte[10]);
            Files.setLastModifiedTime(blobs.fileOf("uploads/" + client + "/oldvideo"), FileTime.from(old));
            Files.setLastModifiedTime(blobs.fileOf("uploads/" + client + "/newvideo"), FileTime.from(recent));

            Retention.Report r = new Retention(jobs, blobs, Duration.ofDays(30), clock).runOnce();

            assertEquals(2, r.jobs(), "old finished jobs deleted");
            assertEquals(1, r.uploads(), "old upload deleted");
            assertTrue(jobs.get("old").isEmpty() && jobs.get("oldFailed").isEmpty());
            assertTrue(jobs.get("oldRunning").isPresent(), "an unfinished job is never deleted");
            assertTrue(jobs.get("recent").isPresent());
            assertFalse(blobs.exists(JobRunner.prefix(client, "old") + "/male-young.bvh"), "files of a deleted job");
            assertTrue(blobs.exists(JobRunner.prefix(client, "recent") + "/male-young.bvh"));
            assertFalse(blobs.exists("uploads/" + client + "/oldvideo"));
            assertTrue(blobs.exists("uploads/" + client + "/newvideo"));
            assertEquals(new Retention.Report(0, 0), new Retention(jobs, blobs, Duration.ofDays(30), clock).runOnce(),
                    "a second run finds nothing");
        }
    }

    private static Job job(String rid, String client, JobState state, Instant created) {
        long t = created.toEpochMilli();
        return new Job(rid, client, null, "uploads/" + client + "/v", "v.mp4", 10, 1000, List.of(), state, 0, 100, 1,
                null, null, null, List.of(), List.of(), null, null, 1000, null, null, t, t, null, null);
    }
}
