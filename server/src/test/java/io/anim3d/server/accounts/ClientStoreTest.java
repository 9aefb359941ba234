package io.anim3d.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientStoreTest {
    @TempDir
    java.nio.file.Path dir;
    Database db;
    ClientStore store;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        store = new ClientStore(db, Clock.systemUTC(), ClientStore.Options.defaults());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createdCredentialsVerifyAndWrongOnesDoNot() {
        Credentials cr = store.create("studio");
        assertTrue(cr.clientId().matches("[0-9a-f]{32}"), "client id format: " + cr.clientId());
        assertTrue(cr.secret().matches("[A-Za-z0-9_-]{43}"), "secret must be 256-bit base64url, was length " + cr.secret().length());
        assertFalse(cr.toString().contains(cr.secret()), "toString must hide the secret");

        Optional<Client> ok = store.verify(cr.clientId(), cr.secret());
        assertEquals(Optional.of("studio"), ok.map(Client::name), "right secret");
        assertEquals(Optional.empty(), store.verify(cr.clientId(), cr.secret() + "x"), "secret with an extra char");
        assertEquals(Optional.empty(), store.verify(cr.clientId(), cr.secret().substring(1)), "secret missing a char");
        assertEquals(Optional.empty(), store.verify(cr.clientId(), ""), "empty secret");
        assertEquals(Optional.empty(), store.verify(cr.clientId(), null), "null secret");
        assertEquals(Optional.empty(), store.verify(cr.clientId().toUpperCase(), cr.secret()), "id in other case");
        Credentials other = store.create("other");
        assertEquals(Optional.empty(), store.verify(other.clientId(), cr.secret()), "another client's id with this secret");
    }

    @Test
    void secretIsStoredOnlyAsASaltedHash() {
        Credentials a = store.create("a");
        List<String> row = db.read(c -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM clients WHERE id = ?")) {
                ps.setString(1, a.clientId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.add(rs.getMetaData().getColumnName(i) + "=" + rs.getString(i));
                    }
                }
            }
            return values;
        });
        for (String v : row) {
            assertFalse(v.contains(a.secret()), "column holds the plain secret: " + v.replace(a.secret(), "<secret>"));
        }
        assertTrue(row.contains("HASH_ALGORITHM=PBKDF2WithHmacSHA256"), "algorithm column: " + row);
        assertTrue(row.contains("HASH_ITERATIONS=210000"), "iteration column: " + row);
    }

    @Test
    void unknownIdsCostOneSlowHashLikeKnownOnes() {
        Credentials cr = store.create("timed");
        long before = store.slowHashCount();
        assertEquals(Optional.empty(), store.verify("0123456789abcdef0123456789abcdef", cr.secret()), "unknown id");
        assertEquals(before + 1, store.slowHashCount(), "PBKDF2 runs for an unknown id (dummy hash)");
        assertEquals(Optional.empty(), store.verify("x".repeat(10_000), cr.secret()), "absurdly long id");
        assertEquals(before + 2, store.slowHashCount(), "PBKDF2 runs for an implausible id too");

        // Loose timing check on the slow path: medians of 5 (unknown id vs known id, wrong secret).
        long unknown = medianNanos(() -> store.verify("ffffffffffffffffffffffffffffffff", "guess"));
        long known = medianNanos(() -> store.verify(cr.clientId(), "guess"));
        double ratio = (double) unknown / known;
        System.out.printf("verify medians: unknown id %.1f ms, known id wrong secret %.1f ms, ratio %.2f%n",
                unknown / 1e6, known / 1e6, ratio);
        assertTrue(ratio > 0.5 && ratio < 2.0, "unknown/known verify time ratio " + ratio + " should be about 1");
        assertTrue(known > 20_000_000L, "a slow-path verify took only " + known / 1e6 + " ms: is PBKDF2 running?");
    }

    @Test
    void cacheAnswersRepeatsWithoutPbkdf2ButNeverAcceptsAWrongSecret() {
        Credentials cr = store.create("cached");
        assertTrue(store.verify(cr.clientId(), cr.secret()).isPresent(), "first verify");
        long afterFirst = store.slowHashCount();
        int n = 20_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertTrue(store.verify(cr.clientId(), cr.secret()).isPresent(), "cached verify #" + i);
        }
        double perSecond = n / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("cached verify: %.0f per second on one thread%n", perSecond);
        assertEquals(afterFirst, store.slowHashCount(), "PBKDF2 runs during cached verifies");
        assertTrue(perSecond > 3_000, "cached verify rate " + perSecond + "/s is below the 3,000 req/s target");

        assertEquals(Optional.empty(), store.verify(cr.clientId(), otherLastChar(cr.secret())), "wrong last char");
        assertEquals(afterFirst + 1, store.slowHashCount(), "a wrong secret must take the slow path");
    }

    @Test
    void rotationRevokesTheOldSecretEvenWhenCached() {
        Credentials old = store.create("rotating");
        assertTrue(store.verify(old.clientId(), old.secret()).isPresent(), "old secret before rotation (now cached)");
        Credentials fresh = store.rotateSecret(old.clientId());
        assertEquals(old.clientId(), fresh.clientId(), "rotation keeps the id");
        assertEquals(Optional.empty(), store.verify(old.clientId(), old.secret()), "old secret after rotation");
        assertTrue(store.verify(fresh.clientId(), fresh.secret()).isPresent(), "new secret");
        assertThrows(UnknownClientException.class, () -> store.rotateSecret("nope"));
    }

    @Test
    void disablingInAnotherProcessRevokesCachedCredentialsAtOnce() {
        Credentials cr = store.create("to-disable");
        assertTrue(store.verify(cr.clientId(), cr.secret()).isPresent(), "verify before disabling (now cached)");
        // A second store on the same database plays the admin CLI: it cannot clear our cache.
        ClientStore admin = new ClientStore(db, Clock.systemUTC(), ClientStore.Options.defaults());
        Client disabled = admin.disable(cr.clientId());
        assertTrue(disabled.disabled(), "disable result");
        assertEquals(Optional.empty(), store.verify(cr.clientId(), cr.secret()), "cached credentials of a disabled client");
        long firstDisable = disabled.disabledAtMs().getAsLong();
        assertEquals(firstDisable, admin.disable(cr.clientId()).disabledAtMs().getAsLong(), "disabling twice keeps the first time");
        assertFalse(admin.enable(cr.clientId()).disabled(), "enable");
        assertTrue(store.verify(cr.clientId(), cr.secret()).isPresent(), "verify after re-enabling");
        Credentials rotatedElsewhere = admin.rotateSecret(cr.clientId());
        assertEquals(Optional.empty(), store.verify(cr.clientId(), cr.secret()), "cached secret rotated by another process");
        assertTrue(store.verify(cr.clientId(), rotatedElsewhere.secret()).isPresent(), "secret rotated by another process");
    }

    @Test
    void listAndBootstrapHappenOnceEvenWhenTwoStartTogether() throws Exception {
        assertTrue(store.isEmpty(), "fresh database has no clients");
        ClientStore second = new ClientStore(db, Clock.systemUTC(), ClientStore.Options.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Optional<Credentials>>> starts = List.of(
                    () -> store.bootstrapIfEmpty("first"), () -> second.bootstrapIfEmpty("first"));
            List<Optional<Credentials>> results = new ArrayList<>();
            for (Future<Optional<Credentials>> f : pool.invokeAll(starts)) {
                results.add(f.get());
            }
            assertEquals(1, results.stream().filter(Optional::isPresent).count(), "bootstraps that created a client: " + results);
            Credentials boot = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            assertTrue(store.verify(boot.clientId(), boot.secret()).isPresent(), "bootstrap credentials verify");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Optional.empty(), store.bootstrapIfEmpty("again"), "bootstrap on a non-empty database");
        store.create("b");
        assertFalse(store.isEmpty());
        assertEquals(List.of("first", "b"), store.list().stream().map(Client::name).toList(), "list, oldest first");
        assertThrows(IllegalArgumentException.class, () -> store.create("  "));
    }

    private static long medianNanos(Runnable r) {
        long[] t = new long[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** The secret with its last character changed (it may itself be 'A': one secret in 16 ends so). */
    static String otherLastChar(String secret) {
        char last = secret.charAt(secret.length() - 1);
        return secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
