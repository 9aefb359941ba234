package io.anim3d.server.characters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.server.db.Ids;
import io.anim3d.server.db.TempPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The characters table through {@link CharacterStore}, on H2 and (when its server binaries are
 * installed) on a real PostgreSQL: V4 and V6 must migrate on both, rows stay with their client,
 * sub-users see the shared rows and their own only, rows from before V6 stay shared, and the
 * per-client limit holds under concurrent inserts.
 */
class CharacterStoreTest {
    @TempDir
    Path dir;

    @Test
    void rowsBelongToTheirClientOnH2() {
        try (Database db = Database.open(DatabaseOptions.h2InDataDirectory(dir))) {
            ownership(db);
        }
    }

    @Test
    void limitHoldsUnderConcurrentInsertsOnH2() throws Exception {
        try (Database db = Database.open(DatabaseOptions.h2InDataDirectory(dir))) {
            concurrentLimit(db);
        }
    }

    @Test
    void subUsersSeeSharedRowsAndTheirOwnOnH2() {
        try (Database db = Database.open(DatabaseOptions.h2InDataDirectory(dir))) {
            subUsers(db);
        }
    }

    @Test
    void rowsFromBeforeSubUsersStaySharedOnH2() throws Exception {
        rowsFromBeforeV6StayShared(DatabaseOptions.h2InDataDirectory(dir));
    }

    @Test
    void sameOnPostgres() throws Exception {
        Assumptions.assumeTrue(TempPostgres.serverBinaries().isPresent(), "no PostgreSQL server installed");
        try (TempPostgres pg = TempPostgres.start(dir); Database db = Database.open(pg.options())) {
            ownership(db);
            subUsers(db);
            concurrentLimit(db);
        }
    }

    @Test
    void rowsFromBeforeSubUsersStaySharedOnPostgres() throws Exception {
        Assumptions.assumeTrue(TempPostgres.serverBinaries().isPresent(), "no PostgreSQL server installed");
        try (TempPostgres pg = TempPostgres.start(dir)) {
            rowsFromBeforeV6StayShared(pg.options());
        }
    }

    private static String client(Database db, String name) {
        return new ClientStore(db, Clock.systemUTC(), new ClientStore.Options(10_000, Duration.ZERO, 10)).create(name).clientId();
    }

    private static StoredCharacter row(String client, String name, Optional<String> thumb, boolean mesh, long t) {
        return row(client, Optional.empty(), name, thumb, mesh, t);
    }

    private static StoredCharacter row(String client, Optional<String> subUser, String name, Optional<String> thumb,
                                       boolean mesh, long t) {
        String id = Ids.newId();
        CharacterFacts facts = new CharacterFacts("glb", mesh ? "mixamo" : "custom", mesh ? 67 : 3, mesh, mesh);
        return new StoredCharacter(id, client, subUser, name, "models/" + client + "/" + id + "/model.glb", 1234, thumb,
                facts, t, t);
    }

    private static void ownership(Database db) {
        CharacterStore store = new CharacterStore(db);
        String alice = client(db, "alice");
        String bob = client(db, "bob");
        StoredCharacter a1 = row(alice, "Hero", Optional.of("models/x/thumb.png"), true, 1000);
        StoredCharacter a2 = row(alice, "Bare", Optional.empty(), false, 2000);
        StoredCharacter b1 = row(bob, "Bob's", Optional.empty(), true, 1500);
        for (StoredCharacter c : List.of(a1, a2, b1)) {
            assertTrue(store.insert(c, 10), "insert " + c.name());
        }
        CharacterOwner aliceAll = CharacterOwner.client(alice);
        CharacterOwner bobAll = CharacterOwner.client(bob);
        assertEquals(Optional.of(a1), store.find(aliceAll, a1.id()), "a row reads back exactly (booleans, thumb, times)");
        assertEquals(Optional.of(a2), store.find(aliceAll, a2.id()), "no thumbnail reads back as empty");
        assertEquals(Optional.empty(), store.find(bobAll, a1.id()), "bob cannot read alice's row");
        assertEquals(Optional.empty(), store.find(new CharacterOwner(bob, Optional.of("u1")), a1.id()),
                "nor can a sub-user of bob's");
        assertEquals(List.of(a2, a1), store.list(aliceAll), "alice's rows, newest first");
        assertEquals(List.of(b1), store.list(bobAll), "bob's rows only");

        StoredCharacter renamed = a1.withNameAndThumb("Renamed", Optional.empty(), 3000);
        assertFalse(store.update(new StoredCharacter(a1.id(), bob, Optional.empty(), "stolen", a1.modelKey(), 1,
                Optional.empty(), a1.facts(), 0, 0)), "bob cannot update alice's row");
        assertTrue(store.update(renamed), "alice renames hers");
        assertEquals(Optional.of(renamed), store.find(aliceAll, a1.id()), "name, thumbnail and mtime changed, ctime kept");

        assertFalse(store.delete(bobAll, a1.id()), "bob cannot delete alice's row");
        assertTrue(store.delete(aliceAll, a1.id()), "alice deletes hers");
        assertFalse(store.delete(aliceAll, a1.id()), "a second delete finds nothing");
        assertEquals(1, store.count(alice));
        assertEquals(1, store.count(bob));
    }

