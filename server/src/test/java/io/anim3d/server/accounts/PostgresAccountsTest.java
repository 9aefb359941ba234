package io.anim3d.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.server.db.MigrationFiles;
import io.anim3d.server.db.TempPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migrations and credit rules on a real PostgreSQL server (started for this class,
 * stopped after it). Skipped only when no PostgreSQL server binaries are installed.
 */
class PostgresAccountsTest {
    @TempDir
    static Path dir;
    static TempPostgres pg;
    static Database db;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TempPostgres.serverBinaries().isPresent(), "no PostgreSQL server installed");
        pg = TempPostgres.start(dir);
        db = Database.open(pg.options());
        assertEquals(MigrationFiles.count(), db.migrationsApplied(), "migrations applied to a fresh PostgreSQL database");
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void clientsBootstrapOnceVerifyAndDisable() throws Exception {
        // A database of its own, so that "empty" does not depend on the order of the tests.
        db.read(c -> c.createStatement().executeUpdate("CREATE DATABASE bootstrap_test"));
        DatabaseOptions shared = pg.options();
        DatabaseOptions options = new DatabaseOptions(shared.jdbcUrl().replace("/postgres", "/bootstrap_test"),
                shared.user(), shared.password(), 10, shared.connectionTimeout());
        try (Database fresh = Database.open(options)) {
            ClientStore store = new ClientStore(fresh, Clock.systemUTC(), ClientStore.Options.defaults());
            ClientStore other = new ClientStore(fresh, Clock.systemUTC(), ClientStore.Options.defaults());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Optional<Credentials>> results = new ArrayList<>();
            try {
                List<Callable<Optional<Credentials>>> starts = List.of(
                        () -> store.bootstrapIfEmpty("first"), () -> other.bootstrapIfEmpty("first"));
                for (Future<Optional<Credentials>> f : threads.invokeAll(starts)) {
                    results.add(f.get());
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(1, results.stream().filter(Optional::isPresent).count(), "bootstraps that created a client: " + results);
            Credentials cr = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            assertEquals(1, store.list().size(), "clients after two concurrent bootstraps");
            assertTrue(store.verify(cr.clientId(), cr.secret()).isPresent(), "verify on PostgreSQL");
            assertEquals(Optional.empty(), store.verify(cr.clientId(), "wrong"), "wrong secret on PostgreSQL");
            store.disable(cr.clientId());
            assertEquals(Optional.empty(), store.verify(cr.clientId(), cr.secret()), "disabled client on PostgreSQL");
        }
        try (Database again = Database.open(options)) {
            assertEquals(0, again.migrationsApplied(), "migrations applied on a second open");
        }
    }

    @Test
    void twentyThreadsReservingConcurrentlyNeverOverdraw() throws Exception {
        Clock clock = Clock.systemUTC();
        CreditScenarios.concurrentReservationsNeverOverdraw(
                new ClientStore(db, clock, ClientStore.Options.defaults()), new Credits(db, clock));
    }

    @Test
    void concurrentChargesOfOneReservationChargeOnce() throws Exception {
        Clock clock = Clock.systemUTC();
        CreditScenarios.concurrentChargesOfOneReservationChargeOnce(
                new ClientStore(db, clock, ClientStore.Options.defaults()), new Credits(db, clock));
    }
}
