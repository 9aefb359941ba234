package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.testkit.SharedTestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.anim3d.server.cli.ServeCommandTest.Started;

/**
 * kill -9 of {@code anim3d serve} in the middle of a job, then a restart on the same data
 * directory: the job is picked up again (a new attempt) and succeeds, it is charged once, and the
 * upload survived. Real child processes, real video, real H2 file.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    static final Path VIDEO = SharedTestData.testdata("videos/single/dance_white_1080p.mp4");

    @Test
    void killedServerFinishesTheJobAfterRestart() throws Exception {
        Started first = ServeCommandTest.serveIn(dir);
        String basic;
        String rid;
        String uploadUrl;
        try {
            Matcher idm = ServeCommandTest.ID.matcher(first.output());
            Matcher sm = ServeCommandTest.SECRET.matcher(first.output());
            assertTrue(idm.find() && sm.find(), first.output());
            String id = idm.group(1);
            basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + sm.group(1)).getBytes(StandardCharsets.UTF_8));
            // The test connects to the running server's database (H2 AUTO_SERVER), as `anim3d admin` does.
            try (Database db = Database.open(DatabaseOptions.h2InDataDirectory(dir))) {
                new Credits(db, Clock.systemUTC()).grant(id, 100_000, "crash test");
            }
            uploadUrl = json(send("GET", first.port(), "/upload?name=dance.mp4", basic, null)).path("url").asText();
            HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                    .PUT(HttpRequest.BodyPublishers.ofFile(VIDEO)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());
            rid = json(send("POST", first.port(), "/process", basic, "{\"url\": \"" + uploadUrl
                    + "\", \"processor\": \"video2anim\", \"params\": [\"formats=bvh\"]}")).path("rid").asText();
            // Wait until the job is well under way, then kill the server without warning.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int step = 0;
            while (step < 20 && System.nanoTime() < deadline) {
                JsonNode s = json(send("GET", first.port(), "/status/" + rid, basic, null)).path("status").get(0);
                assertEquals("PROGRESS", s.path("status").asText(), "the job must still be running: " + s);
                step = s.path("details").path("step").asInt();
                Thread.sleep(100);
            }
            assertTrue(step >= 20, "the job never got under way");
        } finally {
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean database close
            first.process().waitFor(30, TimeUnit.SECONDS);
        }

        Started second = ServeCommandTest.serveIn(dir);
        try {
            long t0 = System.nanoTime();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
            JsonNode s = null;
            int maxAttempt = 0;
            while (System.nanoTime() < deadline) {
                s = json(send("GET", second.port(), "/status/" + rid, basic, null)).path("status").get(0);
                maxAttempt = Math.max(maxAttempt, s.path("details").path("attempt").asInt(0));
                if (!s.path("status").asText().equals("PROGRESS")) {
                    break;
                }
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("[crash] job %s after restart: %s in %.1f s (attempt seen: %d)%n", rid,
                    s.path("status").asText(), seconds, maxAttempt);
            assertEquals("SUCCESS", s.path("status").asText(), "after the restart the job must finish: " + s);
            JsonNode balance = json(send("GET", second.port(), "/account/creditBalance", basic, null));
            // 10.024 s of video = 11 billable seconds at 1 credit/minute: 0.184 credits (rounded up), charged once.
            assertEquals(100 - 0.184, balance.path("credits").asDouble(), 1e-9, "charged exactly once: " + balance);
            JsonNode link = json(send("GET", second.port(), "/download/" + rid, basic, null)).path("links").get(0);
            HttpResponse<byte[]> input = HTTP.send(HttpRequest.newBuilder(URI.create(link.path("input").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(Files.size(VIDEO), input.body().length, "the upload survived the crash");
        } finally {
            ServeCommandTest.stop(second.process());
        }
    }

    private static HttpResponse<String> send(String method, int port, String path, String basic, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.request().uri() + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
