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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code anim3d admin} as a separate process while this JVM holds the same data directory's
 * database open, as {@code anim3d serve} does: the admin process must get in (H2 AUTO_SERVER)
 * and its changes must be what the "server" sees at once, including through the server's
 * verification cache.
 */
class AdminCommandServerRunningTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** {@code anim3d admin ARGS} in a new JVM that finds the data directory through ANIM3D_DATA_DIR. */
    private Run adminProcess(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "admin"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "admin", ".out");
        Path err = Files.createTempFile(dir, "admin", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put(ServerConfig.ENV_DATA_DIR, dir.toString());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("admin " + String.join(" ", args) + " did not finish within 90 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void adminChangesReachTheRunningServersDatabase() throws Exception {
        try (Database server = Database.open(DatabaseOptions.h2InDataDirectory(dir))) {
            // The server's own store, with its verification cache on as in production.
            ClientStore serverClients = new ClientStore(server, Clock.systemUTC(), ClientStore.Options.defaults());
            Credits serverCredits = new Credits(server, Clock.systemUTC());

            Run create = adminProcess("clients", "create", "remote studio");
            assertEquals(0, create.exitCode(), "create while the server holds the database: " + create);
            assertEquals("", create.err(), "nothing but results on a successful run: " + create);
            CliRun parsed = new CliRun(create.exitCode(), create.out(), create.err());
            Credentials c = AdminCommandClientsTest.printed(parsed);
            assertEquals(Optional.of("remote studio"), serverClients.verify(c.clientId(), c.secret()).map(Client::name),
                    "the server must accept the secret the admin process printed");

            Run grant = adminProcess("credits", "grant", c.clientId(), "3.5", "--note", "from the admin process");
            assertEquals(0, grant.exitCode(), "grant: " + grant);
            assertEquals(3_500, serverCredits.balance(c.clientId()), "the server sees the grant");
            Run deduct = adminProcess("credits", "grant", c.clientId(), "-1");
            assertEquals(0, deduct.exitCode(), "deduction with a bare negative number: " + deduct);
            assertEquals(2_500, serverCredits.balance(c.clientId()), "the server sees the deduction");

            Run list = adminProcess("clients", "list");
            assertEquals(0, list.exitCode(), "list: " + list);
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(c.clientId()) && l.matches(".*\\s2\\.5\\s+2\\.5")),
                    "list must show the client with 2.5 credits:\n" + list.out());

            // The old secret has just verified, so the server's cache holds it; rotating in another
            // process cannot clear that cache, yet the old secret must stop working.
            Run rotate = adminProcess("clients", "rotate", c.clientId());
            Credentials rotated = AdminCommandClientsTest.printed(new CliRun(rotate.exitCode(), rotate.out(), rotate.err()));
            assertEquals(Optional.empty(), serverClients.verify(c.clientId(), c.secret()), "old secret after a rotation elsewhere");
            assertTrue(serverClients.verify(c.clientId(), rotated.secret()).isPresent(), "new secret");

            Run disable = adminProcess("clients", "disable", c.clientId());
            assertEquals(0, disable.exitCode(), "disable: " + disable);
            assertEquals(Optional.empty(), serverClients.verify(c.clientId(), rotated.secret()), "cached secret of a client disabled elsewhere");

            Run unknown = adminProcess("credits", "balance", "no-such-client");
            assertEquals(Main.EXIT_INPUT, unknown.exitCode(), "unknown client: " + unknown);
            assertEquals(1, unknown.err().lines().count(), "one line: " + unknown);
            assertFalse(unknown.err().contains("Exception"), "no stack trace: " + unknown);
        }
    }
}
