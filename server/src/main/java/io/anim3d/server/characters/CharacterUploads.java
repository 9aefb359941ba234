package io.anim3d.server.characters;

import io.anim3d.server.api.ServerContext;
import io.anim3d.server.api.UploadRoutes;
import io.anim3d.server.net.OutboundTargets;
import io.anim3d.server.storage.BlobKeys;
import io.anim3d.server.storage.BlobTooLargeException;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.NoSuchBlobException;
import io.anim3d.server.storage.UrlSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files a storeModel request names by URL ({@code modelUrl}, {@code thumbUrl}): the caller's
 * own uploads, found from the URL's path as {@code /videoInfo} finds them, or, when the operator
 * allows remote URLs, downloads of external URLs kept as temporary uploads of the caller
 * ({@link RemoteFiles}). Another client's upload is answered like an unknown one (404).
 */
final class CharacterUploads {
    /** Where signed blob URLs live and how uploads are keyed: the conventions of {@link UploadRoutes}. */
    static final String BLOB_PATH = UploadRoutes.BLOB_PATH;
    static final String UPLOADS = UploadRoutes.UPLOADS;
    static final String NAME_SUFFIX = UploadRoutes.NAME_SUFFIX;
    private static final Logger LOG = Logger.getLogger(CharacterUploads.class.getName());

    private final ServerContext context;
    private final LocalBlobStore blobs;
    private final RemoteFiles remote;

    CharacterUploads(ServerContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.blobs = context.blobs();
        this.remote = new RemoteFiles(new OutboundTargets(context.config().allowPrivateTargets()));
    }

    /**
     * The blob key holding the file at {@code url}: the caller's own upload for one of our URLs
     * (path {@code [base path]/blob/uploads/<clientId>/<id>} on any host, query ignored, as for
     * {@code /videoInfo}: clients reach us under several names and some strip the query), or a
     * fresh upload holding the download of any other http(s) URL when remote URLs are allowed
     * (added to {@code fetched}, which the caller deletes).
     */
    String source(String clientId, String baseUrl, String url, String field, long maxBytes, List<String> fetched) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw CharacterException.invalid(field + " is not a URL (" + e.getReason() + "); send the URL from "
                    + "GET /character/getModelUploadUrl");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw CharacterException.invalid(field + " must be an http(s) URL: the one GET /character/getModelUploadUrl "
                    + "returned");
        }
        URI base = URI.create(baseUrl);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String key = null;
        for (String prefix : new String[] {basePath + BLOB_PATH, BLOB_PATH}) {
            if (path.startsWith(prefix)) {
                key = path.substring(prefix.length());
                break;
            }
        }
        boolean ourHost = uri.getHost() != null && uri.getHost().equalsIgnoreCase(base.getHost()) && port(uri) == port(base);
        if (key == null && !ourHost) {
            return fetch(clientId, url, field, maxBytes, fetched);
        }
        String own = UPLOADS + clientId + "/";
        if (key == null || !key.startsWith(own) || key.indexOf('/', own.length()) >= 0 || key.endsWith(NAME_SUFFIX)
                || !BlobKeys.isValidKey(key)) {
            throw CharacterException.notFound("No upload of yours at " + RemoteFiles.shown(url) + " (" + field
                    + "); send the URL that GET /character/getModelUploadUrl returned to you, after uploading the file to it");
        }
        return key;
    }

    private String fetch(String clientId, String url, String field, long maxBytes, List<String> fetched) {
        if (!context.config().allowRemoteUrls()) {
            throw CharacterException.invalid("remote model URLs are disabled on this server (" + field + " "
                    + RemoteFiles.shown(url) + "); upload the file to the URL from GET /character/getModelUploadUrl "
                    + "and send that URL (an operator may allow remote URLs with ANIM3D_ALLOW_REMOTE_URLS=1)");
        }
        String key = UPLOADS + clientId + "/" + UrlSigner.randomId();
        fetched.add(key);
        try (RemoteFiles.Download d = remote.open(url, maxBytes)) {
            blobs.put(key, d.body(), maxBytes);
        } catch (BlobTooLargeException e) {
            throw CharacterException.invalid("The file at " + RemoteFiles.shown(url) + " (" + field + ") is larger than the "
                    + maxBytes + " bytes accepted");
        } catch (IOException e) {
            throw CharacterException.invalid("Could not download " + field + " " + RemoteFiles.shown(url) + ": "
                    + e.getMessage());
        }
        return key;
    }

    /** The whole blob, refused when it is missing (404) or over {@code maxBytes} (400). */
    byte[] read(String key, long maxBytes, String what, String url) {
        try (InputStream in = blobs.open(key)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw CharacterException.invalid("The " + what + " is larger than the " + maxBytes + " bytes (" + (maxBytes >> 20)
                        + " MB) accepted; nothing was stored");
            }
            return bytes;
        } catch (NoSuchBlobException e) {
            throw CharacterException.notFound("Nothing has been uploaded to " + RemoteFiles.shown(url) + " yet (or the "
                    + "upload is unfinished); upload the " + what + " to it first, then store the model");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded " + what + ": " + e.getMessage(), e);
        }
    }

    /** The display name the upload was handed out with ({@code hero.fbx}), or null. */
    String uploadName(String uploadKey) {
        try {
            if (!blobs.exists(uploadKey + NAME_SUFFIX)) {
                return null;
            }
            byte[] b = blobs.readAllBytes(uploadKey + NAME_SUFFIX);
            return b.length > 4 * CharacterNames.MAX_LENGTH ? null : new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // only a default name and a hint for error messages depend on it
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Deletes an upload and its display-name sidecar; a failure is logged (retention removes it later). */
    void deleteQuietly(String uploadKey) {
        for (String key : new String[] {uploadKey, uploadKey + NAME_SUFFIX}) {
            try {
                blobs.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not delete upload blob " + key + " (left for the retention sweep)", e);
            }
        }
    }
}
