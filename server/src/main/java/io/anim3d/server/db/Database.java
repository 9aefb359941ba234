package io.anim3d.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The server's database: opened once per process, migrated to the newest schema on
 * {@link #open}, closed on shutdown. Thread-safe; each call borrows a pooled connection.
 *
 * <p>Concurrency model: the default READ COMMITTED isolation of H2 and PostgreSQL, with
 * invariants kept by single conditional {@code UPDATE ... WHERE <invariant still holds>}
 * statements (row-locked and re-checked by both databases), so no code relies on SERIALIZABLE.
 */
public final class Database implements AutoCloseable {
    /** Where Flyway finds the {@code V<n>__<name>.sql} migrations on the class path. */
    public static final String MIGRATIONS = "classpath:db/migration";

    /** Attempts for a transaction the database aborted with a retryable conflict. */
    static final int MAX_ATTEMPTS = 3;

    private final DatabaseOptions options;
    private final ConnectionPool pool;
    private final int migrationsApplied;

    private Database(DatabaseOptions options, ConnectionPool pool, int migrationsApplied) {
        this.options = options;
        this.pool = pool;
        this.migrationsApplied = migrationsApplied;
    }

    /**
     * Connects and applies pending migrations. Fails if the stored schema history does not match
     * the migrations on the class path (an edited, already-applied migration).
     *
     * @throws DatabaseException if the database cannot be reached or a migration fails
     */
    public static Database open(DatabaseOptions options) {
        Objects.requireNonNull(options, "options");
        ConnectionPool pool = new ConnectionPool(options);
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            return new Database(options, pool, result.migrationsExecuted);
        } catch (RuntimeException e) { // FlywayException and driver errors
            pool.close();
            throw new DatabaseException("Could not open and migrate the database at "
                    + options.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Number of migrations this {@link #open} applied (0 when the schema was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    public DatabaseOptions options() {
        return options;
    }

    /**
     * A pooled connection in auto-commit mode; closing it returns it to the pool (and rolls back
     * anything uncommitted).
     */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * The pool as a {@link javax.sql.DataSource}, for libraries that manage their own statements
     * (db-scheduler). Closed with the database.
     */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} on one auto-commit connection (reads, single statements). */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DatabaseException.of("Database read", e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     * Runtime exceptions from {@code work} (domain errors such as insufficient credits) pass
     * through unchanged. A transaction the database aborted for a serialization failure, deadlock
     * or lock timeout is retried up to {@link #MAX_ATTEMPTS} times in all.
     */
    public <T> T transaction(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                // Closing the connection has already rolled the transaction back.
                if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
                    throw DatabaseException.of("Database transaction", e);
                }
            }
        }
    }

    /**
     * SQL state class 40 is "transaction rollback" (40001 serialization failure, 40P01 PostgreSQL
     * deadlock); HYT00 is H2's lock timeout.
     */
    static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("HYT00"));
    }

    /** Closes the pool; with H2 this also closes the database file (or hands its server on). */
    @Override
    public void close() {
        pool.close();
    }
}
