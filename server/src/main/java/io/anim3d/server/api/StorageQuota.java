package io.anim3d.server.api;

import io.anim3d.server.storage.LocalBlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The per-client storage quota ({@code ANIM3D_QUOTA_MB}): uploads (finished and in progress),
 * job results and stored characters together. New uploads that would pass it are refused with 413
 * before any byte is stored; what is already stored is never touched. Usage is measured on the
 * blob store itself, so it is right after crashes and retention without bookkeeping.
 */
final class StorageQuota {
    /** Key prefixes that belong to a client: {@code <prefix>/<clientId>/...}. */
    static final String[] PREFIXES = {"uploads", "jobs", "models"};

    private final LocalBlobStore blobs;
    private final long quotaBytes;

    StorageQuota(LocalBlobStore blobs, long quotaBytes) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.quotaBytes = quotaBytes;
    }

    long used(String clientId) {
        long total = 0;
        try {
            for (String prefix : PREFIXES) {
                total += blobs.usedBytes(prefix + "/" + clientId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure the storage of client " + clientId, e);
        }
        return total;
    }

    /** Bytes the client may still store (0 when full). */
    long room(String clientId) {
        return Math.max(0, quotaBytes - used(clientId));
    }

    /** 413 unless {@code moreBytes} more fit. */
    void requireRoom(String clientId, long moreBytes) {
        long used = used(clientId);
        if (used + Math.max(0, moreBytes) > quotaBytes || (moreBytes == 0 && used >= quotaBytes)) {
            throw full(used);
        }
    }

    ApiException full(long used) {
        long mb = ServerConfig.BYTES_PER_MB;
        return ApiException.tooLarge("Storage quota reached: you store " + (used + mb - 1) / mb + " MB of your "
                + quotaBytes / mb + " MB (uploads, results and characters); nothing of this upload was stored. Delete"
                + " characters you no longer need or wait for old jobs to expire (after "
                + "the retention period), then upload again");
    }

    /** The client id of an upload key {@code uploads/<clientId>/<id>}. */
    static String clientOf(String uploadKey) {
        String rest = uploadKey.substring(UploadRoutes.UPLOADS.length());
        return rest.substring(0, rest.indexOf('/'));
    }
}
