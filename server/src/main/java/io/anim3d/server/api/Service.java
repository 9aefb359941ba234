package io.anim3d.server.api;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.characters.CharacterRoutes;
import io.anim3d.server.db.Database;
import io.anim3d.server.jobs.JobListener;
import io.anim3d.server.jobs.JobState;
import io.anim3d.server.jobs.JobRunner;
import io.anim3d.server.jobs.JobStore;
import io.anim3d.server.jobs.JobSystem;
import io.anim3d.server.jobs.Retention;
import io.anim3d.server.metrics.MetricsModule;
import io.anim3d.server.metrics.MetricsRegistry;
import io.anim3d.server.webhooks.WebhookDispatcher;
import io.anim3d.server.webhooks.WebhookRoutes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One anim3d process put together: the shared services, the job system with its workers
 * ({@code config.workers()}, 0 = none), and optionally the HTTP API. {@code anim3d serve} runs
 * both on one machine; {@code anim3d worker} runs only workers against the same database and
 * blob store. Closing stops the API first (no new jobs), then the workers (a running job that
 * does not finish in time is revived by the next worker), then the listeners.
 */
public final class Service implements AutoCloseable {
    /** Work folders of running jobs inside the data directory. */
    public static final String WORK_DIR = "work";

    private final ServerContext context;
    private final JobStore jobs;
    private final JobSystem system;
    private final ApiServer api;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private Service(ServerContext context, JobStore jobs, JobSystem system, ApiServer api) {
        this.context = context;
        this.jobs = jobs;
        this.system = system;
        this.api = api;
    }

    /**
     * Builds and starts the process's parts.
     *
     * @param withApi   whether to serve HTTP on {@code config.port()}
     */
    public static Service start(ServerContext context, boolean withApi) {
        Objects.requireNonNull(context, "context");
        Clock clock = context.clock();
        JobStore jobs = new JobStore(context.db(), clock);
        MetricsRegistry metrics = new MetricsRegistry();
        List<JobListener> listeners = new ArrayList<>();
        listeners.add(metrics.jobListener());
        WebhookDispatcher webhooks = new WebhookDispatcher(context);
        listeners.add((job, seconds) -> webhooks.jobCompleted(job.clientId(), job.id(), job.state() == JobState.SUCCESS));
        JobRunner runner = new JobRunner(jobs, context.blobs(), context.credits(),
                context.config().dataDir().resolve(WORK_DIR), listeners, clock);
        Retention retention = new Retention(jobs, context.blobs(), context.config().retention(), clock);
        JobSystem system = JobSystem.create(context.db(), runner, context.config().workers(), retention);
        ApiServer api = null;
        if (withApi) {
            api = new ApiServer(context);
            api.add(new JobRoutes(context, jobs, system));
            api.add(new CharacterRoutes(context));
            api.add(new MetricsModule(context, metrics));
            api.add(new WebhookRoutes(context));
        }
        Service service = new Service(context, jobs, system, api);
        system.start();
        webhooks.start(); // in every process on the database: leases keep each delivery single
        service.closeables.add(webhooks);
        if (api != null) {
            try {
                api.start(context.config().port());
            } catch (RuntimeException e) {
                system.close();
                webhooks.close();
                throw e;
            }
        }
        return service;
    }

    /** Convenience for tests and the CLI: the context of a data directory's server. */
    public static ServerContext context(io.anim3d.server.api.ServerConfig config, Database db, Clock clock) {
        return ApiServer.context(config, db, new ClientStore(db, clock, ClientStore.Options.defaults()),
                new Credits(db, clock), clock);
    }

    public ServerContext context() {
        return context;
    }

    public JobStore jobs() {
        return jobs;
    }

    /** The bound port of the API. */
    public int port() {
        if (api == null) {
            throw new IllegalStateException("This process serves no API");
        }
        return api.port();
    }

    @Override
    public void close() {
        if (api != null) {
            api.stop();
        }
        system.close();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }
}
