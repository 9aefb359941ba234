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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {
    @TempDir
    Path root;

    @Test
    void roundTripsBlobsOfOurLayouts() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        byte[] video = StoreFiles.bytes(3_000_001, 1);
        assertEquals(video.length, store.put("uploads/c1/u1", new ByteArrayInputStream(video), video.length));
        store.putBytes("jobs/r1/landmarks.dmpe", StoreFiles.bytes(10, 2));
        store.putBytes("jobs/r1/out/anim.fbx", new byte[0]);

        assertArrayEquals(video, store.readAllBytes("uploads/c1/u1"));
        assertArrayEquals(StoreFiles.bytes(10, 2), store.readAllBytes("jobs/r1/landmarks.dmpe"));
        assertEquals(0, store.size("jobs/r1/out/anim.fbx"), "empty blob size");
        assertTrue(store.exists("jobs/r1/out/anim.fbx"), "empty blob exists");
        assertEquals(video.length, store.size("uploads/c1/u1"));
        Instant modified = store.lastModified("uploads/c1/u1");
        assertTrue(Duration.between(modified, Instant.now()).abs().toMinutes() < 5, "lastModified " + modified);

        store.putBytes("uploads/c1/u1", new byte[] {7});
        assertArrayEquals(new byte[] {7}, store.readAllBytes("uploads/c1/u1"), "put replaces");
        assertEquals(List.of("jobs/r1/landmarks.dmpe", "jobs/r1/out/anim.fbx", "uploads/c1/u1"),
                StoreFiles.filesOnDisk(root), "no temp files left behind");
        // A new instance on the same root sees the same blobs (nothing lives only in memory).
        assertArrayEquals(new byte[] {7}, new LocalBlobStore(root).readAllBytes("uploads/c1/u1"));
    }

    @Test
    void fileOfGivesTheFileOfCompleteBlobsOnly() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        byte[] video = StoreFiles.bytes(1000, 3);
        store.putBytes("uploads/c1/u1", video);
        Path file = store.fileOf("uploads/c1/u1");
        assertEquals(root.resolve("uploads/c1/u1"), file, "file of uploads/c1/u1");
        assertArrayEquals(video, java.nio.file.Files.readAllBytes(file), "bytes in the file of uploads/c1/u1");

        store.append("uploads/c1/u2", 0, new ByteArrayInputStream(video), video.length);
        assertThrows(NoSuchBlobException.class, () -> store.fileOf("uploads/c1/u2"), "upload in progress has no file");
        store.completeUpload("uploads/c1/u2");
        assertArrayEquals(video, java.nio.file.Files.readAllBytes(store.fileOf("uploads/c1/u2")), "completed upload's file");

        for (String key : List.of("uploads/c1/none", "uploads/c1", "uploads/c1/u1/deeper")) {
            NoSuchBlobException e = assertThrows(NoSuchBlobException.class, () -> store.fileOf(key), "fileOf " + key);
            assertEquals(key, e.key(), "key named by the failure");
        }
        assertThrows(IllegalArgumentException.class, () -> store.fileOf("../escape"), "invalid key");
    }

    @Test
    void missingBlobsAreTypedErrors() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        store.putBytes("jobs/r1/out/a.bvh", new byte[3]);
        for (String key : List.of("jobs/r2/x", "jobs/r1", "jobs/r1/out", "jobs/r1/out/a.bvh/deeper")) {
            NoSuchBlobException e = assertThrows(NoSuchBlobException.class, () -> store.open(key), "open " + key);
            assertEquals(key, e.key());
            assertThrows(NoSuchBlobException.class, () -> store.size(key), "size " + key);
            assertThrows(NoSuchBlobException.class, () -> store.lastModified(key), "lastModified " + key);
            assertFalse(store.exists(key), "exists " + key);
        }
        assertFalse(store.delete("jobs/r2/x"));
        assertTrue(store.delete("jobs/r1/out/a.bvh"));
        assertFalse(store.exists("jobs/r1/out/a.bvh"));
    }

    @Test
    void oversizeStreamStoresNothingAndIsRefusedMidStream() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        long limit = 100_000;
        BlobTooLargeException exactPlusOne = assertThrows(BlobTooLargeException.class,
                () -> store.put("uploads/c1/u1", new StoreFiles.Source(limit + 1, -1), limit));
        assertEquals(limit, exactPlusOne.limitBytes());
        assertEquals("uploads/c1/u1", exactPlusOne.key());
        assertFalse(store.exists("uploads/c1/u1"));
        assertEquals(List.of(), StoreFiles.filesOnDisk(root), "an oversize stream left files");

        // An endless stream is cut off as soon as it passes the limit (reading at most one buffer more).
        StoreFiles.Source endless = StoreFiles.Source.endless();
        assertThrows(BlobTooLargeException.class, () -> store.put("uploads/c1/u2", endless, limit));
        assertTrue(endless.read <= limit + 64 * 1024, "read " + endless.read + " bytes of an endless stream");
        assertEquals(List.of(), StoreFiles.filesOnDisk(root));

        // Exactly at the limit is fine.
        assertEquals(limit, store.put("uploads/c1/u3", new StoreFiles.Source(limit, -1), limit));

        // Oversize over an existing blob leaves the old blob whole.
        assertThrows(BlobTooLargeException.class, () -> store.put("uploads/c1/u3", new StoreFiles.Source(limit + 5, -1), limit));
        assertEquals(limit, store.size("uploads/c1/u3"));
        assertEquals(List.of("uploads/c1/u3"), StoreFiles.filesOnDisk(root));
    }

    @Test
    void brokenInputStreamStoresNothing() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        IOException e = assertThrows(IOException.class,
                () -> store.put("uploads/c1/u1", new StoreFiles.Source(50_000, 20_000), 1_000_000));
        assertTrue(e.getMessage().contains("went away"), e.getMessage());
        assertFalse(store.exists("uploads/c1/u1"));
        assertEquals(List.of(), StoreFiles.filesOnDisk(root));
    }

    @Test
    void listIsSortedAndMatchesWholeSegments() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        List<String> keys = List.of("uploads/c10/a", "uploads/c1/b", "uploads/c1/a", "uploads/c1-x/a",
                "uploads/c1/Z", "jobs/r/out/x.fbx", "jobs/r/landmarks.dmpe", "top");
        for (String key : keys) {
            store.putBytes(key, key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(keys.stream().sorted().toList(), store.list(""));
        assertEquals(List.of("uploads/c1/Z", "uploads/c1/a", "uploads/c1/b"), store.list("uploads/c1"));
        assertEquals(List.of("uploads/c1/Z", "uploads/c1/a", "uploads/c1/b"), store.list("uploads/c1/"));
        assertEquals(List.of("jobs/r/out/x.fbx"), store.list("jobs/r/out/x.fbx"), "a key is its own prefix");
        assertEquals(List.of(), store.list("nothing/here"));
        assertThrows(IllegalArgumentException.class, () -> store.list("../"));
    }

    @Test
    void deletePrefixRemovesOnlyThatSubtree() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        for (String key : List.of("jobs/r1/landmarks.dmpe", "jobs/r1/out/a.fbx", "jobs/r1/out/b.glb",
                "jobs/r10/out/a.fbx", "jobs/r2/landmarks.dmpe")) {
            store.putBytes(key, new byte[10]);
        }
        store.append("jobs/r1/upload", 0, new ByteArrayInputStream(new byte[5]), 100);
        assertEquals(3, store.deletePrefix("jobs/r1"));
        assertEquals(List.of("jobs/r10/out/a.fbx", "jobs/r2/landmarks.dmpe"), store.list(""));
        assertEquals(0, store.sizeSoFar("jobs/r1/upload"), "upload in progress under the prefix was dropped");
        assertEquals(List.of("jobs/r10/out/a.fbx", "jobs/r2/landmarks.dmpe"), StoreFiles.filesOnDisk(root));
        assertEquals(0, store.deletePrefix("jobs/r1"), "second delete finds nothing");
        assertEquals(1, store.deletePrefix("jobs/r2/landmarks.dmpe"), "a key as prefix");
        assertEquals(1, store.deletePrefix(""), "everything");
        assertEquals(List.of(), store.list(""));
        store.putBytes("jobs/r1/x", new byte[1]);
        assertTrue(store.exists("jobs/r1/x"), "the store still works after deleting everything");
    }

    @Test
    void usedBytesCountsBlobsAndUploadsInProgressPerPrefix() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        store.putBytes("uploads/c1/a", new byte[1000]);
        store.putBytes("uploads/c1/b", new byte[234]);
        store.putBytes("uploads/c10/a", new byte[99_999]);
        store.putBytes("models/c1/m/model.glb", new byte[7]);
        store.append("uploads/c1/c", 0, new ByteArrayInputStream(new byte[50]), 1000);
        assertEquals(1284, store.usedBytes("uploads/c1"), "1000 + 234 + 50 in progress");
        assertEquals(99_999, store.usedBytes("uploads/c10"));
        assertEquals(50, store.usedBytes("uploads/c1/c"), "an upload in progress as prefix");
        assertEquals(1000 + 234 + 50 + 99_999 + 7, store.usedBytes(""));
        assertEquals(0, store.usedBytes("models/c2"));
    }

    @Test
    void aKeyCannotBeBothABlobAndAPrefix() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        store.putBytes("a/b", new byte[1]);
        assertThrows(IOException.class, () -> store.putBytes("a/b/c", new byte[1]));
        assertThrows(IOException.class, () -> store.putBytes("a", new byte[1]));
        assertArrayEquals(new byte[1], store.readAllBytes("a/b"));
        try (InputStream in = store.open("a/b")) {
            assertEquals(0, in.read());
        }
    }
}
