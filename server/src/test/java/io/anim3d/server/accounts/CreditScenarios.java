package io.anim3d.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Concurrency scenarios shared by the H2 and PostgreSQL tests. */
final class CreditScenarios {
    private CreditScenarios() {
    }

    /**
     * 20 threads each reserve 1 credit from a balance of 7.5 credits: exactly 7 must succeed, the
     * rest fail with {@link InsufficientCreditsException}, and nothing is overdrawn.
     */
    static void concurrentReservationsNeverOverdraw(ClientStore clients, Credits credits) throws Exception {
        String client = clients.create("concurrent").clientId();
        credits.grant(client, 7_500, "test budget");
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String job = "job-" + i;
            tasks.add(() -> {
                start.await();
                try {
                    return credits.reserve(client, 1_000, job);
                } catch (InsufficientCreditsException e) {
                    return null;
                }
            });
        }
        List<String> reserved = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            for (Future<String> f : futures) {
                String id = f.get();
                if (id != null) {
                    reserved.add(id);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(7, reserved.size(), "successful reservations of 1 credit from 7.5 credits");
        Balance b = credits.account(client);
        assertEquals(7_500, b.balanceMilli(), "balance after reservations (nothing charged yet)");
        assertEquals(7_000, b.reservedMilli(), "reserved after 7 reservations");
        assertEquals(500, b.availableMilli(), "available after 7 reservations");
        for (String id : reserved) {
            credits.charge(id, 1_000);
        }
        Balance after = credits.account(client);
        assertEquals(500, after.balanceMilli(), "balance after charging all 7");
        assertEquals(0, after.reservedMilli(), "reserved after charging all 7");
        assertTrue(after.balanceMilli() >= 0, "balance must never be negative");
        long ledgerSum = credits.ledger(client).stream().mapToLong(LedgerEntry::deltaMilli).sum();
        assertEquals(after.balanceMilli(), ledgerSum, "ledger sum vs balance");
    }

    /** 10 threads charge the same reservation at once: it is charged exactly once. */
    static void concurrentChargesOfOneReservationChargeOnce(ClientStore clients, Credits credits) throws Exception {
        String client = clients.create("double-charge").clientId();
        credits.grant(client, 10_000, "budget");
        String r = credits.reserve(client, 4_000, "retried-job");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Reservation>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(() -> credits.charge(r, 3_000));
            }
            for (Future<Reservation> f : pool.invokeAll(tasks)) {
                assertEquals(ReservationState.CHARGED, f.get().state(), "state seen by each charging thread");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(7_000, credits.balance(client), "balance after 10 concurrent charges of 3 credits (one counts)");
        assertEquals(7_000, credits.available(client), "available after the charge returned the unused credit");
    }
}
