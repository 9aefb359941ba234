package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real job's {@code job.completed} reaches a real HTTP listener, signed as documented, while an
 * endpoint that is down changes nothing for the job.
 */
class JobsWebhookTest {
    @TempDir
    Path dir;

    record Received(String body, String deepMotionSignature, String anim3dSignature) {
    }

    @Test
    void completedJobsAreDeliveredSignedAndADeadEndpointDoesNotMatter() throws Exception {
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-DeepMotion-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Anim3d-Signature")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: connections to it are refused
        }
        ServerConfig config = new ServerConfig(dir, 0, Duration.ofMinutes(60), BigDecimal.ONE).withAllowPrivateTargets(true);
        try (JobFixture f = new JobFixture(dir, config)) {
            JobFixture.User alice = f.user("alice", "5");
            JsonNode dead = f.ok(f.postJson(alice, "/webhook_endpoints", "{\"url\": \"http://127.0.0.1:" + deadPort
                    + "/down\", \"events\": [\"job.completed\"]}"), "create dead endpoint");
            assertTrue(dead.path("id").isTextual());
            JsonNode live = f.ok(f.postJson(alice, "/webhook_endpoints", "{\"url\": \"http://127.0.0.1:"
                    + listener.getAddress().getPort() + "/hook\", \"events\": [\"job.completed\"]}"), "create endpoint");
            String secret = live.path("secret").asText();
            assertTrue(secret.length() >= 32, "a secret is returned at creation: " + live);

            String rid = f.submit(alice, "url", f.upload(alice, JobsApiTest.VIDEO), "formats=bvh");
            assertEquals("SUCCESS", f.await(alice, rid, JobsApiTest.JOB_TIMEOUT).path("status").asText(),
                    "the job succeeds although one endpoint is down");
            Received r = received.poll(30, TimeUnit.SECONDS);
            assertNotNull(r, "job.completed was not delivered within 30 s");
            JsonNode event = JobFixture.JSON.readTree(r.body());
            assertEquals("job.completed", event.path("eventType").asText(), r.body());
            assertEquals(rid, event.path("data").path("taskId").asText(), r.body());
            assertEquals("success", event.path("data").path("status").asText(), r.body());
            assertEquals(alice.id(), r.deepMotionSignature(), "X-DeepMotion-Signature is the client id");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, r.anim3dSignature(), "X-Anim3d-Signature over the raw body");

            // Another client's webhooks are invisible.
            JobFixture.User bob = f.user("bob", "0");
            assertEquals(0, f.ok(f.get(bob, "/webhook_endpoints"), "bob's endpoints").path("count").asInt());
            assertEquals(404, f.get(bob, "/webhook_endpoints/" + live.path("id").asText()).status());
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void anEventLostToACrashIsQueuedByTheNextProcess() throws Exception {
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/hook", exchange -> {
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-DeepMotion-Signature"), null));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        ServerConfig config = new ServerConfig(dir, 0, Duration.ofMinutes(60), BigDecimal.ONE).withAllowPrivateTargets(true);
        try (JobFixture f = new JobFixture(dir, config)) {
            JobFixture.User alice = f.user("alice", "5");
            f.ok(f.postJson(alice, "/webhook_endpoints", "{\"url\": \"http://127.0.0.1:" + listener.getAddress().getPort()
                    + "/hook\", \"events\": [\"job.completed\"]}"), "create endpoint");
            // A job that a process finished and recorded, dying before it queued the event.
            long now = System.currentTimeMillis() + 1;
            f.service.jobs().insert(new io.anim3d.server.jobs.Job("lost-event", alice.id(), null, "uploads/x/y", "v.mp4",
                    1, 1000, java.util.List.of(), io.anim3d.server.jobs.JobState.SUCCESS, 100, 100, 1, null, null, null,
                    java.util.List.of(), java.util.List.of(), null, "male-young", 17, 17L, 1000L, now, now, now, now));
            // The next process on the database (here: a second dispatcher) finds and sends it at once.
            try (io.anim3d.server.webhooks.WebhookDispatcher next =
                         new io.anim3d.server.webhooks.WebhookDispatcher(f.service.context())) {
                next.start();
                Received r = received.poll(20, TimeUnit.SECONDS);
                assertNotNull(r, "the lost job.completed was not delivered");
                assertTrue(r.body().contains("\"taskId\":\"lost-event\"") && r.body().contains("\"success\""), r.body());
            }
            assertEquals(null, received.poll(2, TimeUnit.SECONDS), "delivered once");
        } finally {
            listener.stop(0);
        }
    }
}
