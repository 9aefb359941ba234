package io.anim3d.server.webhooks;

import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import io.anim3d.server.db.TempPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of {@link WebhookStoreTest} on a real PostgreSQL server (started for this class, stopped after
 * it): the webhook migration (V5) and the lease claims are portable. Skipped only when no PostgreSQL server
 * binaries are installed.
 */
class PostgresWebhooksTest extends WebhookStoreTest {
    @TempDir
    static Path pgDir;
    static TempPostgres pg;
    static int databases;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TempPostgres.serverBinaries().isPresent(), "no PostgreSQL server installed");
        pg = TempPostgres.start(pgDir);
    }

    /** A database of its own per test: claims take due rows of every client, so tests must not share rows. */
    @Override
    @BeforeEach
    void open() {
        String name = "webhooks_" + (++databases);
        try (Database admin = Database.open(pg.options())) {
            admin.read(c -> c.createStatement().executeUpdate("CREATE DATABASE " + name));
        }
        DatabaseOptions shared = pg.options();
        db = Database.open(new DatabaseOptions(shared.jdbcUrl().replace("/postgres", "/" + name), shared.user(),
                shared.password(), 10, shared.connectionTimeout()));
        scenarios = new WebhookStoreScenarios(db);
    }

    @Override
    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}