    /**
     * Alice's rows stored by the whole client (shared), by her sub-user u1 and by u2, and what each of
     * the three, and bob's u1, finds, lists, updates and deletes.
     */
    private static void subUsers(Database db) {
        CharacterStore store = new CharacterStore(db);
        String alice = client(db, "alice-subs");
        String bob = client(db, "bob-subs");
        CharacterOwner all = CharacterOwner.client(alice);
        CharacterOwner u1 = new CharacterOwner(alice, Optional.of("u1"));
        CharacterOwner u2 = new CharacterOwner(alice, Optional.of("u2"));
        CharacterOwner bobU1 = new CharacterOwner(bob, Optional.of("u1"));
        StoredCharacter shared = row(alice, Optional.empty(), "Shared", Optional.empty(), true, 1000);
        StoredCharacter of1 = row(alice, Optional.of("u1"), "One's", Optional.of("models/x/thumb.png"), true, 2000);
        StoredCharacter of2 = row(alice, Optional.of("u2"), "Two's", Optional.empty(), false, 3000);
        StoredCharacter upper = row(alice, Optional.of("U1"), "Upper", Optional.empty(), true, 4000);
        for (StoredCharacter c : List.of(shared, of1, of2, upper)) {
            assertTrue(store.insert(c, 10), "insert " + c.name());
        }
        assertEquals(List.of(shared), store.list(all), "the whole client lists the shared rows only");
        assertEquals(List.of(of1, shared), store.list(u1), "u1: its own and the shared, newest first ('U1' is another)");
        assertEquals(List.of(of2, shared), store.list(u2), "u2: its own and the shared");
        assertEquals(List.of(), store.list(bobU1), "bob's u1 sees nothing of alice's u1");
        assertEquals(4, store.count(alice), "the count covers every sub-user");

        assertEquals(Optional.of(of1), store.find(u1, of1.id()), "u1 finds its own, sub-user read back");
        assertEquals(Optional.of(shared), store.find(u1, shared.id()), "u1 finds the shared one");
        assertEquals(Optional.empty(), store.find(u2, of1.id()), "u2 does not find u1's");
        assertEquals(Optional.empty(), store.find(all, of1.id()), "the whole client does not find u1's");
        assertEquals(Optional.empty(), store.find(bobU1, of1.id()), "bob's u1 does not find alice's u1's");

        for (CharacterOwner who : List.of(all, u1, u2)) {
            for (StoredCharacter c : List.of(shared, of1, of2)) {
                assertEquals(who.subUser().equals(c.subUser()), who.mayChange(c), who + " may change " + c.name());
                assertEquals(c.subUser().isEmpty() || who.subUser().equals(c.subUser()), who.sees(c), who + " sees " + c.name());
            }
        }

        assertFalse(store.update(new StoredCharacter(of1.id(), alice, Optional.of("u2"), "stolen", of1.modelKey(), 1,
                Optional.empty(), of1.facts(), 0, 0)), "an update as u2 misses u1's row");
        assertFalse(store.update(new StoredCharacter(of1.id(), alice, Optional.empty(), "stolen", of1.modelKey(), 1,
                Optional.empty(), of1.facts(), 0, 0)), "an update as the whole client misses u1's row");
        StoredCharacter renamed = of1.withNameAndThumb("Mine", Optional.empty(), 5000);
        assertTrue(store.update(renamed), "u1 renames its own");
        assertEquals(Optional.of(renamed), store.find(u1, of1.id()));

        assertFalse(store.delete(u1, shared.id()), "u1 cannot delete the shared row");
        assertFalse(store.delete(u2, of1.id()), "u2 cannot delete u1's row");
        assertFalse(store.delete(all, of1.id()), "the whole client cannot delete u1's row");
        assertFalse(store.delete(bobU1, of1.id()), "bob's u1 cannot delete alice's u1's row");
        assertEquals(4, store.count(alice), "nothing deleted by the refused deletes");
        assertTrue(store.delete(u1, of1.id()), "u1 deletes its own");
        assertTrue(store.delete(all, shared.id()), "the whole client deletes the shared one");
        assertEquals(List.of(of2), store.list(u2), "u2's own is left");
    }

