package io.anim3d.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The store's rules, run on H2 ({@link WebhookStoreTest}) and on PostgreSQL ({@link PostgresWebhooksTest}). */
final class WebhookStoreScenarios {
    private final Database db;
    private final Clock clock = Clock.systemUTC();
    private final WebhookStore store;
    private final ClientStore clients;

    WebhookStoreScenarios(Database db) {
        this.db = db;
        this.store = new WebhookStore(db, clock);
        this.clients = new ClientStore(db, clock, new ClientStore.Options(10_000, Duration.ofMinutes(1), 100));
    }

    private String newClient() {
        return clients.create("client").clientId();
    }

    private WebhookEndpoint endpoint(String clientId) {
        return store.create(clientId, "http://127.0.0.1:9/hook", List.of(WebhookEvents.JOB_COMPLETED), 16).orElseThrow();
    }

    void endpointsRoundTripAndStayWithTheirClient() {
        String a = newClient();
        String b = newClient();
        WebhookEndpoint e = endpoint(a);
        assertEquals(Optional.of(e), store.find(a, e.id()), "found as stored");
        assertEquals(Optional.empty(), store.find(b, e.id()), "not another client's");
        assertEquals(List.of(e), store.list(a));
        assertEquals(List.of(), store.list(b));
        assertEquals(Optional.empty(), store.update(b, e.id(), "http://127.0.0.1:10/x", null), "no update of another's");
        assertFalse(store.delete(b, e.id()), "no delete of another's");

        WebhookEndpoint moved = store.update(a, e.id(), "http://127.0.0.1:10/x", null).orElseThrow();
        assertEquals("http://127.0.0.1:10/x", moved.url());
        assertEquals(e.events(), moved.events(), "null keeps the events");
        assertEquals(e.secret(), moved.secret(), "the secret stays");
        WebhookEndpoint same = store.update(a, e.id(), null, List.of(WebhookEvents.JOB_COMPLETED)).orElseThrow();
        assertEquals(moved.url(), same.url(), "null keeps the url");
        assertEquals(List.of(e.id()), store.subscribed(a, WebhookEvents.JOB_COMPLETED).stream()
                .map(WebhookEndpoint::id).toList(), "subscribed to job.completed");
        assertTrue(store.delete(a, e.id()));
        assertEquals(List.of(), store.list(a));
    }

