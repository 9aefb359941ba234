package io.anim3d.server.jobs;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import io.anim3d.capture.vision.PoseModel;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.formats.landmarks.Dmpe;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.accounts.ReservationState;
import io.anim3d.server.params.Features;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.params.ProcessParamsParser;
import io.anim3d.server.pipeline.ProcessPipeline;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.NoSuchBlobException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs one job on a worker thread: the real pipeline (track or reuse landmarks, solve, retarget,
 * write), then the files into the blob store under {@code jobs/<clientId>/<rid>/}, the credits
 * charged, the row marked SUCCESS; or FAILURE with the spec's error code and the reservation
 * released. Never throws: whatever happens ends in a state. Re-entrant: a job revived after its
 * worker died runs again from the start as a new attempt, overwriting the earlier attempt's files.
 */
public final class JobRunner {
    /** Steps reported while a job runs: a percentage. */
    public static final int TOTAL_STEPS = 100;
    /** Attempts before a job that keeps killing its worker is failed instead of revived again. */
    public static final int MAX_ATTEMPTS = 3;
    /** Shortest time between two progress writes of one job. */
    static final long PROGRESS_INTERVAL_MS = 500;
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final JobStore jobs;
    private final LocalBlobStore blobs;
    private final Credits credits;
    private final Path workRoot;
    private final List<JobListener> listeners;
    private final Clock clock;
    private final Object modelsLock = new Object();
    private PoseModels models;

    public JobRunner(JobStore jobs, LocalBlobStore blobs, Credits credits, Path workRoot, List<JobListener> listeners,
                     Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.credits = Objects.requireNonNull(credits, "credits");
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
        this.listeners = List.copyOf(listeners);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Blob key prefix of a job's files. */
    public static String prefix(String clientId, String rid) {
        return "jobs/" + clientId + "/" + rid;
    }

    /** Runs the job {@code rid} (nothing if it has finished already). */
    public void run(String rid) {
        Optional<Integer> started;
        try {
            started = jobs.start(rid, TOTAL_STEPS);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot start job " + rid, e);
            throw e; // database trouble: let the scheduler retry the execution later
        }
        if (started.isEmpty()) {
            return;
        }
        int attempt = started.get();
        long t0 = System.nanoTime();
        Job job = jobs.get(rid).orElseThrow();
        if (attempt > MAX_ATTEMPTS) {
            finishFailed(job, attempt, ErrorCode.INTERRUPTED.code(), ErrorCode.INTERRUPTED.name(),
                    "Processing was interrupted " + (attempt - 1) + " times (the worker running it stopped); "
                            + "the job was given up. Submit it again; if it keeps failing, try a shorter trim.", t0);
            return;
        }
        Path work = workRoot.resolve(rid + "-a" + attempt);
        try {
            runAttempt(job, attempt, work, t0);
        } catch (CaptureException e) {
            finishFailed(job, attempt, e.code().code(), e.code().name(), e.getMessage(), t0);
        } catch (NoSuchBlobException e) {
            finishFailed(job, attempt, ErrorCode.DOWNLOAD.code(), ErrorCode.DOWNLOAD.name(),
                    "The input of this job is no longer stored (uploads are kept for a limited time); upload it again", t0);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Job " + rid + " attempt " + attempt + ": storage error", e);
            finishFailed(job, attempt, ErrorCode.INTERNAL_FILES.code(), ErrorCode.INTERNAL_FILES.name(),
                    "The server could not read or write the job's files; submit the job again", t0);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(Level.SEVERE, "Job " + rid + " attempt " + attempt + " failed", e);
            finishFailed(job, attempt, ErrorCode.BODY_TRACKING.code(), ErrorCode.BODY_TRACKING.name(),
                    "Internal error while processing the job; submit it again", t0);
        } finally {
            deleteTree(work);
        }
    }

    private void runAttempt(Job job, int attempt, Path work, long t0) throws IOException {
        ProcessParams params = ProcessParamsParser.parse(job.params(), Features.CURRENT);
        Progress progress = new Progress(job.id(), attempt);
        Path out = work.resolve("out");
        Files.createDirectories(out);
        ProcessPipeline.Outputs result;
        if (job.isRerun()) {
            LandmarkTrack track;
            try (InputStream in = blobs.open(job.landmarksKey())) {
                track = Dmpe.read(in);
            }
            progress.set(50);
            // The original video, for a rendered MP4's left half and audio (gone after retention).
            Path input = blobs.exists(job.inputKey()) ? blobs.fileOf(job.inputKey()) : null;
            result = ProcessPipeline.fromLandmarks(track, params, out, input);
        } else {
            Path input = blobs.fileOf(job.inputKey());
            result = ProcessPipeline.run(models(), input, params, 1, out, (frame, pose, total) -> {
                if (total > 0) {
                    progress.set(5 + (int) Math.min(80, 80L * (frame.index() + 1) / total));
                }
            });
        }
        progress.set(90);
        List<JobFile> files = store(job, result.files());
        String landmarksKey = prefix(job.clientId(), job.id()) + "/" + ProcessPipeline.LANDMARKS_FILE;
        if (files.stream().noneMatch(f -> f.key().equals(landmarksKey))) {
            Path dmpe = work.resolve(ProcessPipeline.LANDMARKS_FILE);
            Dmpe.write(result.landmarks(), dmpe);
            files.add(storeFile(landmarksKey, dmpe, "landmarks", "dmpe"));
        }
        files.sort(Comparator.comparingInt(JobRunner::downloadOrder));
        long processedMs = job.inputDurationMs();
        String character = params.character();
        credits.reservationForJob(job.id()).ifPresent(r -> credits.charge(r.id(), job.costMilli()));
        if (jobs.succeed(job.id(), attempt, files, result.warnings(), landmarksKey, character, job.costMilli(),
                processedMs)) {
            notifyFinished(jobs.get(job.id()).orElse(job), t0);
        }
    }

    private List<JobFile> store(Job job, List<Path> files) throws IOException {
        List<JobFile> stored = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String ext = extension(name);
            String group = ext.equals("dmpe") ? "landmarks" : name.substring(0, name.length() - suffixLength(name));
            stored.add(storeFile(prefix(job.clientId(), job.id()) + "/" + name, f, group, ext));
        }
        return stored;
    }

