package io.anim3d.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesAFreshDatabaseOnceAndKeepsDataAcrossRestarts() {
        DatabaseOptions options = DatabaseOptions.h2InDataDirectory(dir);
        try (Database db = Database.open(options)) {
            assertEquals(MigrationFiles.count(), db.migrationsApplied(), "migrations applied to a fresh database");
            List<String> tables = tables(db);
            assertTrue(tables.containsAll(List.of("clients", "credit_balances", "credit_ledger", "credit_reservations",
                    "server_facts", "jobs", "scheduled_tasks", "characters")), "tables after the migrations: " + tables);
            insertFact(db, "k", "v");
        }
        assertTrue(Files.exists(dir.resolve("anim3d.mv.db")), "H2 file in the data directory");
        try (Database db = Database.open(options)) {
            assertEquals(0, db.migrationsApplied(), "migrations applied on restart");
            assertEquals("v", fact(db, "k"), "fact written before the restart");
        }
    }

    @Test
    void anotherProcessOpensTheDatabaseWhileThisOneHasItOpen() throws Exception {
        DatabaseOptions options = DatabaseOptions.h2InDataDirectory(dir);
        try (Database db = Database.open(options)) {
            insertFact(db, "from-server", "hello");
            ProbeResult probe = runProbe(options.jdbcUrl(), "from-server", "from-admin");
            assertEquals(0, probe.exitCode, "probe exit code; stderr: " + probe.stderr);
            assertTrue(probe.stdout.contains("read=hello migrationsApplied=0"), "probe output: " + probe.stdout);
            assertEquals("written by probe", fact(db, "from-admin"), "fact written by the other process");
        }
    }

    @Test
    void withoutAutoServerASecondProcessIsLockedOut() throws Exception {
        // Control for the test above: shows that the probe really is a second process on the same file.
        String plainUrl = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("anim3d");
        DatabaseOptions options = new DatabaseOptions(plainUrl, "sa", "", 2, Duration.ofSeconds(5));
        try (Database db = Database.open(options)) {
            insertFact(db, "from-server", "hello");
            ProbeResult probe = runProbe(plainUrl, "from-server", "from-admin");
            assertNotEquals(0, probe.exitCode, "probe should fail on a locked file; stdout: " + probe.stdout);
            assertTrue(probe.stderr.toLowerCase().contains("lock") || probe.stderr.contains("90020"),
                    "probe error should name the lock: " + probe.stderr);
        }
    }

    @Test
    void transactionRollsBackWhenTheWorkThrowsAndTheExceptionPassesThrough() {
        try (Database db = Database.open(DatabaseOptions.h2InDataDirectory(dir))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.transaction(c -> {
                insertFact(c, "half", "done");
                throw new IllegalStateException("domain error");
            }));
            assertEquals("domain error", e.getMessage());
            assertEquals(null, fact(db, "half"), "row from the rolled-back transaction");
            DatabaseException sqlError = assertThrows(DatabaseException.class,
                    () -> db.read(c -> c.prepareStatement("SELECT no_such_column FROM clients").executeQuery()));
            assertTrue(sqlError.getMessage().contains("SQL state"), sqlError.getMessage());
        }
    }

    @Test
    void poolLendsAtMostMaxConnectionsAndReusesReturnedOnes() throws SQLException {
        DatabaseOptions options = new DatabaseOptions(DatabaseOptions.h2InDataDirectory(dir).jdbcUrl(), "sa", "", 2,
                Duration.ofMillis(300));
        try (Database db = Database.open(options)) {
            Connection a = db.connection();
            Connection b = db.connection();
            long t0 = System.nanoTime();
            SQLException timeout = assertThrows(SQLException.class, db::connection);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(waitedMs >= 250, "waited " + waitedMs + " ms for a free connection, expected about 300");
            assertTrue(timeout.getMessage().contains("No free database connection"), timeout.getMessage());
            a.setAutoCommit(false);
            a.close();
            assertTrue(a.isClosed(), "returned proxy reports closed");
            assertThrows(SQLException.class, a::createStatement, "a returned connection must not be usable");
            try (Connection c = db.connection()) {
                assertTrue(c.getAutoCommit(), "auto-commit restored on a reused connection");
            }
            b.close();
        }
    }

    @Test
    void rejectsUntestedDatabasesAndRetriesOnlyTransactionConflicts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatabaseOptions("jdbc:mysql://x/y", "", "", 2, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("jdbc:postgresql"), e.getMessage());
        assertTrue(Database.isRetryable(new SQLException("x", "40001")), "serialization failure");
        assertTrue(Database.isRetryable(new SQLException("x", "40P01")), "PostgreSQL deadlock");
        assertTrue(Database.isRetryable(new SQLException("x", "HYT00")), "H2 lock timeout");
        assertTrue(!Database.isRetryable(new SQLException("x", "23505")), "unique violation is not retryable");
        assertTrue(!new DatabaseOptions("jdbc:postgresql://h/d", "u", "pw", 2, Duration.ofSeconds(1))
                .toString().contains("pw"), "password hidden in toString");
    }

    // --- helpers ---

    record ProbeResult(int exitCode, String stdout, String stderr) {
    }

    private ProbeResult runProbe(String url, String readFact, String writeFact) throws IOException, InterruptedException {
        Path out = dir.resolve("probe.out");
        Path err = dir.resolve("probe.err");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AutoServerProbe.class.getName(), url, readFact, writeFact));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("probe process did not finish within 60 s");
        }
        return new ProbeResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static List<String> tables(Database db) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String name = rs.getString("TABLE_NAME").toLowerCase();
                    if (schema.equalsIgnoreCase("public") && !name.startsWith("flyway")) {
                        names.add(name);
                    }
                }
            }
            names.sort(null);
            return names;
        });
    }

    private static void insertFact(Database db, String name, String value) {
        db.transaction(c -> {
            insertFact(c, name, value);
            return null;
        });
    }

    private static void insertFact(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO server_facts (name, fact_value, created_at_ms) VALUES (?, ?, 0)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private static String fact(Database db, String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fact_value FROM server_facts WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
