package io.anim3d.server.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL server for tests: initdb in a temporary folder, started on a free
 * local port, stopped by {@link #close()}. Uses the Debian server binaries; when the JVM runs
 * as root (PostgreSQL refuses that) the server runs as the {@code postgres} system user.
 */
public final class TempPostgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql");

    private final Path dataDir;
    private final Path binDir;
    private final boolean asPostgresUser;
    private final int port;

    private TempPostgres(Path dataDir, Path binDir, boolean asPostgresUser, int port) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /** The newest installed server's bin folder, if any. */
    public static Optional<Path> serverBinaries() {
        if (!Files.isDirectory(BIN)) {
            return Optional.empty();
        }
        try (var versions = Files.list(BIN)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max((a, b) -> Integer.compare(major(a), major(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Creates and starts a server under {@code tempDir} (which it may hand to the postgres user). */
    public static TempPostgres start(Path tempDir) throws IOException, InterruptedException {
        Path bin = serverBinaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL server installed"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = tempDir.resolve("pgdata");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", tempDir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TempPostgres pg = new TempPostgres(data, bin, root, port);
        pg.pgRun(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "anim3d", "-A", "trust",
                "-E", "UTF8", "--no-sync"));
        pg.pgRun(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", tempDir.resolve("pg.log").toString(), "-o",
                "-p " + port + " -k " + tempDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        return pg;
    }

    public DatabaseOptions options() {
        return new DatabaseOptions("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "anim3d", "", 20,
                Duration.ofSeconds(30));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        pgRun(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    private void pgRun(List<String> cmd) throws IOException, InterruptedException {
        run(cmd, asPostgresUser);
    }

    private static void run(List<String> cmd, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("Command failed: " + full + "\n" + new String(out, StandardCharsets.UTF_8));
        }
    }
}
