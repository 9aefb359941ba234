package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs of two clients submitted at the same moment run in parallel on two workers; each succeeds,
 * each is charged once, and the same input with the same params gives byte-identical files
 * whichever worker ran it and whatever ran beside it.
 */
class JobsConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void parallelJobsAreIndependentAndDeterministic() throws Exception {
        ServerConfig config = new ServerConfig(dir, 0, Duration.ofMinutes(60), BigDecimal.ONE).withWorkers(2);
        try (JobFixture f = new JobFixture(dir, config)) {
            JobFixture.User alice = f.user("alice", "1");
            JobFixture.User bob = f.user("bob", "1");
            String aliceUrl = f.upload(alice, JobsApiTest.VIDEO);
            String bobUrl = f.upload(bob, JobsApiTest.VIDEO);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> submits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                submits.add(pool.submit(() -> f.submit(alice, "url", aliceUrl, "formats=bvh,glb", "model=child")));
                submits.add(pool.submit(() -> f.submit(bob, "url", bobUrl, "formats=bvh,glb", "model=child")));
            }
            List<String> rids = new ArrayList<>();
            for (Future<String> s : submits) {
                rids.add(s.get());
            }
            pool.shutdown();
            List<byte[]> bvhs = new ArrayList<>();
            List<byte[]> glbs = new ArrayList<>();
            for (int i = 0; i < rids.size(); i++) {
                JobFixture.User owner = i % 2 == 0 ? alice : bob;
                JsonNode done = f.await(owner, rids.get(i), JobsApiTest.JOB_TIMEOUT);
                assertEquals("SUCCESS", done.path("status").asText(), "job " + i + ": " + done);
                JsonNode files = f.ok(f.get(owner, "/download/" + rids.get(i)), "download").path("links").get(0)
                        .path("urls").get(0).path("files");
                bvhs.add(JobFixture.download(files.get(0).path("bvh").asText()));
                glbs.add(JobFixture.download(files.get(1).path("glb").asText()));
            }
            for (int i = 1; i < rids.size(); i++) {
                assertArrayEquals(bvhs.get(0), bvhs.get(i), "BVH of job " + i + " differs from job 0");
                assertArrayEquals(glbs.get(0), glbs.get(i), "GLB of job " + i + " differs from job 0");
            }
            // Two jobs each of 4 billable seconds at 1 credit/minute: 2 × 0.067.
            assertEquals(1 - 2 * 0.067, f.ok(f.get(alice, "/account/creditBalance"), "alice").path("credits").asDouble(), 1e-9);
            assertEquals(1 - 2 * 0.067, f.ok(f.get(bob, "/account/creditBalance"), "bob").path("credits").asDouble(), 1e-9);
        }
    }
}
