package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.api.model.Empty;
import io.anim3d.server.api.model.StoredUpload;
import io.anim3d.server.api.model.UploadUrl;
import io.anim3d.server.storage.BlobKeys;
import io.anim3d.server.storage.BlobStore;
import io.anim3d.server.storage.BlobTooLargeException;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.UploadAlreadyCompleteException;
import io.anim3d.server.storage.UploadOffsetException;
import io.anim3d.server.storage.UrlSigner;
import io.anim3d.server.storage.Verification;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code GET /upload} and the signed blob URLs it hands out (COMPAT.md "Upload"). An upload is
 * stored under {@code uploads/<clientId>/<uploadId>}; the client's file name is kept only for
 * display, in the sidecar blob {@code uploads/<clientId>/<uploadId>.name}.
 *
 * <p>One signed URL ({@code PUT} and {@code POST}, {@value #URL_TTL_HOURS} h) serves both modes,
 * so {@code resumable} changes nothing: a whole-body {@code PUT} stores the file; a
 * {@code POST} with {@code x-goog-resumable: start} answers 201 with a session URL (the same path
 * signed for {@code PUT} with an {@code upload_id}, 7 days), to which chunks go with
 * {@code Content-Range} as in Google Cloud Storage. The signature covers the path, so a URL for
 * another client's key cannot be made; cookies and Basic headers on blob URLs are ignored.
 */
public final class UploadRoutes implements ApiModule {
    static final int URL_TTL_HOURS = 24;
    static final Duration URL_TTL = Duration.ofHours(URL_TTL_HOURS);
    static final Duration SESSION_TTL = Duration.ofDays(7);
    public static final String BLOB_PATH = "/blob/";
    public static final String UPLOADS = "uploads/";
    public static final String NAME_SUFFIX = ".name";
    static final String SESSION_PARAM = "upload_id";
    static final String RESUMABLE_HEADER = "x-goog-resumable";

    private final BlobStore store;
    private final UrlSigner signer;
    private final ServerConfig config;
    private final StorageQuota quota;

    UploadRoutes(LocalBlobStore store, UrlSigner signer, ServerConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.config = Objects.requireNonNull(config, "config");
        this.quota = new StorageQuota(store, config.storageQuotaBytes());
    }

    /** @param authenticated wraps a handler of an authenticated client into a JSON route */
    @Override
    public void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated) {
        routes.get("/upload", authenticated.apply(this::uploadUrl));
        routes.put(BLOB_PATH + "*", this::put);
        routes.post(BLOB_PATH + "*", this::post);
    }

    /** The key of the sidecar blob holding an upload's display name (UTF-8). */
    static String nameKey(String uploadKey) {
        return uploadKey + NAME_SUFFIX;
    }

    private UploadUrl uploadUrl(Context ctx, Client client) {
        String name = UploadNames.displayName(ctx.queryParam("name"));
        quota.requireRoom(client.id(), 0);
        return new UploadUrl(signedUploadUrl(store, signer, baseUrl(ctx), client.id(), name));
    }

    /**
     * A new upload of {@code clientId} ({@code uploads/<clientId>/<random id>}, its display name in
     * the sidecar) and its signed URL, as {@code GET /upload} hands out; for other modules whose
     * files arrive the same way (character models and thumbnails).
     *
     * @param baseUrl     public base URL for the request ({@link ServerContext#baseUrl})
     * @param displayName the client's name for the file, for display only (never part of a key or path)
     */
    public static String signedUploadUrl(BlobStore store, UrlSigner signer, String baseUrl, String clientId,
                                         String displayName) {
        String key = BlobKeys.requireValidKey(UPLOADS + clientId + "/" + UrlSigner.randomId());
        try {
            store.putBytes(nameKey(key), displayName.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload's name: " + e.getMessage(), e);
        }
        String path = BLOB_PATH + key;
        return baseUrl + path + "?" + signer.sign(List.of("PUT", "POST"), path, Map.of(), URL_TTL);
    }

    /** Whole body, or one chunk / a status query of a resumable upload when Content-Range is sent. */
    private void put(Context ctx) throws IOException {
        String key = verifiedKey(ctx);
        String range = ctx.header("Content-Range");
        if (range == null || range.isBlank()) {
            long declared = ctx.req().getContentLengthLong();
            if (declared > config.maxUploadBytes()) {
                throw new BlobTooLargeException(key, config.maxUploadBytes()); // refused before reading a byte
            }
            String clientId = StorageQuota.clientOf(key);
            long room = quota.room(clientId) + (store.exists(key) ? store.size(key) : 0); // a re-upload replaces
            if (declared > room) {
                throw quota.full(quota.used(clientId));
            }
            long limit = Math.min(config.maxUploadBytes(), room);
            try {
                stored(ctx, store.put(key, ctx.req().getInputStream(), limit));
            } catch (BlobTooLargeException e) {
                if (limit < config.maxUploadBytes()) {
                    throw quota.full(quota.used(clientId)); // the quota, not the size limit, stopped it
                }
                throw e;
            }
            return;
        }
        ContentRange r = ContentRange.parse(range);
        if (r.isStatusQuery()) {
            status(ctx, key, r);
        } else {
            chunk(ctx, key, r);
        }
    }

    /** {@code x-goog-resumable: start}: a new resumable session on this key (an earlier one, or a finished blob, is dropped). */
    private void post(Context ctx) throws IOException {
        String key = verifiedKey(ctx);
        if (!"start".equalsIgnoreCase(String.valueOf(ctx.header(RESUMABLE_HEADER)).strip())) {
            throw ApiException.badRequest("POST to an upload URL starts a resumable upload and needs the header '"
                    + RESUMABLE_HEADER + ": start'; to send the whole file at once, PUT it to the URL");
        }
        store.delete(key);
        String path = BLOB_PATH + key;
        String query = signer.sign(List.of("PUT"), path, Map.of(SESSION_PARAM, UrlSigner.randomId()), SESSION_TTL);
        ctx.status(201);
        ctx.header("Location", baseUrl(ctx) + path + "?" + query);
        ctx.json(Empty.INSTANCE);
    }

    private void chunk(Context ctx, String key, ContentRange r) throws IOException {
        long max = config.maxUploadBytes();
        if (r.last() >= max || (r.totalKnown() && r.total() > max)) {
            throw new BlobTooLargeException(key, max);
        }
        long incoming = (r.totalKnown() ? r.total() : r.last() + 1) - store.sizeSoFar(key);
        if (incoming > 0) {
            quota.requireRoom(StorageQuota.clientOf(key), incoming);
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared >= 0 && declared != r.length()) {
            throw new BadRangeException("Content-Range bytes " + r.first() + "-" + r.last() + " announces " + r.length()
                    + " bytes but Content-Length is " + declared);
        }
        long received;
        try {
            received = store.append(key, r.first(), ctx.req().getInputStream(), max);
        } catch (UploadOffsetException e) {
            incomplete(ctx, e.currentSize()); // GCS: tell the client where to resume
            return;
        } catch (UploadAlreadyCompleteException e) {
            stored(ctx, e.size());
            return;
        }
        if (r.totalKnown() && received > r.total()) {
            throw new BadRangeException("The chunk carried more bytes than Content-Range announced: " + received
                    + " bytes have arrived, the total is " + r.total());
        }
        if (r.totalKnown() && received == r.total()) {
            stored(ctx, store.completeUpload(key));
        } else {
            incomplete(ctx, received);
        }
    }

    /** {@code bytes *}{@code /total}: how much has arrived; completes the upload once all of total is there. */
    private void status(Context ctx, String key, ContentRange r) throws IOException {
        long soFar = store.sizeSoFar(key);
        if (soFar == 0 && store.exists(key)) {
            stored(ctx, store.size(key));
        } else if (r.totalKnown() && soFar == r.total() && soFar > 0) {
            stored(ctx, store.completeUpload(key));
        } else {
            incomplete(ctx, soFar);
        }
    }

    /** 308 with {@code Range: bytes=0-<last received>}, no Range when nothing has arrived (as GCS answers). */
    private static void incomplete(Context ctx, long received) {
        ctx.status(308);
        if (received > 0) {
            ctx.header("Range", "bytes=0-" + (received - 1));
        }
        ctx.result("");
    }

    private static void stored(Context ctx, long size) {
        ctx.status(200);
        ctx.json(new StoredUpload(size));
    }

    /** The blob key of a signed request, or 403 (signature) / 404 (not an upload key). */
    private String verifiedKey(Context ctx) {
        String path = ctx.req().getRequestURI();
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        Verification v = signer.verify(ctx.req().getMethod(), path, query);
        if (!v.ok()) {
            throw new SignedUrlRefusedException(v);
        }
        String key = path.substring(BLOB_PATH.length());
        if (!key.startsWith(UPLOADS) || !BlobKeys.isValidKey(key) || key.endsWith(NAME_SUFFIX)) {
            throw ApiException.notFound("No upload at " + path + "; ask GET /upload for an upload URL");
        }
        return key;
    }

    private String baseUrl(Context ctx) {
        return config.baseUrlFor(ctx.req().getLocalPort());
    }
}
