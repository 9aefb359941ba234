package io.anim3d.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.api.SettableClock;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.ApiServer;
import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} and request timing over real HTTP: an {@link ApiServer} with the module on
 * a free port, H2 in a temporary directory, and a test module with a path-parameter route (like
 * {@code /status/{rids}}) behind authentication and one that fails.
 */
class MetricsHttpTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String DURATION = MetricsRegistry.HTTP_DURATION;
    static final String REQUESTS = MetricsRegistry.HTTP_REQUESTS;

    @TempDir
    Path dir;
    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    Database db;
    ClientStore clients;
    Credentials alice;
    MetricsRegistry registry;
    ApiServer server;
    int port;

    @BeforeEach
    void start() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
        alice = clients.create("alice");
        registry = new MetricsRegistry();
        ServerConfig config = new ServerConfig(dir, 0, Duration.ofMinutes(10), BigDecimal.ONE);
        server = new ApiServer(config, db, clients, new Credits(db, clock), clock);
        server.add(new MetricsModule(server.context(), registry));
        server.add((routes, authenticated) -> {
            routes.get("/things/{id}", authenticated.apply((ctx, c) -> Map.of("thing", ctx.pathParam("id"))));
            routes.get("/broken/{id}", ctx -> {
                throw new IllegalStateException("broken on purpose");
            });
        });
        server.start(0);
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    record Answer(int status, String contentType, String body) {
    }

    Answer get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((alice.clientId() + ":" + alice.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    Answer scrapeAnswer() {
        Answer a = get(MetricsModule.PATH);
        assertEquals(200, a.status(), "/metrics status, body " + a.body());
        return a;
    }

    Map<String, PromText.Family> scrape() {
        return PromText.parse(scrapeAnswer().body());
    }

    static double requests(Map<String, PromText.Family> m, String method, String route, String status) {
        return m.get(REQUESTS).value(REQUESTS, "method", method, "route", route, "status", status);
    }

    @Test
    void contentTypeIsTheTextFormatAndNeedsNoCredentials() {
        Answer a = scrapeAnswer();
        assertEquals("text/plain; version=0.0.4; charset=utf-8", a.contentType(), "Content-Type of /metrics");
        Map<String, PromText.Family> m = PromText.parse(a.body());
        for (String name : new String[] {DURATION, REQUESTS, MetricsRegistry.JOB_PROCESSING, "anim3d_jobs",
            "anim3d_job_queue_length", "anim3d_uptime_seconds", "jvm_memory_heap_used_bytes", "process_start_time_seconds"}) {
            assertTrue(m.containsKey(name), "family " + name + " missing; families: " + m.keySet());
        }
        assertTrue(m.get("jvm_memory_heap_used_bytes").value("jvm_memory_heap_used_bytes") > 0, "heap used");
        assertTrue(m.get("anim3d_uptime_seconds").value("anim3d_uptime_seconds") > 0, "uptime");
        assertEquals("histogram", m.get(DURATION).type());
        assertEquals("counter", m.get(REQUESTS).type());
        assertEquals("gauge", m.get("anim3d_jobs").type());
    }

    @Test
    void requestsAreCountedByRouteTemplateNeverByRawPath() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/health").status());
        }
        assertEquals(200, get("/things/abc-123", "Authorization", basic()).status());
        assertEquals(200, get("/things/def-456", "Authorization", basic()).status());
        assertEquals(401, get("/things/ghi-789").status(), "no credentials");
        assertEquals(404, get("/no/such/path/" + alice.clientId()).status());
        assertEquals(404, get("/another/unknown/xyz").status());
        assertEquals(500, get("/broken/1").status());
        scrapeAnswer(); // counted in the next scrape, not in its own (it is recorded once answered)

        String body = scrapeAnswer().body();
        Map<String, PromText.Family> m = PromText.parse(body);
        assertEquals(3, requests(m, "GET", "/health", "2xx"), "/health requests");
        assertEquals(2, requests(m, "GET", "/things/{id}", "2xx"), "authorised /things/{id} requests");
        assertEquals(1, requests(m, "GET", "/things/{id}", "4xx"), "refused /things/{id} requests");
        assertEquals(2, requests(m, "GET", MetricsModule.UNMATCHED, "4xx"), "unknown paths share one label");
        assertEquals(1, requests(m, "GET", "/broken/{id}", "5xx"), "failing route");
        assertEquals(1, requests(m, "GET", MetricsModule.PATH, "2xx"), "the earlier scrape (this one is not yet done)");
        for (String leaked : new String[] {"abc-123", "def-456", "ghi-789", "/no/such", "/another", alice.clientId()}) {
            assertFalse(body.contains(leaked), "/metrics must not contain '" + leaked + "':\n" + body);
        }
        assertEquals(3, m.get(DURATION).value(DURATION + "_count", "method", "GET", "route", "/health", "status", "2xx"),
                "histogram count of /health");
        assertTrue(PromText.assertHistogramsConsistent(m) >= 7, "histogram series checked");
    }

    @Test
    void histogramsStayConsistentWhileRequestsRunInParallel() throws Exception {
        int threads = 4;
        int each = 50;
        Thread[] workers = new Thread[threads];
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    if (get("/health").status() != 200) {
                        failures.incrementAndGet();
                    }
                }
            });
            workers[t].start();
        }
        int scrapes = 0;
        while (anyAlive(workers)) { // scrapes taken mid-flight must be consistent too
            PromText.assertHistogramsConsistent(scrape());
            scrapes++;
        }
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(0, failures.get(), "failed /health requests");
        Map<String, PromText.Family> m = scrape();
        PromText.assertHistogramsConsistent(m);
        assertEquals(threads * each, requests(m, "GET", "/health", "2xx"), "all /health requests counted");
        assertEquals(scrapes, requests(m, "GET", MetricsModule.PATH, "2xx"), "earlier scrapes counted");
        double sum = m.get(DURATION).value(DURATION + "_sum", "method", "GET", "route", "/health", "status", "2xx");
        assertTrue(sum > 0 && sum < threads * each * 30.0, "sum of /health seconds " + sum);
    }

    private static boolean anyAlive(Thread[] threads) {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void jobGaugesCountRowsByStateAndAreCachedForOneSecond() {
        Map<String, PromText.Family> before = scrape();
        for (String s : new String[] {"QUEUED", "PROGRESS", "SUCCESS", "FAILURE"}) {
            assertEquals(0, before.get("anim3d_jobs").value("anim3d_jobs", "state", s), "empty database, " + s);
        }
        assertEquals(1, before.get("anim3d_database_up").value("anim3d_database_up"));
        clock.advance(Duration.ofSeconds(1));

        Credentials bob = clients.create("bob");
        insertJobs(alice.clientId(), "QUEUED", 2);
        insertJobs(bob.clientId(), "QUEUED", 1);
        insertJobs(alice.clientId(), "PROGRESS", 1);
        insertJobs(bob.clientId(), "SUCCESS", 4);
        Map<String, PromText.Family> m = scrape();
        assertEquals(3, m.get("anim3d_jobs").value("anim3d_jobs", "state", "QUEUED"));
        assertEquals(1, m.get("anim3d_jobs").value("anim3d_jobs", "state", "PROGRESS"));
        assertEquals(4, m.get("anim3d_jobs").value("anim3d_jobs", "state", "SUCCESS"));
        assertEquals(0, m.get("anim3d_jobs").value("anim3d_jobs", "state", "FAILURE"));
        assertEquals(3, m.get("anim3d_job_queue_length").value("anim3d_job_queue_length"));

        insertJobs(alice.clientId(), "FAILURE", 1);
        clock.advance(Duration.ofMillis(999));
        assertEquals(0, scrape().get("anim3d_jobs").value("anim3d_jobs", "state", "FAILURE"),
                "within a second the cached counts are served");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, scrape().get("anim3d_jobs").value("anim3d_jobs", "state", "FAILURE"),
                "after a second the counts are read again");
        String body = scrapeAnswer().body();
        assertFalse(body.contains(alice.clientId()) || body.contains(bob.clientId()), "client ids leaked:\n" + body);
        assertFalse(body.contains("job-"), "job ids leaked:\n" + body);
    }

    @Test
    void jobProcessingTimeIsAHistogramByOutcome() {
        Map<String, PromText.Family> m = scrape();
        String name = MetricsRegistry.JOB_PROCESSING;
        assertEquals(0, m.get(name).value(name + "_count", "outcome", "SUCCESS"), "declared before any job");
        registry.jobFinished("SUCCESS", 12.5);
        registry.jobFinished("SUCCESS", 0.4);
        registry.jobFinished("FAILURE", 4000);
        m = scrape();
        PromText.assertHistogramsConsistent(m);
        PromText.Family f = m.get(name);
        assertEquals(2, f.value(name + "_count", "outcome", "SUCCESS"));
        assertEquals(12.9, f.value(name + "_sum", "outcome", "SUCCESS"), 1e-9);
        assertEquals(1, f.value(name + "_bucket", "outcome", "SUCCESS", "le", "1"), "0.4 s is at most 1 s");
        assertEquals(1, f.value(name + "_bucket", "outcome", "SUCCESS", "le", "10"), "12.5 s is above 10 s");
        assertEquals(2, f.value(name + "_bucket", "outcome", "SUCCESS", "le", "20"));
        assertEquals(0, f.value(name + "_bucket", "outcome", "FAILURE", "le", "3600"), "4000 s is above the last bound");
        assertEquals(1, f.value(name + "_bucket", "outcome", "FAILURE", "le", "+Inf"));
    }

    private void insertJobs(String clientId, String state, int n) {
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO jobs (id, client_id, input_key, input_name,"
                    + " input_size, input_duration_ms, params_json, state, step, total, attempt, warnings_json,"
                    + " cost_milli, created_at_ms, updated_at_ms) VALUES (?, ?, 'uploads/x', 'x.mp4', 1, 1000, '[]',"
                    + " ?, 0, 1, 1, '[]', 0, 0, 0)")) {
                for (int i = 0; i < n; i++) {
                    st.setString(1, "job-" + java.util.UUID.randomUUID());
                    st.setString(2, clientId);
                    st.setString(3, state);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }
}
