package io.anim3d.server.characters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.server.db.Ids;
import io.anim3d.server.db.TempPostgres;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The characters table through {@link CharacterStore}, on H2 and (when its server binaries are
 * installed) on a real PostgreSQL: V4 must migrate on both, rows stay with their client, and the
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
    void sameOnPostgres() throws Exception {
        Assumptions.assumeTrue(TempPostgres.serverBinaries().isPresent(), "no PostgreSQL server installed");
        try (TempPostgres pg = TempPostgres.start(dir); Database db = Database.open(pg.options())) {
            ownership(db);
            concurrentLimit(db);
        }
    }

    private static String client(Database db, String name) {
        return new ClientStore(db, Clock.systemUTC(), new ClientStore.Options(10_000, Duration.ZERO, 10)).create(name).clientId();
    }

    private static StoredCharacter row(String client, String name, Optional<String> thumb, boolean mesh, long t) {
        String id = Ids.newId();
        CharacterFacts facts = new CharacterFacts("glb", mesh ? "mixamo" : "custom", mesh ? 67 : 3, mesh, mesh);
        return new StoredCharacter(id, client, name, "models/" + client + "/" + id + "/model.glb", 1234, thumb, facts, t, t);
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
        assertEquals(Optional.of(a1), store.find(alice, a1.id()), "a row reads back exactly (booleans, thumb, times)");
        assertEquals(Optional.of(a2), store.find(alice, a2.id()), "no thumbnail reads back as empty");
        assertEquals(Optional.empty(), store.find(bob, a1.id()), "bob cannot read alice's row");
        assertEquals(List.of(a2, a1), store.list(alice), "alice's rows, newest first");
        assertEquals(List.of(b1), store.list(bob), "bob's rows only");

        StoredCharacter renamed = a1.withNameAndThumb("Renamed", Optional.empty(), 3000);
        assertFalse(store.update(new StoredCharacter(a1.id(), bob, "stolen", a1.modelKey(), 1, Optional.empty(), a1.facts(),
                0, 0)), "bob cannot update alice's row");
        assertTrue(store.update(renamed), "alice renames hers");
        assertEquals(Optional.of(renamed), store.find(alice, a1.id()), "name, thumbnail and mtime changed, ctime kept");

        assertFalse(store.delete(bob, a1.id()), "bob cannot delete alice's row");
        assertTrue(store.delete(alice, a1.id()), "alice deletes hers");
        assertFalse(store.delete(alice, a1.id()), "a second delete finds nothing");
        assertEquals(1, store.count(alice));
        assertEquals(1, store.count(bob));
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
