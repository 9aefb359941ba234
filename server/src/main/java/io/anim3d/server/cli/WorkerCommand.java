package io.anim3d.server.cli;

import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.api.Service;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anim3d worker}: job workers without the HTTP API, on the same database and blob store as
 * the server (to add processing capacity, or to run the API with {@code --workers 0} elsewhere).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Processes queued jobs of the server's database without serving HTTP (stops on Ctrl-C or SIGTERM).")
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory of the server (env ANIM3D_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(names = "--workers", paramLabel = "N", description = "Jobs processed at the same time, 1 or more (env ANIM3D_WORKERS, default 1).")
    Integer workers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (workers != null) {
            config = config.withWorkers(workers);
        }
        if (config.workers() < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "A worker needs at least one job worker: use --workers 1 or more");
        }
        Clock clock = Clock.systemUTC();
        Database db = Database.open(DatabaseOptions.fromEnvironment(System.getenv(), config.dataDir()));
        Service service;
        try {
            service = Service.start(Service.context(config, db, clock), false);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            db.close();
            stopped.countDown();
        }, "anim3d-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("anim3d worker running " + config.workers() + " job worker" + (config.workers() == 1 ? "" : "s")
                + " on " + config.dataDir().toAbsolutePath().normalize() + "; stop with Ctrl-C or SIGTERM");
        out.flush();
        stopped.await();
        return 0;
    }
}
