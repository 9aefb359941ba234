package io.anim3d.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.ApiServer;
import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.server.net.OutboundTargets;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries to real receivers on 127.0.0.1 (JDK HttpServer), with short retry waits. Only
 * loopback addresses are ever called.
 */
class WebhookDeliveryTest {
    /** Waits short enough for tests: three attempts in all. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(150), Duration.ofMillis(300));
    static final WebhookDispatcher.Options OPTIONS = new WebhookDispatcher.Options(BACKOFF, Duration.ofMillis(50),
            Duration.ofSeconds(10), 4, 2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofDays(1));
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    final Clock clock = Clock.systemUTC();
    Database db;
    ClientStore clients;
    WebhookStore store;
    Credentials alice;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
        store = new WebhookStore(db, clock);
        alice = clients.create("alice");
    }

    @AfterEach
    void close() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        db.close();
    }

    <T extends AutoCloseable> T closing(T c) {
        toClose.add(c);
        return c;
    }

    WebhookDispatcher dispatcher(boolean allowPrivate, WebhookDispatcher.Options options) {
        WebhookDispatcher d = closing(new WebhookDispatcher(db, new OutboundTargets(allowPrivate), options, clock));
        d.start();
        return d;
    }

    WebhookEndpoint endpoint(Credentials who, String url) {
        return store.create(who.clientId(), url, List.of(WebhookEvents.JOB_COMPLETED), 16).orElseThrow();
    }

    @Test
    void anEndpointCreatedOverTheApiReceivesASignedJobCompleted() throws Exception {
        Receiver receiver = closing(Receiver.answering(200));
        ServerConfig config = new ServerConfig(dir, 0, Duration.ofMinutes(10), BigDecimal.ONE).withAllowPrivateTargets(true);
        ApiServer server = new ApiServer(config, db, clients, new Credits(db, clock), clock);
        server.add(new WebhookRoutes(server.context())).start(0);
        toClose.add(server::stop);
        JsonNode created = new ApiCalls(server.port(), alice).create(receiver.url("/hook?k=v"));
        String secret = created.path("secret").asText();

        dispatcher(true, OPTIONS).jobCompleted(alice.clientId(), "rid-0001", true);
        waitFor(() -> receiver.count() == 1, "the delivery");
        Receiver.Request r = receiver.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/hook", r.path());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(alice.clientId(), r.header("X-DeepMotion-Signature"), "the spec's header is the client id");
        assertEquals("sha256=" + hmacHex(secret, r.body()), r.header("X-Anim3d-Signature"),
                "HMAC-SHA256 of the raw body received, keyed by the secret from create");
        JsonNode body = JSON.readTree(r.body());
        assertEquals("job.completed", body.path("eventType").asText(), "body " + body);
        assertEquals("rid-0001", body.path("data").path("taskId").asText(), "body " + body);
        assertEquals("success", body.path("data").path("status").asText(), "body " + body);
        assertEquals(2, body.size(), "only eventType and data: " + body);

        String id = created.path("id").asText();
        waitFor(() -> store.deliveries(alice.clientId(), id).get(0).state() == DeliveryState.DELIVERED, "DELIVERED");
        WebhookDelivery d = store.deliveries(alice.clientId(), id).get(0);
        assertEquals(1, d.attempts());
        assertEquals(200, d.lastStatus());
        assertEquals(d.id(), r.header("X-Anim3d-Delivery"), "the delivery id travels for de-duplication");
    }

    @Test
    void aFailedJobIsReportedAsFailureToEveryEndpointOfTheClientOnly() throws Exception {
        Receiver one = closing(Receiver.answering(200));
        Receiver two = closing(Receiver.answering(204));
        Receiver bobs = closing(Receiver.answering(200));
        WebhookEndpoint e1 = endpoint(alice, one.url("/a"));
        WebhookEndpoint e2 = endpoint(alice, two.url("/b"));
        endpoint(clients.create("bob"), bobs.url("/bob"));

        WebhookDispatcher d = dispatcher(true, OPTIONS);
        d.jobCompleted(alice.clientId(), "rid-failed", false);
        d.jobCompleted(alice.clientId(), "rid-failed", false); // a second notice of the same job queues nothing
        waitFor(() -> one.count() == 1 && two.count() == 1, "both of alice's endpoints");
        for (Receiver.Request r : List.of(one.requests().get(0), two.requests().get(0))) {
            JsonNode body = JSON.readTree(r.body());
            assertEquals("failure", body.path("data").path("status").asText(), "body " + body);
            assertEquals("rid-failed", body.path("data").path("taskId").asText(), "body " + body);
        }
        assertEquals("sha256=" + hmacHex(e1.secret(), one.requests().get(0).body()),
                one.requests().get(0).header("X-Anim3d-Signature"), "signed with endpoint one's secret");
        assertEquals("sha256=" + hmacHex(e2.secret(), two.requests().get(0).body()),
                two.requests().get(0).header("X-Anim3d-Signature"), "signed with endpoint two's own secret");
        waitFor(() -> store.deliveries(alice.clientId(), e2.id()).get(0).state() == DeliveryState.DELIVERED, "204 delivers");
        Thread.sleep(500);
        assertEquals(1, one.count(), "one delivery per job and endpoint");
        assertEquals(0, bobs.count(), "bob's endpoint hears nothing of alice's jobs");
    }

    @Test
    void failuresAreRetriedWithBackoffUntilA2xx() throws Exception {
        Receiver receiver = closing(Receiver.answering(500, 500, 200));
        WebhookEndpoint e = endpoint(alice, receiver.url("/flaky"));
        dispatcher(true, OPTIONS).jobCompleted(alice.clientId(), "rid-retry", true);

        waitFor(() -> receiver.count() == 3, "three attempts");
        waitFor(() -> store.deliveries(alice.clientId(), e.id()).get(0).state() == DeliveryState.DELIVERED, "DELIVERED");
        List<Receiver.Request> got = receiver.requests();
        for (Receiver.Request r : got) {
            assertEquals(new String(got.get(0).body(), StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8),
                    "every attempt sends the same bytes");
            assertEquals(got.get(0).header("X-Anim3d-Delivery"), r.header("X-Anim3d-Delivery"), "and the same delivery id");
            assertEquals("sha256=" + hmacHex(e.secret(), r.body()), r.header("X-Anim3d-Signature"));
        }
        assertTrue(got.get(1).atNanos() - got.get(0).atNanos() >= Duration.ofMillis(140).toNanos(),
                "the first retry waits the first backoff");
        assertTrue(got.get(2).atNanos() - got.get(1).atNanos() >= Duration.ofMillis(290).toNanos(),
                "the second retry waits the second backoff");
        WebhookDelivery d = store.deliveries(alice.clientId(), e.id()).get(0);
        assertEquals(3, d.attempts());
        assertEquals(200, d.lastStatus());
        Thread.sleep(500);
        assertEquals(3, receiver.count(), "nothing after the 2xx");
    }

    @Test
    void aDeliveryIsGivenUpAfterTheSchedule() throws Exception {
        Receiver receiver = closing(Receiver.answering(503));
        WebhookEndpoint e = endpoint(alice, receiver.url("/down"));
        dispatcher(true, OPTIONS).jobCompleted(alice.clientId(), "rid-gone", true);

        waitFor(() -> store.deliveries(alice.clientId(), e.id()).get(0).state() == DeliveryState.GAVE_UP, "GAVE_UP");
        WebhookDelivery d = store.deliveries(alice.clientId(), e.id()).get(0);
        assertEquals(BACKOFF.size() + 1, d.attempts(), "one attempt plus one per backoff wait");
        assertEquals(503, d.lastStatus());
        assertTrue(d.lastError().contains("503"), "last error: " + d.lastError());
        assertNotNull(d.finishedAtMs());
        Thread.sleep(800);
        assertEquals(BACKOFF.size() + 1, receiver.count(), "no attempt after giving up");
    }

    @Test
    void deadOrSlowEndpointsDelayNeitherTheCallerNorOtherClients() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // closed again at once: connecting is refused
        }
        Receiver slow = closing(Receiver.slow(Duration.ofSeconds(4)));
        Receiver healthy = closing(Receiver.answering(200));
        Credentials mallory = clients.create("mallory");
        WebhookEndpoint dead = endpoint(mallory, "http://127.0.0.1:" + deadPort + "/hook");
        WebhookEndpoint tooSlow = endpoint(mallory, slow.url("/slow"));
        WebhookEndpoint good = endpoint(alice, healthy.url("/ok"));
        WebhookDispatcher d = dispatcher(true, OPTIONS);

        long t0 = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            d.jobCompleted(mallory.clientId(), "rid-m" + i, true);
        }
        for (int i = 0; i < 5; i++) {
            d.jobCompleted(alice.clientId(), "rid-a" + i, i % 2 == 0);
        }
        long callMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(callMs < 2_000, "jobCompleted only queues; 9 calls took " + callMs + " ms");

        waitFor(() -> healthy.count() == 5, "all five of alice's events");
        long aliceMs = (System.nanoTime() - t0) / 1_000_000;
        // Mallory's slow endpoint needs 3 attempts x 2 s (request timeout) per event; his deliveries hold
        // at most 2 of the 4 senders, so alice's events do not wait for them.
        assertTrue(aliceMs < 1_500, "alice's events took " + aliceMs + " ms");
        waitFor(() -> store.deliveries(mallory.clientId(), dead.id()).stream().allMatch(x -> x.state() == DeliveryState.GAVE_UP),
                "the dead endpoint's deliveries given up");
        WebhookDelivery refused = store.deliveries(mallory.clientId(), dead.id()).get(0);
        assertNull(refused.lastStatus(), "no HTTP answer from a closed port");
        assertTrue(refused.lastError().startsWith("Cannot connect"), "last error: " + refused.lastError());
        waitFor(() -> store.deliveries(mallory.clientId(), tooSlow.id()).stream().allMatch(x -> x.state() == DeliveryState.GAVE_UP),
                "the slow endpoint's deliveries given up (request timeout 2 s < 4 s answer)");
        String timeout = store.deliveries(mallory.clientId(), tooSlow.id()).get(0).lastError();
        assertTrue(timeout.startsWith("No answer in time"), "timeout error: " + timeout);
        assertTrue(store.deliveries(alice.clientId(), good.id()).stream().allMatch(x -> x.state() == DeliveryState.DELIVERED));
    }

    @Test
    void jobCompletedNeverThrows() {
        WebhookDispatcher d = new WebhookDispatcher(db, new OutboundTargets(true), OPTIONS, clock);
        d.jobCompleted("no-such-client", "rid-x", true);
        d.jobCompleted(null, null, false);
        endpoint(alice, "http://127.0.0.1:9/never-called");
        d.jobCompleted(alice.clientId(), null, true); // a null rid cannot be queued: logged and dropped
        db.close();
        d.jobCompleted(alice.clientId(), "rid-db-closed", true); // the database is gone: logged and dropped
        d.close();
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
    }

    @Test
    void aPrivateTargetIsRefusedAtDeliveryTimeWhenNotAllowed() throws Exception {
        Receiver receiver = closing(Receiver.answering(200));
        // Stored while private targets were allowed (or while its name resolved to a public address).
        WebhookEndpoint e = endpoint(alice, receiver.url("/private"));
        dispatcher(false, OPTIONS).jobCompleted(alice.clientId(), "rid-private", true);

        waitFor(() -> store.deliveries(alice.clientId(), e.id()).get(0).state() == DeliveryState.GAVE_UP, "GAVE_UP");
        WebhookDelivery d = store.deliveries(alice.clientId(), e.id()).get(0);
        assertTrue(d.lastError().contains("loopback"), "last error names the reason: " + d.lastError());
        assertEquals(0, receiver.count(), "no connection was made");
    }

    @Test
    void twoDispatchersOnOneDatabaseSendEachDeliveryOnce() throws Exception {
        Receiver receiver = closing(Receiver.answering(200));
        endpoint(alice, receiver.url("/a"));
        endpoint(alice, receiver.url("/b"));
        // A second "process": its own connection pool on the same H2 database.
        Database other = closing(Database.open(DatabaseOptions.h2InDataDirectory(dir)));
        WebhookDispatcher d1 = dispatcher(true, OPTIONS);
        WebhookDispatcher d2 = closing(new WebhookDispatcher(other, new OutboundTargets(true), OPTIONS, clock));
        d2.start();
        int jobs = 25;
        for (int i = 0; i < jobs; i++) {
            (i % 2 == 0 ? d1 : d2).jobCompleted(alice.clientId(), "rid-" + i, true);
        }
        waitFor(() -> receiver.count() >= 2 * jobs, "every delivery");
        Thread.sleep(500);
        List<String> ids = receiver.requests().stream().map(r -> r.header("X-Anim3d-Delivery")).toList();
        assertEquals(2 * jobs, ids.size(), "requests received");
        assertEquals(2 * jobs, ids.stream().distinct().count(), "no delivery sent twice: " + ids);
    }

    @Test
    void deletingAnEndpointDropsItsPendingDeliveries() throws Exception {
        Receiver receiver = closing(Receiver.answering(500));
        WebhookEndpoint e = endpoint(alice, receiver.url("/gone"));
        WebhookDispatcher.Options slowRetries = OPTIONS.withBackoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        dispatcher(true, slowRetries).jobCompleted(alice.clientId(), "rid-del", true);
        waitFor(() -> receiver.count() == 1, "the first attempt");
        assertTrue(store.delete(alice.clientId(), e.id()));
        Thread.sleep(2_500);
        assertEquals(1, receiver.count(), "no retry to a deleted endpoint");
        assertEquals(List.of(), store.deliveries(alice.clientId(), e.id()));
    }

    @Test
    void closingHandsRunningAttemptsBackToTheQueue() throws Exception {
        Receiver slow = closing(Receiver.slow(Duration.ofSeconds(6)));
        WebhookEndpoint e = endpoint(alice, slow.url("/slow"));
        WebhookDispatcher.Options patient = new WebhookDispatcher.Options(BACKOFF, Duration.ofMillis(50),
                Duration.ofSeconds(60), 4, 2, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(1));
        WebhookDispatcher d = new WebhookDispatcher(db, new OutboundTargets(true), patient, clock);
        d.start();
        d.jobCompleted(alice.clientId(), "rid-close", true);
        waitFor(() -> slow.count() == 1, "the attempt under way");
        long t0 = System.nanoTime();
        d.close();
        long closeMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(closeMs < 5_000, "close waits briefly, not for the receiver: " + closeMs + " ms");
        WebhookDelivery left = store.deliveries(alice.clientId(), e.id()).get(0);
        assertEquals(DeliveryState.PENDING, left.state(), "still queued");
        assertEquals(0, left.attempts(), "the cancelled attempt does not count");
        // Released, not leased for 60 s: the next dispatcher sends it at once.
        WebhookDispatcher next = dispatcher(true, OPTIONS.withBackoff(List.of()));
        waitFor(() -> slow.count() == 2, "sent again by the next dispatcher");
        next.close();
    }

    /** Hex HMAC-SHA256, computed here independently of {@link WebhookSignature}. */
    static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
