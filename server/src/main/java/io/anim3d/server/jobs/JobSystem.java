package io.anim3d.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.anim3d.server.db.Database;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job queue on db-scheduler: jobs are rows of {@code scheduled_tasks} (instance id = rid), so
 * any number of processes on one database share the work and a job whose worker died is picked
 * up again. Tuning: a worker sends a heartbeat every {@link #HEARTBEAT}; after
 * {@link #MISSED_HEARTBEATS} missed ones (20 s) its job counts as dead and is revived on another
 * worker (or on this one after a restart) as a new attempt — within a minute, not db-scheduler's
 * default half hour. New jobs start at once on this process when it has a free worker
 * (immediate execution), others poll every {@link #POLL}.
 *
 * <p>With 0 workers the process only submits (an API-only node); {@code anim3d worker} runs
 * workers without the API.
 */
public final class JobSystem implements AutoCloseable {
    public static final String JOB_TASK = "anim3d-job";
    public static final String RETENTION_TASK = "anim3d-retention";
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final int MISSED_HEARTBEATS = 4;
    public static final Duration POLL = Duration.ofSeconds(1);
    public static final Duration RETENTION_EVERY = Duration.ofHours(1);
    /** How long stopping waits for running jobs; the rest are revived by the next worker. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(JobSystem.class.getName());

    private final OneTimeTask<Void> jobTask;
    private final SchedulerClient client;
    private final Scheduler scheduler;
    private final JobRunner runner;

    private JobSystem(OneTimeTask<Void> jobTask, SchedulerClient client, Scheduler scheduler, JobRunner runner) {
        this.jobTask = jobTask;
        this.client = client;
        this.scheduler = scheduler;
        this.runner = runner;
    }

    /**
     * @param workers   parallel jobs on this process (0 = submit only)
     * @param retention the cleanup run every {@link #RETENTION_EVERY} by one of the workers, or null
     */
    public static JobSystem create(Database db, JobRunner runner, int workers, Runnable retention) {
        Objects.requireNonNull(runner, "runner");
        OneTimeTask<Void> jobTask = Tasks.oneTime(JOB_TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(instance.getId()));
        if (workers == 0) {
            SchedulerClient client = SchedulerClient.Builder.create(db.dataSource(), jobTask).build();
            return new JobSystem(jobTask, client, null, runner);
        }
        RecurringTask<Void> cleanup = Tasks.recurring(RETENTION_TASK, FixedDelay.of(RETENTION_EVERY))
                .execute((instance, context) -> {
                    if (retention != null) {
                        retention.run();
                    }
                });
        Scheduler scheduler = Scheduler.create(db.dataSource(), jobTask)
                .startTasks(cleanup)
                .threads(workers)
                .pollingInterval(POLL)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .enableImmediateExecution()
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .schedulerName(new SchedulerName.Fixed(workerName()))
                .build();
        return new JobSystem(jobTask, scheduler, scheduler, runner);
    }

    /** Starts the workers (no-op for a submit-only system). */
    public JobSystem start() {
        if (scheduler != null) {
            scheduler.start();
        }
        return this;
    }

    /** Queues the stored job {@code rid} to run now (once, even if called twice). */
    public void submit(String rid) {
        client.scheduleIfNotExists(jobTask.instance(rid), Instant.now());
    }

    /** Whether this process runs jobs. */
    public boolean hasWorkers() {
        return scheduler != null;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            try {
                scheduler.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Stopping the job scheduler", e);
            }
        }
        runner.close();
    }

    /** host-pid, so that an operator can tell in the database which process holds a job. */
    static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        return name.length() <= 50 ? name : name.substring(0, 50);
    }

    /** Names of the tasks this system registers, for operators' queries. */
    public static List<String> taskNames() {
        return List.of(JOB_TASK, RETENTION_TASK);
    }
}
