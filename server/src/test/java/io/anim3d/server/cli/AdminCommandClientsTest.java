package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code anim3d admin clients ...} in-process on a real H2 database in a temporary directory,
 * which the test keeps open the whole time as the server would. Results are checked through the
 * account services themselves, not only through what the command printed.
 */
class AdminCommandClientsTest {
    static final Pattern ID = Pattern.compile("client id:\\s+(\\S+)");
    static final Pattern SECRET = Pattern.compile("client secret:\\s+(\\S+)");

    @TempDir
    Path dir;
    Database db;
    /** Without a verification cache, so every verify reads the current row and hash. */
    ClientStore store;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        store = new ClientStore(db, Clock.systemUTC(), new ClientStore.Options(10_000, Duration.ZERO, 1));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Runs {@code anim3d admin ARGS --data DIR}. */
    static CliRun admin(Path dataDir, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "admin";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = dataDir.toString();
        return CliRun.of(all);
    }

    /** The id and secret a create or rotate printed; fails naming the output if they are missing. */
    static Credentials printed(CliRun run) {
        assertEquals(0, run.exitCode(), "exit code; stderr: " + run.err() + "\nstdout: " + run.out());
        Matcher id = ID.matcher(run.out());
        Matcher secret = SECRET.matcher(run.out());
        assertTrue(id.find() && secret.find(), "id and secret must be printed:\n" + run.out());
        assertEquals(1, run.out().split(Pattern.quote(secret.group(1)), -1).length - 1, "secret printed more than once:\n" + run.out());
        assertTrue(run.out().contains("shown only this once"), "must say the secret is shown once:\n" + run.out());
        return new Credentials(id.group(1), secret.group(1));
    }