    private JobFile storeFile(String key, Path file, String group, String ext) throws IOException {
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = blobs.put(key, in, Long.MAX_VALUE);
        }
        return new JobFile(group, ext, key, size);
    }

    /** The key of a file in /download: {@code fbx} for {@code x.fbx.zip}, else the extension. */
    static String extension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".fbx.zip")) {
            return "fbx";
        }
        return lower.substring(lower.lastIndexOf('.') + 1);
    }

    private static int suffixLength(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".fbx.zip") ? ".fbx.zip".length()
                : fileName.length() - fileName.lastIndexOf('.');
    }

    /** COMPAT.md: inside a group bvh, mp4, fbx, then glb, png/jpg, dmpe, others; the landmarks group last. */
    static int downloadOrder(JobFile f) {
        int group = f.group().equals("landmarks") ? 1 : 0;
        int ext = switch (f.ext()) {
            case "bvh" -> 0;
            case "mp4" -> 1;
            case "fbx" -> 2;
            case "glb" -> 3;
            case "png", "jpg" -> 4;
            case "dmpe" -> 5;
            default -> 6;
        };
        return group * 10 + ext;
    }

    private void finishFailed(Job job, int attempt, int code, String type, String message, long t0) {
        try {
            credits.reservationForJob(job.id()).ifPresent(r -> {
                if (r.state() == ReservationState.RESERVED) {
                    credits.release(r.id());
                }
            });
            if (jobs.fail(job.id(), attempt, code, type, message)) {
                notifyFinished(jobs.get(job.id()).orElse(job), t0);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot record the failure of job " + job.id(), e);
            throw e;
        }
    }

    private void notifyFinished(Job job, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (JobListener l : listeners) {
            try {
                l.jobFinished(job, seconds);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A job listener failed for job " + job.id(), e);
            }
        }
    }

    /** The pose models, loaded on the first job and shared by all (each tracker makes its own interpreters). */
    private PoseModels models() {
        synchronized (modelsLock) {
            if (models == null) {
                models = PoseModels.load(PoseModel.FULL);
            }
            return models;
        }
    }

    /** Releases the loaded models. */
    public void close() {
        synchronized (modelsLock) {
            if (models != null) {
                models.close();
                models = null;
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the work folder " + dir, e);
        }
    }

    /** Writes the step at most every {@value #PROGRESS_INTERVAL_MS} ms and only forwards. */
    private final class Progress {
        private final String rid;
        private final int attempt;
        private int step;
        private long lastWrite;

        Progress(String rid, int attempt) {
            this.rid = rid;
            this.attempt = attempt;
        }

        void set(int s) {
            long now = clock.millis();
            if (s > step && now - lastWrite >= PROGRESS_INTERVAL_MS) {
                step = s;
                lastWrite = now;
                jobs.progress(rid, attempt, s);
            }
        }
    }
}
