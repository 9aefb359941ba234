package io.anim3d.server.cli;

import static io.anim3d.server.cli.AdminCommandClientsTest.admin;
import static io.anim3d.server.cli.AdminCommandClientsTest.oneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code anim3d admin jobs list} on job rows inserted with plain SQL (the V2 schema), so the
 * listing is tested independently of the job system that normally writes them.
 */
class AdminCommandJobsTest {
    /** 2025-01-01T00:00:00Z; jobs are created a minute apart from here. */
    static final long T0 = 1_735_689_600_000L;

    @TempDir
    Path dir;
    Database db;
    String alice;
    String bob;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        ClientStore store = new ClientStore(db, Clock.systemUTC(), new ClientStore.Options(10_000, Duration.ZERO, 1));
        alice = store.create("alice").clientId();
        bob = store.create("bob").clientId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void insertJob(String rid, String client, String state, String inputName, long durationMs, int minute,
                           Integer errorCode) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, client_id, input_key, input_name, input_size,"
                    + " input_duration_ms, params_json, state, step, total, attempt, error_code, warnings_json, cost_milli,"
                    + " created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, 1000, ?, '[]', ?, 0, 5, 1, ?, '[]', 1000, ?, ?)")) {
                ps.setString(1, rid);
                ps.setString(2, client);
                ps.setString(3, "uploads/" + client + "/" + rid);
                ps.setString(4, inputName);
                ps.setLong(5, durationMs);
                ps.setString(6, state);
                if (errorCode == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, errorCode);
                }
                ps.setLong(8, T0 + minute * 60_000L);
                ps.setLong(9, T0 + minute * 60_000L + 30_000L);
                return ps.executeUpdate();
            }
        });
    }

    private void insertFour() {
        insertJob("rid-1", alice, "SUCCESS", "dance.mp4", 12_340, 0, null);
        insertJob("rid-2", bob, "FAILURE", "nobody.mov", 3_000, 1, 513);
        insertJob("rid-3", alice, "PROGRESS", "a very long name of an uploaded video file, cut.mp4", 61_000, 2, null);
        insertJob("rid-4", alice, "QUEUED", "walk.mp4", 500, 3, null);
    }

    /** The rids of the printed rows, in order. */
    private static List<String> rids(CliRun run) {
        assertEquals(0, run.exitCode(), "stderr: " + run.err() + "\nstdout: " + run.out());
        return run.out().lines().skip(1).filter(l -> l.startsWith("rid-")).map(l -> l.split("\\s+")[0]).toList();
    }

    @Test
    void listsAllColumnsNewestFirst() {
        insertFour();
        CliRun run = admin(dir, "jobs", "list");
        assertEquals(List.of("rid-4", "rid-3", "rid-2", "rid-1"), rids(run), "newest first:\n" + run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("rid", "client", "state", "input", "duration", "created", "updated", "error"),
                Arrays.asList(lines.get(0).split("\\s+")), "header");
        assertTrue(lines.get(3).matches("rid-2\\s+" + bob + "\\s+FAILURE\\s+nobody\\.mov\\s+3\\.0s\\s+2025-01-01T00:01:00Z"
                + "\\s+2025-01-01T00:01:30Z\\s+513"), "failed job row:\n" + lines.get(3));
        assertTrue(lines.get(4).matches("rid-1\\s+" + alice + "\\s+SUCCESS\\s+dance\\.mp4\\s+12\\.3s\\s+2025-01-01T00:00:00Z"
                + "\\s+2025-01-01T00:00:30Z\\s+-"), "successful job row:\n" + lines.get(4));
        assertTrue(lines.get(2).contains("a very long name of an uploaded video f…") && !lines.get(2).contains("cut.mp4"),
                "long input names are cut to 40 characters:\n" + lines.get(2));
        assertEquals("4 jobs, newest first.", lines.get(lines.size() - 1));
    }

    @Test
    void filtersByClientStateAndLimit() {
        insertFour();
        assertEquals(List.of("rid-4", "rid-3", "rid-1"), rids(admin(dir, "jobs", "list", "--client", alice)), "alice's jobs");
        assertEquals(List.of("rid-2"), rids(admin(dir, "jobs", "list", "--state", "failure")), "state, any case");
        assertEquals(List.of("rid-1"), rids(admin(dir, "jobs", "list", "--client", alice, "--state", "SUCCESS")), "both filters");
        CliRun limited = admin(dir, "jobs", "list", "--limit", "2");
        assertEquals(List.of("rid-4", "rid-3"), rids(limited), "the newest two");
        assertTrue(limited.out().strip().endsWith("there may be more: raise --limit."), limited.out());
        CliRun none = admin(dir, "jobs", "list", "--client", bob, "--state", "QUEUED");
        assertEquals(0, none.exitCode(), none.err());
        assertEquals("No jobs of client " + bob + " in state QUEUED.", none.out().strip());
    }

    @Test
    void badFiltersAreOneLineErrors() {
        assertTrue(oneLineError(admin(dir, "jobs", "list", "--state", "RETRY"), "bad state")
                .contains("Unknown job state 'RETRY': use one of QUEUED, PROGRESS, SUCCESS, FAILURE"));
        assertTrue(oneLineError(admin(dir, "jobs", "list", "--client", "ghost"), "unknown client")
                .contains("No client with id 'ghost'"));
        assertTrue(oneLineError(admin(dir, "jobs", "list", "--limit", "0"), "limit 0").contains("--limit must be 1.."));
        CliRun notANumber = admin(dir, "jobs", "list", "--limit", "many");
        assertEquals(Main.EXIT_INPUT, notANumber.exitCode(), notANumber.err());
        assertTrue(notANumber.err().startsWith("Invalid value for option '--limit': 'many' is not an int"), notANumber.err());
    }
}