    /** A row written by the V5 schema, then V6 applied: the row is shared (sub_user NULL) and every session sees it. */
    private void rowsFromBeforeV6StayShared(DatabaseOptions options) throws Exception {
        Flyway.configure().dataSource(options.jdbcUrl(), options.user(), options.password())
                .locations(Database.MIGRATIONS).target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO clients (id, name, secret_hash, secret_salt, hash_algorithm, hash_iterations,"
                    + " created_at_ms, secret_rotated_at_ms) VALUES ('old', 'old', 'h', 's', 'PBKDF2WithHmacSHA256', 1, 1, 1)");
            st.executeUpdate("INSERT INTO characters (id, client_id, name, model_key, model_ext, model_size, thumb_key,"
                    + " rig_id, joint_count, has_mesh, has_skin, created_at_ms, updated_at_ms) VALUES ('c1', 'old', 'Old',"
                    + " 'models/old/c1/model.glb', 'glb', 10, NULL, 'mixamo', 67, TRUE, TRUE, 5, 6)");
        }
        try (Database db = Database.open(options)) {
            assertTrue(db.migrationsApplied() >= 1, "V6 and later applied on top of V5: " + db.migrationsApplied());
            CharacterStore store = new CharacterStore(db);
            StoredCharacter old = new StoredCharacter("c1", "old", Optional.empty(), "Old", "models/old/c1/model.glb", 10,
                    Optional.empty(), new CharacterFacts("glb", "mixamo", 67, true, true), 5, 6);
            assertEquals(List.of(old), store.list(CharacterOwner.client("old")), "the whole client sees the old row");
            assertEquals(List.of(old), store.list(new CharacterOwner("old", Optional.of("u1"))), "a sub-user sees it too");
            assertFalse(store.delete(new CharacterOwner("old", Optional.of("u1")), "c1"), "a sub-user cannot delete it");
            try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
                 Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE characters SET sub_user = '' WHERE id = 'c1'"),
                        "an empty sub-user is refused by the CHECK");
            }
        }
    }

    /** 30 rounds in which 8 inserts race for the one place left under the limit: exactly one wins each time. */
    private static void concurrentLimit(Database db) throws Exception {
        CharacterStore store = new CharacterStore(db);
        String carol = client(db, "carol");
        int racers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 1; round <= 30; round++) {
                int limit = round;
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Callable<Boolean>> inserts = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    StoredCharacter c = row(carol, "r" + round + "-" + i, Optional.empty(), true, round);
                    inserts.add(() -> {
                        start.await();
                        return store.insert(c, limit);
                    });
                }
                int won = 0;
                for (Future<Boolean> f : threads.invokeAll(inserts)) {
                    won += f.get() ? 1 : 0;
                }
                assertEquals(1, won, "round " + round + ": inserts that found the one free place");
                assertEquals(limit, store.count(carol), "round " + round + ": rows = the limit");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
