package io.anim3d.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoInfo;
import io.anim3d.formats.landmarks.Dmpe;
import io.anim3d.server.accounts.Client;
import io.anim3d.server.jobs.Job;
import io.anim3d.server.jobs.JobCosts;
import io.anim3d.server.jobs.JobFile;
import io.anim3d.server.jobs.JobState;
import io.anim3d.server.jobs.JobStore;
import io.anim3d.server.jobs.JobSystem;
import io.anim3d.server.jobs.JobRunner;
import io.anim3d.server.params.Features;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.params.ProcessParamsParser;
import io.anim3d.server.storage.NoSuchBlobException;
import io.anim3d.server.storage.UrlSigner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Jobs: {@code POST /process}, {@code GET /status/<rids>}, {@code GET /download/<rids>},
 * {@code GET /list[/<states>]}, {@code GET /pesave/getUrls/<rid>}, and the signed download URLs
 * ({@code GET /blob/<key>}) of results and inputs. Shapes as COMPAT.md describes them.
 *
 * <p>Submitting checks everything that can be checked without running the job — params, the
 * upload (probed), a rerun's source and stored landmarks — then stores the job, reserves its
 * estimated cost and queues it; if any of that fails nothing stays behind.
 */
final class JobRoutes implements ApiModule {
    /** The one processor of the spec. */
    static final String PROCESSOR = "video2anim";
    /** Jobs a client may have queued or running at once. */
    static final int MAX_UNFINISHED = 20;
    /** Ids in one /status or /download request. */
    static final int MAX_IDS = 100;
    /** Entries of /list. */
    static final int MAX_LIST = 1000;
    /** Params entries of one /process, and characters of one entry. */
    static final int MAX_PARAMS = 100;
    static final int MAX_PARAM_CHARS = 10_000;
    /** Body of /process. */
    static final int MAX_BODY_CHARS = 200_000;
    static final Duration DOWNLOAD_TTL = Duration.ofHours(24);
    /** Prefix of the upload key where an edited pose estimation of job {@code rid} is written (pesave). */
    static final String PESAVE_PREFIX = "pe-";

    private final ServerContext context;
    private final JobStore jobs;
    private final JobSystem system;
    private final JobCosts costs;

    JobRoutes(ServerContext context, JobStore jobs, JobSystem system) {
        this.context = Objects.requireNonNull(context, "context");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.system = Objects.requireNonNull(system, "system");
        this.costs = new JobCosts(context.config().creditsPerMinute());
    }

