package io.anim3d.server.cli;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.ApiServer;
import io.anim3d.server.api.Service;
import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anim3d serve}: the HTTP API until SIGTERM/SIGINT. Settings come from {@code ANIM3D_*}
 * environment variables ({@link ServerConfig#fromEnvironment}); flags given here win.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the Animate 3D compatible HTTP API (stops on Ctrl-C or SIGTERM).")
final class ServeCommand implements Callable<Integer> {
    static final String BOOTSTRAP_NAME = "bootstrap";

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port, 0 = any free port (env ANIM3D_PORT, default 8080).")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: database and session key (env ANIM3D_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(names = "--session-minutes", paramLabel = "N", description = "Session cookie lifetime in minutes (env ANIM3D_SESSION_MINUTES, default 60).")
    Integer sessionMinutes;

    @Option(names = "--credits-per-minute", paramLabel = "X", description = "Credits per minute of input video (env ANIM3D_CREDITS_PER_MINUTE, default 1.0).")
    BigDecimal creditsPerMinute;

    @Option(names = "--workers", paramLabel = "N", description = "Jobs processed at the same time, 0 = API only (env ANIM3D_WORKERS, default 1).")
    Integer workers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        Database db = Database.open(DatabaseOptions.fromEnvironment(System.getenv(), config.dataDir()));
        Service server;
        try {
            ClientStore clients = new ClientStore(db, clock, ClientStore.Options.defaults());
            Optional<Credentials> first = clients.bootstrapIfEmpty(BOOTSTRAP_NAME);
            first.ifPresent(c -> printBootstrap(out, c));
            server = Service.start(ApiServer.context(config, db, clients, new Credits(db, clock), clock), true);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "anim3d-shutdown"));
        out.println("anim3d serving on http://localhost:" + server.port() + " (data in "
                + config.dataDir().toAbsolutePath().normalize() + ", " + config.workers() + " job worker"
                + (config.workers() == 1 ? "" : "s") + "); stop with Ctrl-C or SIGTERM");
        out.flush();
        stopped.await(); // the shutdown hook ends the process; this thread only keeps it alive
        return 0;
    }

    private ServerConfig config() {
        ServerConfig c = ServerConfig.fromEnvironment(System.getenv());
        if (dataDir != null) {
            c = c.withDataDir(dataDir);
        }
        if (port != null) {
            c = c.withPort(port);
        }
        if (sessionMinutes != null) {
            c = c.withSessionLifetime(Duration.ofMinutes(sessionMinutes));
        }
        if (workers != null) {
            c = c.withWorkers(workers);
        }
        if (creditsPerMinute != null) {
            c = c.withCreditsPerMinute(creditsPerMinute);
        }
        return c;
    }

    private static void printBootstrap(PrintWriter out, Credentials c) {
        out.println("Created the first API client (the database was empty):");
        out.println("  client id:     " + c.clientId());
        out.println("  client secret: " + c.secret());
        out.println("The secret is shown only this once (the database keeps a hash): store it now.");
        out.flush();
    }
}
