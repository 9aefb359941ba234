package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.storage.BlobKeys;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.UrlSigner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code GET /blob/<key>}: the signed download URLs of job results, inputs, landmarks and
 * character thumbnails. The signature (method GET, path, expiry) is the only credential, so the
 * URLs work with or without a session, from any client the owner hands them to, until they expire.
 */
final class DownloadRoutes implements ApiModule {
    private final LocalBlobStore blobs;
    private final UrlSigner signer;

    DownloadRoutes(LocalBlobStore blobs, UrlSigner signer) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    @Override
    public void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated) {
        routes.get(UploadRoutes.BLOB_PATH + "*", this::blob);
    }

    /** Serves a blob to a signed GET URL (no cookie needed), with Range support for video players. */
    private void blob(Context ctx) throws IOException {
        String path = ctx.req().getRequestURI();
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((n, v) -> {
            if (!v.isEmpty()) {
                query.put(n, v.get(0));
            }
        });
        var v = signer.verify("GET", path, query);
        if (!v.ok()) {
            throw new SignedUrlRefusedException(v);
        }
        String key = path.substring(UploadRoutes.BLOB_PATH.length());
        if (!BlobKeys.isValidKey(key) || !blobs.exists(key)) {
            throw ApiException.notFound("This file is no longer stored (results are kept for a limited time)");
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Cache-Control", "private, max-age=3600");
        // Javalin sets UTF-8 as the response encoding by default, and Jetty then appends a charset to
        // any content type: wrong for binary files. Clear it for these.
        String type = contentType(name);
        if (!type.contains("charset")) {
            ctx.res().setCharacterEncoding(null);
        }
        ctx.writeSeekableStream(blobs.open(key), type, blobs.size(key));
    }

    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".zip")) {
            return "application/zip";
        } else if (n.endsWith(".glb") || n.endsWith(".vrm")) {
            return "model/gltf-binary";
        } else if (n.endsWith(".mp4")) {
            return "video/mp4";
        } else if (n.endsWith(".png")) {
            return "image/png";
        } else if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (n.endsWith(".bvh")) {
            return "text/plain; charset=utf-8";
        } else if (n.endsWith(".json") || n.endsWith(".cdsave")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
