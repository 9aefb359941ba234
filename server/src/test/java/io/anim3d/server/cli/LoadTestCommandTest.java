package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.ApiServer;
import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code anim3d loadtest} against a real {@link ApiServer} on a free port (briefly: counts must be
 * consistent, no timing is asserted), against the JDK's own HTTP server for chunked and
 * closed-after-response answers, and its latency buckets.
 */
class LoadTestCommandTest {
    @TempDir
    Path dir;
    Database db;
    ClientStore clients;
    ApiServer server;
    int port;

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
        server = new ApiServer(new ServerConfig(dir, 0, Duration.ofMinutes(10), BigDecimal.ONE), db, clients,
                new Credits(db, clock), clock).start(0);
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    static LoadTestCommand.Plan plan(String url, int connections, String... headers) {
        return new LoadTestCommand.Plan(URI.create(url), List.of(headers), connections, Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    static void assertConsistent(LoadTestCommand.Report r, String what) {
        assertTrue(r.responses() > 0, what + ": no responses in a second: " + r);
        assertEquals(r.responses(), r.latencies().count(), what + ": one latency per counted response");
        LoadTestCommand.Latencies l = r.latencies();
        assertTrue(0 < l.p50() && l.p50() <= l.p90() && l.p90() <= l.p99() && l.p99() <= l.max(),
                what + ": quantiles must be positive and ordered: " + l);
        assertEquals(r.responses() / r.seconds(), r.requestsPerSecond(), 1e-9, what);
        assertEquals(Runtime.getRuntime().availableProcessors(), r.cores());
    }

    @Test
    void healthOverKeepAliveConnections() throws Exception {
        LoadTestCommand.Report r = LoadTestCommand.run(plan("http://127.0.0.1:" + port + "/health", 4));
        assertConsistent(r, "/health");
        assertEquals(r.responses(), r.ok(), "every /health answer is 200: " + r.statuses());
        assertEquals(0, r.errors(), "errors, first: " + r.firstError());
        assertEquals(4, r.opened(), "each connection stays open for the whole run");
    }

    @Test
    void headersAreSentAndOtherStatusesAreCountedNotErrors() throws Exception {
        Credentials alice = clients.create("alice");
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (alice.clientId() + ":" + alice.secret()).getBytes(StandardCharsets.UTF_8));
        String url = "http://127.0.0.1:" + port + "/account/creditBalance";
        LoadTestCommand.Report withAuth = LoadTestCommand.run(plan(url, 2, basic));
        assertConsistent(withAuth, "with credentials");
        assertEquals(withAuth.responses(), withAuth.ok(), "with credentials: " + withAuth.statuses());

        LoadTestCommand.Report without = LoadTestCommand.run(plan(url, 2));
        assertConsistent(without, "without credentials");
        assertEquals(0, without.ok());
        assertEquals(without.responses(), without.statuses().get(401), "all 401: " + without.statuses());
        assertEquals(0, without.errors(), "a 401 is an answer, not an error");
    }

    @Test
    void commandLinePrintsTheReport() {
        CliRun run = CliRun.of("loadtest", "http://127.0.0.1:" + port + "/health", "--connections", "2",
                "--duration", "500ms", "--warmup", "0", "--header", "X-Test: 1");
        assertEquals(0, run.exitCode(), run.err());
        for (String expected : new String[] {"requests/s", "statuses    200: ", "errors      0", "p50", "p99", "max",
            "cores       " + Runtime.getRuntime().availableProcessors()}) {
            assertTrue(run.out().contains(expected), "'" + expected + "' missing from:\n" + run.out());
        }
    }

    @Test
    void wrongArgumentsAndUnreachableServersFailWithAMessage() throws IOException {
        CliRun header = CliRun.of("loadtest", "http://127.0.0.1:" + port + "/health", "--header", "no colon here");
        assertEquals(Main.EXIT_INPUT, header.exitCode());
        assertTrue(header.err().contains("Name: value"), header.err());

        CliRun scheme = CliRun.of("loadtest", "ftp://127.0.0.1/x");
        assertEquals(Main.EXIT_INPUT, scheme.exitCode());
        assertTrue(scheme.err().contains("http://"), scheme.err());

        CliRun time = CliRun.of("loadtest", "http://127.0.0.1:" + port + "/health", "--duration", "soon");
        assertTrue(time.exitCode() != 0 && time.err().contains("10s"), time.err());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun refused = CliRun.of("loadtest", "http://127.0.0.1:" + closed + "/health", "--connections", "2",
                "--duration", "300ms", "--warmup", "0");
        assertEquals(Main.EXIT_INPUT, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("no request got an answer") && refused.err().contains("Connect"), refused.err());
        assertFalse(refused.out().contains("errors      0 "), refused.out());
    }

    @Test
    void chunkedAndConnectionCloseAnswersAreReadWhole() throws Exception {
        HttpServer jdk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new byte[40_000]; // more than the client's buffer, in several chunks
        new Random(1).nextBytes(body);
        jdk.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // 0 = chunked
            try (OutputStream o = ex.getResponseBody()) {
                for (int i = 0; i < body.length; i += 7_000) {
                    o.write(body, i, Math.min(7_000, body.length - i));
                    o.flush();
                }
            }
        });
        jdk.createContext("/close", ex -> {
            ex.getResponseHeaders().set("Connection", "close");
            ex.sendResponseHeaders(404, 3);
            try (OutputStream o = ex.getResponseBody()) {
                o.write("no\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
        jdk.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        jdk.start();
        try {
            String base = "http://127.0.0.1:" + jdk.getAddress().getPort();
            LoadTestCommand.Report chunked = LoadTestCommand.run(plan(base + "/chunked", 2));
            assertConsistent(chunked, "chunked");
            assertEquals(chunked.responses(), chunked.ok(), "chunked: " + chunked.statuses());
            assertEquals(0, chunked.errors(), "chunked, first error: " + chunked.firstError());
            assertEquals(2, chunked.opened(), "chunked answers keep the connection");

            LoadTestCommand.Report close = LoadTestCommand.run(plan(base + "/close", 2));
            assertConsistent(close, "Connection: close");
            assertEquals(close.responses(), close.statuses().get(404), "close: " + close.statuses());
            assertEquals(0, close.errors(), "close, first error: " + close.firstError());
            assertTrue(close.opened() >= close.responses(), "one connection per answer: opened " + close.opened()
                    + " for " + close.responses() + " counted answers");
        } finally {
            jdk.stop(0);
            ((java.util.concurrent.ExecutorService) jdk.getExecutor()).shutdownNow();
        }
    }

    @Test
    void latencyBucketsAreWithinTheirRelativeError() {
        LoadTestCommand.LatencyBuckets b = new LoadTestCommand.LatencyBuckets();
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long v = (long) Math.exp(random.nextDouble() * 25); // 1 µs to ~20 h
            int index = LoadTestCommand.LatencyBuckets.index(v);
            long high = LoadTestCommand.LatencyBuckets.highest(index);
            assertTrue(high >= v && high - v <= v / LoadTestCommand.LatencyBuckets.SUB,
                    "bucket " + index + " of " + v + " µs ends at " + high);
            if (index > 0) {
                assertTrue(LoadTestCommand.LatencyBuckets.highest(index - 1) < v, "the bucket below must end before " + v);
            }
        }
        for (long v = 1; v <= 1000; v++) { // 1 µs .. 1 ms uniformly
            b.record(v);
        }
        assertEquals(1000, b.count());
        assertEquals(0.5, b.quantileMillis(0.5), 0.5 / 64 + 1e-9, "p50 of 1..1000 µs");
        assertEquals(0.99, b.quantileMillis(0.99), 0.99 / 64 + 1e-9, "p99");
        assertEquals(1.0, b.maxMillis(), 1e-12, "max is exact");
        assertNotNull(b);
    }
}