    /** An operator error: exit 1 and exactly one line on stderr, without a stack trace. */
    static String oneLineError(CliRun run, String what) {
        assertEquals(Main.EXIT_INPUT, run.exitCode(), what + ": exit code; stderr: " + run.err() + "\nstdout: " + run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), what + ": stderr must be one line:\n" + run.err());
        assertTrue(lines.get(0).startsWith("anim3d: "), what + ": " + lines.get(0));
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), what + ": stack trace leaked:\n" + run.err());
        return lines.get(0);
    }

    @Test
    void createdClientsSecretVerifiesThroughTheClientStore() {
        Credentials c = printed(admin(dir, "clients", "create", "Studio A"));
        assertTrue(c.clientId().matches("[0-9a-f]{32}"), "client id: " + c.clientId());
        assertEquals(Optional.of("Studio A"), store.verify(c.clientId(), c.secret()).map(Client::name), "printed secret must verify");
        assertEquals(Optional.empty(), store.verify(c.clientId(), c.secret() + "x"), "a wrong secret must not verify");
        assertEquals(0, new Credits(db, Clock.systemUTC()).balance(c.clientId()), "a new client starts with no credits");
    }

    @Test
    void listShowsEveryClientWithItsCredits() {
        Credentials a = printed(admin(dir, "clients", "create", "alpha"));
        Credentials b = printed(admin(dir, "clients", "create", "beta studio"));
        assertEquals(0, admin(dir, "credits", "grant", b.clientId(), "7.25").exitCode(), "grant");
        new Credits(db, Clock.systemUTC()).reserve(b.clientId(), 2_000, "job-1");

        CliRun run = admin(dir, "clients", "list");
        assertEquals(0, run.exitCode(), "stderr: " + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), "header and two rows:\n" + run.out());
        assertEquals(List.of("id", "name", "created", "disabled", "balance", "available"),
                Arrays.asList(lines.get(0).trim().split("\\s+")), "header");
        assertTrue(lines.get(1).startsWith(a.clientId() + "  alpha "), "oldest first:\n" + run.out());
        assertTrue(lines.get(1).matches(".*\\s+no\\s+0\\s+0"), "alpha: active, no credits:\n" + lines.get(1));
        assertTrue(lines.get(2).startsWith(b.clientId() + "  beta studio"), "second row:\n" + run.out());
        assertTrue(lines.get(2).matches(".*\\s+no\\s+7\\.25\\s+5\\.25"), "beta: balance 7.25, 2 held by a job:\n" + lines.get(2));
    }

    @Test
    void listOnAnEmptyDatabaseSaysHowToCreateOne() {
        CliRun run = admin(dir, "clients", "list");
        assertEquals(0, run.exitCode(), "stderr: " + run.err());
        assertTrue(run.out().contains("No clients yet") && run.out().contains("clients create"), run.out());
    }

    @Test
    void rotateReplacesTheSecretAndDisableEnableToggleAccess() {
        Credentials first = printed(admin(dir, "clients", "create", "rotating"));
        Credentials second = printed(admin(dir, "clients", "rotate", first.clientId()));
        assertEquals(first.clientId(), second.clientId(), "rotation keeps the id");
        assertFalse(first.secret().equals(second.secret()), "rotation must print a new secret");
        assertEquals(Optional.empty(), store.verify(first.clientId(), first.secret()), "old secret after rotation");
        assertTrue(store.verify(first.clientId(), second.secret()).isPresent(), "new secret after rotation");

        CliRun disable = admin(dir, "clients", "disable", first.clientId());
        assertEquals(0, disable.exitCode(), "stderr: " + disable.err());
        assertTrue(disable.out().startsWith("Disabled client " + first.clientId()), disable.out());
        assertEquals(Optional.empty(), store.verify(first.clientId(), second.secret()), "secret of a disabled client");
        long disabledAt = store.find(first.clientId()).orElseThrow().disabledAtMs().orElseThrow();
        CliRun list = admin(dir, "clients", "list");
        assertTrue(list.out().contains(AdminTable.time(disabledAt)), "list must show when it was disabled:\n" + list.out());
        CliRun again = admin(dir, "clients", "disable", first.clientId());
        assertEquals(0, again.exitCode(), "disabling twice is not an error; stderr: " + again.err());
        assertTrue(again.out().contains("already disabled"), again.out());
        assertEquals(disabledAt, store.find(first.clientId()).orElseThrow().disabledAtMs().orElseThrow(), "first disable time kept");

        CliRun enable = admin(dir, "clients", "enable", first.clientId());
        assertEquals(0, enable.exitCode(), "stderr: " + enable.err());
        assertTrue(enable.out().startsWith("Enabled client " + first.clientId()), enable.out());
        assertTrue(store.verify(first.clientId(), second.secret()).isPresent(), "secret after enable");
        CliRun enableAgain = admin(dir, "clients", "enable", first.clientId());
        assertTrue(enableAgain.exitCode() == 0 && enableAgain.out().contains("not disabled"), enableAgain.out() + enableAgain.err());
    }

    @Test
    void unknownIdsAndBadArgumentsAreOneLineErrors() {
        for (String sub : new String[] {"rotate", "disable", "enable"}) {
            String line = oneLineError(admin(dir, "clients", sub, "no-such-client"), sub);
            assertTrue(line.contains("No client with id 'no-such-client'"), sub + ": " + line);
        }
        assertTrue(oneLineError(admin(dir, "clients", "create", "   "), "blank name").contains("Client name must be"));
        assertTrue(store.list().isEmpty(), "no client may be created by a failed command");

        CliRun missing = admin(dir, "clients", "rotate");
        assertEquals(Main.EXIT_INPUT, missing.exitCode(), "missing ID: " + missing.err());
        assertTrue(missing.err().startsWith("Missing required parameter: 'ID'"), missing.err());
        CliRun noSubcommand = admin(dir, "clients");
        assertEquals(Main.EXIT_INPUT, noSubcommand.exitCode(), "no subcommand: " + noSubcommand.err());
        assertTrue(noSubcommand.err().contains("needs a subcommand: create, disable, enable, list, rotate"), noSubcommand.err());
    }

    @Test
    void aDirectoryWithoutADatabaseIsRefusedAndLeftEmpty(@TempDir Path elsewhere) {
        String line = oneLineError(admin(elsewhere, "clients", "create", "lost"), "no database");
        assertTrue(line.contains("No anim3d database in " + elsewhere.toAbsolutePath().normalize()) && line.contains("--data"), line);
        assertFalse(Files.exists(elsewhere.resolve("anim3d.mv.db")), "admin must not create a database where none was");
    }

    @Test
    void dataDirectoryIsFoundLikeServeFindsIt() {
        Path flag = Path.of("from-flag");
        Path env = Path.of("from-env");
        assertEquals(flag, AdminCommand.dataDir(flag, Map.of(ServerConfig.ENV_DATA_DIR, env.toString())), "the flag wins");
        assertEquals(env, AdminCommand.dataDir(null, Map.of(ServerConfig.ENV_DATA_DIR, env.toString())), "then the environment");
        assertEquals(ServerConfig.DEFAULT_DATA_DIR, AdminCommand.dataDir(null, Map.of()), "then ./data");
        assertEquals(flag, AdminCommand.dataDir(flag, Map.of(ServerConfig.ENV_PORT, "not-a-number")),
                "with the flag, an unrelated bad ANIM3D_* setting does not matter");
    }
}
