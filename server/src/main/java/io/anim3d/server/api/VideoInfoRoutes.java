package io.anim3d.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.capture.CaptureException;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoInfo;
import io.anim3d.server.accounts.Client;
import io.anim3d.server.api.model.VideoDetails;
import io.anim3d.server.storage.BlobKeys;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.NoSuchBlobException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code POST /videoInfo} (spec "API 8: Input Video Information"): body {@code {"url": <upload url>}},
 * the URL {@code GET /upload} handed out, with or without its query string (COMPAT.md: some clients
 * strip it). Only the path counts ({@code /blob/uploads/<clientId>/<uploadId>}), not the host, and
 * only the caller's own uploads are found: another client's URL is answered 404 like an unknown
 * one, so that ids of other clients' uploads cannot be probed.
 */
final class VideoInfoRoutes implements ApiModule {
    /** Decimal places of fps and duration in the answer (1 ms; 29.97 fps stays 29.97). */
    static final int DECIMALS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalBlobStore store;
    private final ServerConfig config;

    VideoInfoRoutes(LocalBlobStore store, ServerConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @param authenticated wraps a handler of an authenticated client into a JSON route */
    @Override
    public void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated) {
        routes.post("/videoInfo", authenticated.apply(this::videoInfo));
    }

    private VideoDetails videoInfo(Context ctx, Client client) {
        String url = requestedUrl(ctx.body());
        String key = uploadKey(url, basePath(ctx), client.id());
        Path file;
        try {
            file = store.fileOf(key);
        } catch (NoSuchBlobException e) {
            throw ApiException.notFound(store.exists(UploadRoutes.nameKey(key))
                    ? "Nothing has been uploaded to " + stripQuery(url) + " yet (or the upload is unfinished); "
                            + "upload the file to it first, then ask again"
                    : "No upload at " + stripQuery(url) + "; ask GET /upload for an upload URL and upload the file to it");
        }
        try {
            return details(VideoDecoder.probe(file));
        } catch (CaptureException e) {
            // The decoder names the file by its path inside our data directory: show the client its URL instead.
            String message = String.valueOf(e.getMessage()).replace(file.toString(), "the uploaded file");
            throw new CaptureException(e.code(), Character.toUpperCase(message.charAt(0)) + message.substring(1), e);
        }
    }

    /** The {@code url} member of a JSON object body; 400 for anything else. */
    static String requestedUrl(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The body is not valid JSON (" + e.getOriginalMessage()
                    + "); send {\"url\": \"<the upload URL from GET /upload>\"}");
        }
        JsonNode url = root == null || !root.isObject() ? null : root.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw ApiException.badRequest("The body must be a JSON object with \"url\": the upload URL from GET /upload, "
                    + "e.g. {\"url\": \"https://host/blob/uploads/...\"}");
        }
        return url.asText().strip();
    }

    /**
     * The blob key of an upload URL of {@code clientId}, from its path alone
     * ({@code <basePath>/blob/uploads/<clientId>/<uploadId>}); query string and host are ignored.
     *
     * @param basePath path of the public base URL (empty when it has none); the server's own path is accepted too
     * @throws ApiException 400 for a string that is not a URL, 404 for a URL that is not an upload of this client
     */
    static String uploadKey(String url, String basePath, String clientId) {
        String path;
        try {
            path = new URI(url).getRawPath();
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("\"url\" is not a URL (" + e.getReason() + "): '" + url
                    + "'; send the upload URL from GET /upload");
        }
        String key = null;
        for (String prefix : new String[] {basePath + UploadRoutes.BLOB_PATH, UploadRoutes.BLOB_PATH}) {
            if (path != null && path.startsWith(prefix)) {
                key = path.substring(prefix.length());
                break;
            }
        }
        String ownPrefix = UploadRoutes.UPLOADS + clientId + "/";
        if (key == null || !key.startsWith(ownPrefix) || key.indexOf('/', ownPrefix.length()) >= 0
                || key.endsWith(UploadRoutes.NAME_SUFFIX) || !BlobKeys.isValidKey(key)) {
            throw ApiException.notFound("No upload of yours at " + stripQuery(url)
                    + "; send the URL that GET /upload returned to you, after uploading the file to it");
        }
        return key;
    }

    static VideoDetails details(VideoInfo info) {
        return new VideoDetails(info.width(), info.height(), decimal(info.fps()), decimal(info.durationSeconds()),
                info.codec(), info.sizeBytes());
    }

    /** Rounded to {@value #DECIMALS} places, trailing zeros dropped (12.000 prints as 12). */
    private static BigDecimal decimal(double value) {
        if (!Double.isFinite(value)) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    private String basePath(Context ctx) {
        String path = URI.create(config.baseUrlFor(ctx.req().getLocalPort())).getRawPath();
        return path == null ? "" : path;
    }

    /** The URL without its query string: it carries the signature, which does not belong in messages. */
    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
