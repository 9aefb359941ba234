package io.anim3d.server.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableUploadTest {
    private static final String KEY = "uploads/c1/u1";
    private static final int CHUNK = 256 * 1024;
    private static final long LIMIT = 10_000_000;

    @TempDir
    Path root;

    private static InputStream slice(byte[] data, int from, int to) {
        return new ByteArrayInputStream(Arrays.copyOfRange(data, from, to));
    }

    @Test
    void chunksWithAWrongOffsetInTheMiddleAssembleTheFile() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        byte[] data = StoreFiles.bytes(4 * CHUNK + 12_345, 7);
        assertEquals(0, store.sizeSoFar(KEY), "nothing received yet");

        assertEquals(CHUNK, store.append(KEY, 0, slice(data, 0, CHUNK), LIMIT));
        assertEquals(2L * CHUNK, store.append(KEY, CHUNK, slice(data, CHUNK, 2 * CHUNK), LIMIT));

        // A chunk that skips ahead, and a resent old chunk: refused, telling the current size.
        UploadOffsetException ahead = assertThrows(UploadOffsetException.class,
                () -> store.append(KEY, 3L * CHUNK, slice(data, 3 * CHUNK, 4 * CHUNK), LIMIT));
        assertEquals(2L * CHUNK, ahead.currentSize());
        assertEquals(3L * CHUNK, ahead.offset());
        UploadOffsetException resent = assertThrows(UploadOffsetException.class,
                () -> store.append(KEY, CHUNK, slice(data, CHUNK, 2 * CHUNK), LIMIT));
        assertEquals(2L * CHUNK, resent.currentSize());
        assertEquals(2L * CHUNK, store.sizeSoFar(KEY), "refused chunks changed the upload");

        // A chunk whose stream breaks is dropped whole; the client asks and resends it.
        assertThrows(IOException.class,
                () -> store.append(KEY, 2L * CHUNK, new StoreFiles.Source(CHUNK, 1000), LIMIT));
        assertEquals(2L * CHUNK, store.sizeSoFar(KEY), "a broken chunk was partly kept");

        // The client resumes from the reported size.
        long next = store.sizeSoFar(KEY);
        next = store.append(KEY, next, slice(data, (int) next, 3 * CHUNK), LIMIT);
        next = store.append(KEY, next, slice(data, (int) next, 4 * CHUNK), LIMIT);
        next = store.append(KEY, next, slice(data, (int) next, data.length), LIMIT);
        assertEquals(data.length, next);

        assertFalse(store.exists(KEY), "an upload in progress must not be visible");
        assertThrows(NoSuchBlobException.class, () -> store.open(KEY));
        assertEquals(List.of(), store.list("uploads"), "list shows an upload in progress");

        assertEquals(data.length, store.completeUpload(KEY));
        assertTrue(store.exists(KEY));
        byte[] stored = store.readAllBytes(KEY);
        assertEquals(data.length, stored.length, "stored size");
        int firstDiff = Arrays.mismatch(data, stored);
        assertEquals(-1, firstDiff, "stored bytes differ first at byte " + firstDiff);
        assertEquals(0, store.sizeSoFar(KEY), "no upload in progress after completion");
        assertEquals(List.of(KEY), StoreFiles.filesOnDisk(root), "partial or temp files left behind");
    }

    @Test
    void completedUploadsRefuseChunksAndCompleteIdempotently() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        store.append(KEY, 0, new ByteArrayInputStream(new byte[] {1, 2, 3}), LIMIT);
        assertEquals(3, store.completeUpload(KEY));
        assertEquals(3, store.completeUpload(KEY), "retried completion");
        UploadAlreadyCompleteException e = assertThrows(UploadAlreadyCompleteException.class,
                () -> store.append(KEY, 0, new ByteArrayInputStream(new byte[] {9}), LIMIT));
        assertEquals(3, e.size());
        assertArrayEquals(new byte[] {1, 2, 3}, store.readAllBytes(KEY), "the completed blob was touched");
        assertThrows(NoSuchBlobException.class, () -> store.completeUpload("uploads/c1/never"));
    }

    @Test
    void emptyUploadCompletesToAnEmptyBlob() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        assertEquals(0, store.append(KEY, 0, InputStream.nullInputStream(), LIMIT));
        assertFalse(store.exists(KEY));
        assertEquals(0, store.completeUpload(KEY));
        assertEquals(0, store.size(KEY));
    }

    @Test
    void chunkBeyondTheTotalLimitIsDroppedAndEarlierChunksKept() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        long limit = 1000;
        store.append(KEY, 0, new ByteArrayInputStream(new byte[600]), limit);
        BlobTooLargeException e = assertThrows(BlobTooLargeException.class,
                () -> store.append(KEY, 600, new StoreFiles.Source(401, -1), limit));
        assertEquals(limit, e.limitBytes(), "the limit reported is the whole upload's");
        assertEquals(600, store.sizeSoFar(KEY));
        assertEquals(1000, store.append(KEY, 600, new StoreFiles.Source(400, -1), limit), "exactly at the limit");
        assertThrows(BlobTooLargeException.class,
                () -> store.append(KEY, 1000, new StoreFiles.Source(1, -1), limit));
        assertEquals(1000, store.sizeSoFar(KEY));
        assertEquals(List.of(".u1.partial"), StoreFiles.filesOnDisk(root.resolve("uploads/c1")),
                "temp files of refused chunks left behind");
    }

    @Test
    void uploadSurvivesANewStoreInstanceAndCanBeAborted() throws IOException {
        byte[] data = StoreFiles.bytes(5000, 3);
        new LocalBlobStore(root).append(KEY, 0, slice(data, 0, 2000), LIMIT);
        // A restarted server (new instance on the same directory) resumes the same upload.
        LocalBlobStore restarted = new LocalBlobStore(root);
        assertEquals(2000, restarted.sizeSoFar(KEY));
        restarted.append(KEY, 2000, slice(data, 2000, 5000), LIMIT);
        assertTrue(restarted.abortUpload(KEY));
        assertEquals(0, restarted.sizeSoFar(KEY));
        assertFalse(restarted.abortUpload(KEY));
        assertThrows(NoSuchBlobException.class, () -> restarted.completeUpload(KEY));
    }

    @Test
    void wholeBodyPutSupersedesAnUploadInProgress() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        store.append(KEY, 0, new ByteArrayInputStream(new byte[10]), LIMIT);
        store.putBytes(KEY, new byte[] {4, 5});
        assertEquals(0, store.sizeSoFar(KEY));
        assertArrayEquals(new byte[] {4, 5}, store.readAllBytes(KEY));
        assertEquals(2, store.completeUpload(KEY), "completing after a whole-body PUT is harmless");
    }
}