    @Override
    public void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated) {
        routes.post("/process", authenticated.apply(this::process));
        routes.get("/status/{rids}", authenticated.apply((ctx, c) -> status(c, ids(ctx.pathParam("rids")))));
        routes.get("/download/{rids}", authenticated.apply((ctx, c) -> download(ctx, c, ids(ctx.pathParam("rids")))));
        routes.get("/list", authenticated.apply((ctx, c) -> list(c, "")));
        routes.get("/list/{states}", authenticated.apply((ctx, c) -> list(c, ctx.pathParam("states"))));
        routes.get("/pesave/getUrls/{rid}", authenticated.apply((ctx, c) -> peSave(ctx, c, ctx.pathParam("rid"))));
    }

    // ---- POST /process ----

    private Map<String, Object> process(Context ctx, Client client) {
        JsonNode body = body(ctx.body());
        String processor = text(body, "processor");
        if (processor != null && !processor.equals(PROCESSOR)) {
            throw ApiException.badRequest("Unknown processor '" + processor + "'; the only processor is \"" + PROCESSOR + "\"");
        }
        String url = text(body, "url");
        String rid = text(body, "rid");
        if (text(body, "rid_mp_detection") != null) {
            throw ApiException.badRequest("Multi-person jobs (rid_mp_detection) are not available on this server yet;"
                    + " process single-person videos with \"url\"");
        }
        if ((url == null) == (rid == null)) {
            throw ApiException.badRequest(url == null
                    ? "Send \"url\" (the upload URL from GET /upload) for a new job, or \"rid\" (a successful job's id) to rerun it"
                    : "Send either \"url\" or \"rid\", not both: \"rid\" reruns an earlier job with new params");
        }
        List<String> entries = params(body);
        ProcessParams params = ProcessParamsParser.parse(entries, Features.CURRENT);
        if (jobs.unfinished(client.id()) >= MAX_UNFINISHED) {
            throw ApiException.tooMany("You have " + MAX_UNFINISHED + " jobs queued or running, the most at once;"
                    + " wait for some to finish (GET /status) and submit again");
        }
        long now = context.clock().millis();
        String newRid = UrlSigner.randomId();
        Job job = url != null ? newJob(ctx, client, url, entries, params, newRid, now)
                : rerun(client, rid, entries, params, newRid, now);
        jobs.insert(job);
        try {
            context.credits().reserve(client.id(), job.costMilli(), newRid);
            system.submit(newRid);
        } catch (RuntimeException e) {
            context.credits().reservationForJob(newRid).ifPresent(r -> context.credits().release(r.id()));
            jobs.delete(newRid);
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rid", newRid);
        if (!params.warnings().isEmpty()) {
            answer.put("warnings", params.warnings());
        }
        return answer;
    }

    private Job newJob(Context ctx, Client client, String url, List<String> entries, ProcessParams params, String rid,
                       long now) {
        String key = VideoInfoRoutes.uploadKey(url, basePath(ctx), client.id());
        Path file;
        try {
            file = context.blobs().fileOf(key);
        } catch (NoSuchBlobException e) {
            throw ApiException.notFound("Nothing has been uploaded to " + stripQuery(url) + " (or the upload is"
                    + " unfinished); upload the file to it first, then submit the job");
        }
        VideoInfo info = VideoDecoder.probe(file);
        long durationMs = durationMs(info, params);
        String name = displayName(key);
        return queued(rid, client, null, key, name, info.sizeBytes(), durationMs, entries, null,
                costs.milliCredits(durationMs, params.trackFace(), params.trackHand()), now);
    }

    /** Processed input in ms: the trimmed part of a video, 0 for a still (billed as one second). */
    static long durationMs(VideoInfo info, ProcessParams params) {
        if (info.still()) {
            return 0;
        }
        double duration = info.durationSeconds();
        double from = 0;
        double to = duration;
        if (params.trim() != null) {
            from = params.trim().fromSeconds();
            to = Math.min(duration, params.trim().toSeconds());
            if (from >= duration) {
                throw ApiException.badRequest("trim=" + fmt(params.trim().fromSeconds()) + "," + fmt(params.trim().toSeconds())
                        + " starts after the end of the video (" + fmt(duration) + " s); choose a start below "
                        + fmt(duration));
            }
        }
        return Math.max(0, Math.round((to - from) * 1000));
    }

    private Job rerun(Client client, String sourceRid, List<String> entries, ProcessParams params, String rid, long now) {
        Job source = jobs.getOwned(client.id(), sourceRid).orElseThrow(() -> ApiException.notFound(
                "No job " + sourceRid + " of yours; rerun one of the rids that GET /list shows"));
        if (source.state() != JobState.SUCCESS) {
            throw ApiException.badRequest("Job " + sourceRid + " is " + source.state().apiName()
                    + "; only a successful job can be rerun (its landmarks are reused)");
        }
        ProcessParams before = ProcessParamsParser.parse(source.params(), Features.CURRENT);
        if (!Objects.equals(before.trim(), params.trim()) || !Objects.equals(before.crop(), params.crop())
                || before.videoSpeedMultiplier() != params.videoSpeedMultiplier()) {
            throw ApiException.badRequest("trim, crop and videoSpeedMultiplier cannot change in a rerun: it reuses the"
                    + " landmarks tracked with the first job's values. Leave them as they were, or submit the upload"
                    + " again with \"url\"");
        }
        String landmarks = editedLandmarksKey(client.id(), sourceRid);
        if (context.blobs().exists(landmarks)) {
            try (InputStream in = context.blobs().open(landmarks)) {
                Dmpe.read(in);
            } catch (IOException | RuntimeException e) {
                throw ApiException.badRequest("The edited pose estimation uploaded for job " + sourceRid
                        + " is not a valid landmarks.dmpe file (" + e.getMessage() + "); upload a valid one to the"
                        + " write URL of GET /pesave/getUrls/" + sourceRid + " and rerun");
            }
        } else {
            landmarks = source.landmarksKey();
        }
        return queued(rid, client, sourceRid, source.inputKey(), source.inputName(), source.inputSize(),
                source.inputDurationMs(), entries, landmarks,
                costs.milliCredits(source.inputDurationMs(), params.trackFace(), params.trackHand()), now);
    }

    private static Job queued(String rid, Client client, String sourceRid, String inputKey, String name, long size,
                              long durationMs, List<String> entries, String landmarksKey, long cost, long now) {
        return new Job(rid, client.id(), sourceRid, inputKey, name, size, durationMs, entries, JobState.QUEUED, 0,
                JobRunner.TOTAL_STEPS, 0, null, null, null, List.of(), List.of(), landmarksKey, null, cost, null, null,
                now, now, null, null);
    }

    static String editedLandmarksKey(String clientId, String rid) {
        return UploadRoutes.UPLOADS + clientId + "/" + PESAVE_PREFIX + rid;
    }

    private static JsonNode body(String text) {
        return JsonBodies.object(text, MAX_BODY_CHARS, "{\"url\": \"<upload URL>\", \"processor\": \"video2anim\","
                + " \"params\": [\"formats=bvh,fbx\"]}");
    }

    /** A string member, null when absent or JSON null; 400 when it is not a string. */
    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("\"" + name + "\" must be a string, was " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static List<String> params(JsonNode body) {
        JsonNode p = body.get("params");
        List<String> entries = new ArrayList<>();
        if (p == null || p.isNull()) {
            return entries;
        }
        if (!p.isArray()) {
            throw ApiException.badRequest("\"params\" must be an array of \"key=value\" strings, e.g. [\"formats=bvh,fbx\"]");
        }
        if (p.size() > MAX_PARAMS) {
            throw ApiException.badRequest("\"params\" has " + p.size() + " entries; at most " + MAX_PARAMS + " are accepted");
        }
        for (JsonNode e : p) {
            if (!e.isValueNode() || e.isNull()) {
                throw ApiException.badRequest("Every entry of \"params\" must be a \"key=value\" string; found " + e);
            }
            String s = e.asText();
            if (s.length() > MAX_PARAM_CHARS) {
                throw ApiException.badRequest("A params entry is " + s.length() + " characters; at most "
                        + MAX_PARAM_CHARS + " are accepted");
            }
            entries.add(s);
        }
        return entries;
    }

    // ---- GET /status ----

    private Map<String, Object> status(Client client, List<String> rids) {
        List<Job> found = owned(client, rids);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Job j : found) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rid", j.id());
            e.put("status", j.state().apiName());
            e.put("details", details(j));
            list.add(e);
        }
        return counted("status", list);
    }

    private Map<String, Object> details(Job j) {
        Map<String, Object> d = new LinkedHashMap<>();
        switch (j.state()) {
            case QUEUED -> {
                d.put("step", 0);
                d.put("total", j.total());
                d.put("positionInQueue", jobs.queuePosition(j));
            }
            case PROGRESS -> {
                d.put("step", Math.min(j.step(), j.total()));
                d.put("total", j.total());
                if (j.attempt() > 1) {
                    d.put("attempt", j.attempt());
                }
            }
            case SUCCESS -> {
                d.put("in", j.inputName());
                d.put("In", j.inputName());
                d.put("out", j.characterName() == null ? "" : j.characterName());
                d.put("warnings", j.warnings());
            }
            case FAILURE -> {
                int code = j.errorCode() == null ? 0 : j.errorCode();
                d.put("exc_message", List.of(String.valueOf(code)));
                d.put("exc_type", j.errorType() == null ? "" : j.errorType());
                d.put("code", code);
                d.put("message", j.errorMessage() == null ? "" : j.errorMessage());
            }
            default -> throw new IllegalStateException(j.state().name());
        }
        return d;
    }

    // ---- GET /download ----

    private Map<String, Object> download(Context ctx, Client client, List<String> rids) {
        String base = context.baseUrl(ctx.req().getLocalPort());
        List<Map<String, Object>> links = new ArrayList<>();
        for (Job j : owned(client, rids)) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("rid", j.id());
            if (j.state() == JobState.SUCCESS) {
                link.put("name", j.inputName());
                link.put("size", j.inputSize());
                link.put("duration", seconds(j.inputDurationMs()));
                link.put("input", context.blobs().exists(j.inputKey()) ? signedGet(base, j.inputKey()) : "");
                link.put("urls", groups(base, j.outputs()));
                link.put("mode", 0);
                link.put("models", List.of());
                link.put("warnings", j.warnings());
            }
            links.add(link);
        }
        return counted("links", links);
    }

    private List<Map<String, Object>> groups(String base, List<JobFile> files) {
        Map<String, List<Map<String, String>>> byGroup = new LinkedHashMap<>();
        for (JobFile f : files) {
            byGroup.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(Map.of(f.ext(), signedGet(base, f.key())));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byGroup.forEach((name, list) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", name);
            g.put("files", list);
            groups.add(g);
        });
        return groups;
    }

    private String signedGet(String base, String key) {
        String path = UploadRoutes.BLOB_PATH + key;
        return base + path + "?" + context.signer().sign("GET", path, Map.of(), DOWNLOAD_TTL);
    }

    // ---- GET /list ----

    private Map<String, Object> list(Client client, String statesText) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        boolean any = statesText.isBlank();
        for (String s : statesText.split(",")) {
            String name = s.strip();
            if (name.isEmpty()) {
                continue;
            }
            switch (name) {
                case "PROGRESS" -> {
                    states.add(JobState.QUEUED);
                    states.add(JobState.PROGRESS);
                }
                case "STARTING" -> states.add(JobState.QUEUED);
                case "SUCCESS" -> states.add(JobState.SUCCESS);
                case "FAILURE" -> states.add(JobState.FAILURE);
                case "RETRY" -> {
                    // never stored: a retried job stays PROGRESS
                }
                default -> throw ApiException.badRequest("Unknown status '" + name + "'; use PROGRESS, SUCCESS, FAILURE"
                        + " (STARTING and RETRY are accepted too), comma-separated and case-sensitive");
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        if (any || !states.isEmpty()) {
            for (Job j : jobs.list(client.id(), states, MAX_LIST)) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("rid", j.id());
                e.put("fileName", j.inputName());
                e.put("fileSize", j.inputSize());
                e.put("fileDuration", seconds(j.inputDurationMs()));
                e.put("status", j.state().apiName());
                e.put("ctime", j.createdAtMs());
                e.put("mtime", j.updatedAtMs());
                list.add(e);
            }
        }
        return counted("list", list);
    }

    // ---- GET /pesave/getUrls ----

    private List<Map<String, Object>> peSave(Context ctx, Client client, String rid) {
        Job j = jobs.getOwned(client.id(), rid.strip()).orElseThrow(() -> ApiException.notFound(
                "No job " + rid + " of yours; use a rid that GET /list shows"));
        if (j.state() != JobState.SUCCESS || j.landmarksKey() == null) {
            throw ApiException.badRequest("Job " + rid + " is " + j.state().apiName()
                    + "; its pose estimation exists once it has succeeded");
        }
        String base = context.baseUrl(ctx.req().getLocalPort());
        String edited = editedLandmarksKey(client.id(), j.id());
        String writePath = UploadRoutes.BLOB_PATH + edited;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("trackingId", "");
        e.put("originalVersionReadUrl", signedGet(base, j.landmarksKey()));
        e.put("modifiedVersionReadUrl", context.blobs().exists(edited) ? signedGet(base, edited) : null);
        e.put("modifiedVersionWriteUrl", base + writePath + "?"
                + context.signer().sign(List.of("PUT", "POST"), writePath, Map.of(), UploadRoutes.URL_TTL));
        List<Map<String, Object>> answer = new ArrayList<>();
        answer.add(e);
        return answer;
    }

    // ---- shared ----

    private List<Job> owned(Client client, List<String> rids) {
        List<Job> found = jobs.getOwned(client.id(), rids);
        if (found.isEmpty()) {
            throw ApiException.notFound(rids.size() == 1 ? "No job " + rids.get(0) + " of yours"
                    : "None of these jobs is yours or known: " + String.join(",", rids));
        }
        return found;
    }

    private static List<String> ids(String text) {
        Set<String> ids = new LinkedHashSet<>();
        for (String s : text.split(",")) {
            String id = s.strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("Name at least one request id, e.g. /status/<rid> or /status/<rid1>,<rid2>");
        }
        if (ids.size() > MAX_IDS) {
            throw ApiException.badRequest(ids.size() + " request ids in one call; at most " + MAX_IDS + " are accepted");
        }
        return List.copyOf(ids);
    }

    private static Map<String, Object> counted(String name, List<?> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", items.size());
        m.put(name, items);
        return m;
    }

    private String displayName(String uploadKey) {
        try {
            return new String(context.blobs().readAllBytes(UploadRoutes.nameKey(uploadKey)), StandardCharsets.UTF_8);
        } catch (NoSuchBlobException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String basePath(Context ctx) {
        String path = URI.create(context.baseUrl(ctx.req().getLocalPort())).getRawPath();
        return path == null ? "" : path;
    }

    private static BigDecimal seconds(long ms) {
        return BigDecimal.valueOf(Math.max(0, ms), 3).stripTrailingZeros();
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