    /** Eight threads race for the last places: the limit holds exactly. */
    void theLimitHoldsUnderConcurrentCreation() throws Exception {
        String a = newClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> store.create(a, "http://127.0.0.1:9/", List.of(WebhookEvents.JOB_COMPLETED), 5)
                        .isPresent()));
            }
            int created = 0;
            for (Future<Boolean> f : results) {
                created += f.get() ? 1 : 0;
            }
            assertEquals(5, created, "created of 8 attempts with a limit of 5");
            assertEquals(5, store.list(a).size());
        } finally {
            pool.shutdownNow();
        }
    }

    void anEventIsQueuedOncePerEndpoint() {
        String a = newClient();
        WebhookEndpoint e = endpoint(a);
        assertTrue(store.enqueue(e, WebhookEvents.JOB_COMPLETED, "rid-1", "{}"));
        assertFalse(store.enqueue(e, WebhookEvents.JOB_COMPLETED, "rid-1", "{}"), "the same job again");
        assertTrue(store.enqueue(e, WebhookEvents.JOB_COMPLETED, "rid-2", "{}"));
        WebhookEndpoint other = endpoint(a);
        assertTrue(store.enqueue(other, WebhookEvents.JOB_COMPLETED, "rid-1", "{}"), "the same job at another endpoint");
        assertEquals(2, store.deliveries(a, e.id()).size());
        assertTrue(store.delete(a, e.id()));
        assertEquals(List.of(), store.deliveries(a, e.id()), "deleted with their endpoint");
        assertEquals(1, store.deliveries(a, other.id()).size(), "the other endpoint's stay");
    }

    /** Four claimers at once: every due row is claimed by exactly one of them. */
    void concurrentClaimsTakeEachRowOnce() throws Exception {
        String a = newClient();
        WebhookEndpoint e = endpoint(a);
        int rows = 60;
        for (int i = 0; i < rows; i++) {
            store.enqueue(e, WebhookEvents.JOB_COMPLETED, "rid-" + i, "{\"n\":" + i + "}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> claimers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String token = "claimer-" + t;
                claimers.add(() -> {
                    List<String> mine = new ArrayList<>();
                    long leaseUntil = clock.millis() + 60_000;
                    for (List<WebhookStore.Due> got = store.claimDue(7, token, leaseUntil); !got.isEmpty();
                            got = store.claimDue(7, token, leaseUntil)) {
                        got.forEach(d -> mine.add(d.delivery().id()));
                    }
                    return mine;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(claimers)) {
                all.addAll(f.get());
            }
            Set<String> distinct = new HashSet<>(all);
            assertEquals(all.size(), distinct.size(), "a row claimed twice: " + all);
            assertEquals(rows, distinct.size(), "every row claimed");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), store.claimDue(100, "late", clock.millis() + 60_000), "all leased: nothing left to claim");
    }

    void aLostLeaseCannotRecordAndFailuresWaitForTheirTime() {
        String a = newClient();
        WebhookEndpoint e = endpoint(a);
        store.enqueue(e, WebhookEvents.JOB_COMPLETED, "rid-lease", "{}");
        List<WebhookStore.Due> first = store.claimDue(10, "A", clock.millis() - 1); // a lease that has already run out
        assertEquals(1, first.size());
        assertEquals("http://127.0.0.1:9/hook", first.get(0).url(), "the endpoint's URL comes with the claim");
        assertEquals(e.secret(), first.get(0).secret());
        String id = first.get(0).delivery().id();
        List<WebhookStore.Due> second = store.claimDue(10, "B", clock.millis() + 60_000);
        assertEquals(1, second.size(), "an expired lease is claimed again");
        assertEquals(List.of(), store.claimDue(10, "C", clock.millis() + 60_000), "B's lease holds");
        assertFalse(store.delivered(id, "A", 200), "A lost its claim and records nothing");
        assertTrue(store.failed(id, "B", 500, "HTTP 500", clock.millis() + 60_000), "B records its failure");
        WebhookDelivery d = store.deliveries(a, e.id()).get(0);
        assertEquals(DeliveryState.PENDING, d.state());
        assertEquals(1, d.attempts());
        assertEquals(500, d.lastStatus());
        assertEquals(List.of(), store.claimDue(10, "D", clock.millis() + 60_000), "not due before its next attempt");
        assertFalse(store.release(id, "B"), "nothing to release once recorded");
    }

    void givenUpAndDeliveredRowsArePruned() {
        String a = newClient();
        WebhookEndpoint e = endpoint(a);
        store.enqueue(e, WebhookEvents.JOB_COMPLETED, "ok", "{}");
        store.enqueue(e, WebhookEvents.JOB_COMPLETED, "bad", "{}");
        store.enqueue(e, WebhookEvents.JOB_COMPLETED, "waiting", "{}");
        for (WebhookStore.Due due : store.claimDue(10, "T", clock.millis() + 60_000)) {
            switch (due.delivery().subjectId()) {
                case "ok" -> assertTrue(store.delivered(due.delivery().id(), "T", 200));
                case "bad" -> assertTrue(store.failed(due.delivery().id(), "T", null, "x".repeat(2000), null));
                default -> assertTrue(store.release(due.delivery().id(), "T"));
            }
        }
        List<WebhookDelivery> rows = store.deliveries(a, e.id());
        assertEquals(WebhookStore.MAX_ERROR_CHARS, rows.stream().filter(r -> r.subjectId().equals("bad")).findFirst()
                .orElseThrow().lastError().length(), "a long error is cut");
        assertEquals(0, store.pruneFinished(clock.millis() - 60_000), "nothing finished that long ago");
        assertEquals(2, store.pruneFinished(clock.millis() + 1), "DELIVERED and GAVE_UP pruned");
        List<WebhookDelivery> left = store.deliveries(a, e.id());
        assertEquals(1, left.size());
        assertEquals("waiting", left.get(0).subjectId(), "PENDING stays");
    }
}
