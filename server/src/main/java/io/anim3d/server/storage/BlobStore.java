package io.anim3d.server.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Named byte blobs: uploads ({@code uploads/<client>/<uploadId>}), job files
 * ({@code jobs/<rid>/landmarks.dmpe}, {@code jobs/<rid>/out/<name>}) and models
 * ({@code models/<client>/<modelId>/<file>}). Keys follow {@link BlobKeys}; an invalid key or
 * prefix is an {@link IllegalArgumentException} naming it. Sizes are in bytes.
 *
 * <p>A blob is either absent or complete: readers never see a partly written blob, and a
 * resumable upload in progress ({@link #append}) is kept apart from the blob until
 * {@link #completeUpload} makes it visible, so a half-uploaded file is never processed.
 *
 * <p>Resumable uploads follow Google Cloud Storage's protocol: every chunk must start exactly at
 * the number of bytes received so far ({@link #sizeSoFar}); anything else is an
 * {@link UploadOffsetException} telling the current size, from which the client resumes.
 */
public interface BlobStore {

    /**
     * Stores the whole stream under {@code key}, replacing any blob there, and discards any
     * upload in progress under the key (a whole-body PUT supersedes it).
     *
     * @param maxBytes the most bytes accepted
     * @return bytes stored
     * @throws BlobTooLargeException if the stream has more than {@code maxBytes} bytes; nothing is
     *     stored and an earlier blob under the key is left as it was
     */
    long put(String key, InputStream in, long maxBytes) throws IOException;

    /** Stores {@code bytes} under {@code key}, replacing any blob there. */
    default void putBytes(String key, byte[] bytes) throws IOException {
        put(key, new ByteArrayInputStream(bytes), bytes.length);
    }

    /** Opens a complete blob for reading; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Reads a whole blob into memory (for small blobs). */
    default byte[] readAllBytes(String key) throws IOException {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        }
    }

    /** Size of a complete blob in bytes; {@link NoSuchBlobException} when missing. */
    long size(String key) throws IOException;

    /** Whether a complete blob exists under {@code key} (an upload in progress does not count). */
    boolean exists(String key) throws IOException;

    /** When the blob was last written; {@link NoSuchBlobException} when missing. */
    Instant lastModified(String key) throws IOException;

    /**
     * Deletes the blob and any upload in progress under {@code key}.
     *
     * @return whether anything was deleted
     */
    boolean delete(String key) throws IOException;

    /**
     * Deletes every blob and upload in progress matching {@code prefix} (see
     * {@link BlobKeys#requireValidPrefix}: whole segments; empty means everything).
     *
     * @return the number of complete blobs deleted
     */
    int deletePrefix(String prefix) throws IOException;

    /** Keys of the complete blobs matching {@code prefix}, sorted by {@link String#compareTo}. */
    List<String> list(String prefix) throws IOException;

    /**
     * Appends one chunk of a resumable upload. The chunk is read to its end first; it is then
     * added only if {@code offset} equals the bytes received so far (0 starts the upload).
     *
     * @param offset where this chunk starts, in bytes from the start of the upload
     * @param maxTotal the most bytes the whole upload may have
     * @return bytes received so far, including this chunk
     * @throws UploadOffsetException if {@code offset} is not the current size (nothing added)
     * @throws BlobTooLargeException if the upload would exceed {@code maxTotal} (this chunk is
     *     dropped, earlier chunks are kept)
     * @throws UploadAlreadyCompleteException if the upload was completed already
     */
    long append(String key, long offset, InputStream in, long maxTotal) throws IOException;

    /** Bytes received so far by the upload in progress under {@code key}; 0 when none. */
    long sizeSoFar(String key) throws IOException;

    /**
     * Makes the upload in progress under {@code key} the blob (replacing any blob there),
     * durably and atomically. Completing an already completed upload (no upload in progress,
     * blob present) returns the blob's size, so a retried completion is harmless.
     *
     * @return size of the blob in bytes
     * @throws NoSuchBlobException if there is neither an upload in progress nor a blob
     */
    long completeUpload(String key) throws IOException;

    /**
     * Drops the upload in progress under {@code key}, if any; a complete blob is left alone.
     *
     * @return whether an upload in progress was dropped
     */
    boolean abortUpload(String key) throws IOException;
}
