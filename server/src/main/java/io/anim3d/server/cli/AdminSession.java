package io.anim3d.server.cli;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database of one {@code anim3d admin} run and the account services on it. The client store
 * is made on first use: building one costs a full PBKDF2 run (its timing-equalising dummy hash),
 * which the credits and jobs commands do not need.
 */
final class AdminSession implements AutoCloseable {
    /** A one-shot command needs few connections; the server keeps its pool for requests. */
    private static final int MAX_CONNECTIONS = 2;
    /**
     * Flyway reports "schema up to date" at INFO on every open; on a command line that is noise on
     * standard error, which should hold only what went wrong. Held here because JUL keeps its
     * loggers only weakly, and a collected logger forgets its level.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Database db;
    private final Clock clock;
    private final Credits credits;
    private ClientStore clients;

    private AdminSession(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.credits = new Credits(db, clock);
    }

    /**
     * Opens the database of {@code dataDir}, which must exist already: a mistyped directory would
     * otherwise get a new, empty database and the operator's change would land where no server
     * looks.
     *
     * @throws IllegalArgumentException if there is no database in {@code dataDir}
     */
    static AdminSession open(Path dataDir) {
        DatabaseOptions options = DatabaseOptions.fromEnvironment(System.getenv(), dataDir);
        Path file = dataDir.resolve(DatabaseOptions.H2_FILE_NAME + ".mv.db");
        if (options.isH2() && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No anim3d database in " + dataDir.toAbsolutePath().normalize()
                    + " (no " + file.getFileName() + "): pass --data DIR or set ANIM3D_DATA_DIR to the server's"
                    + " data directory; `anim3d serve` creates the database on its first start");
        }
        FLYWAY_LOG.setLevel(Level.WARNING);
        Database db = Database.open(options.withMaxConnections(MAX_CONNECTIONS));
        return new AdminSession(db, Clock.systemUTC());
    }

    Database database() {
        return db;
    }

    Credits credits() {
        return credits;
    }

    ClientStore clients() {
        if (clients == null) {
            clients = new ClientStore(db, clock, ClientStore.Options.defaults());
        }
        return clients;
    }

    @Override
    public void close() {
        db.close();
    }
}
