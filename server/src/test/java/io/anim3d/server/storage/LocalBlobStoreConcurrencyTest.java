package io.anim3d.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreConcurrencyTest {
    @TempDir
    Path root;

    @Test
    void concurrentWritersToDifferentKeysAllLand() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perThread; i++) {
                        store.putBytes("jobs/r" + thread + "/out/f" + i, StoreFiles.bytes(1000 + i, thread * 100 + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, store.list("jobs").size());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                String key = "jobs/r" + t + "/out/f" + i;
                assertTrue(Arrays.equals(StoreFiles.bytes(1000 + i, t * 100 + i), store.readAllBytes(key)),
                        "wrong content in " + key);
            }
        }
    }

    /** Versions differ in length and fill byte, so a torn or mixed read is detected. */
    private static byte[] version(int v) {
        byte[] b = new byte[200_000 + 1_000 * (v % 50)];
        Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void readersOfAKeyBeingReplacedSeeOnlyWholeVersions() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        String key = "jobs/r1/out/anim.fbx";
        store.putBytes(key, version(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<String>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        byte[] got = store.readAllBytes(key);
                        int v = got[0] & 0xff;
                        byte[] expected = version(v);
                        if (!Arrays.equals(expected, got)) {
                            return "read " + got.length + " bytes starting with version " + v + ", expected "
                                    + expected.length + " bytes; first difference at byte "
                                    + Arrays.mismatch(expected, got);
                        }
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int v = 1; v <= 150; v++) {
                store.putBytes(key, version(v));
            }
            writing.set(false);
            for (Future<String> reader : readers) {
                String problem = reader.get(60, TimeUnit.SECONDS);
                if (problem != null) {
                    fail(problem);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(reads.get() > 20, "readers ran only " + reads.get() + " times: the test did not overlap");
        assertEquals(List.of(key), StoreFiles.filesOnDisk(root), "temp files left behind");
    }

    /**
     * Two child JVMs and three threads here race to append fixed-size chunks to one upload at
     * whatever its size is. With correct locking every chunk lands whole, exactly once, at its
     * offset: the completed file is a sequence of uniform chunks and has exactly the full size.
     */
    @Test
    void appendsFromSeveralProcessesAndThreadsNeverInterleave() throws Exception {
        String key = "uploads/c1/raced";
        int chunkBytes = 8192;
        int totalChunks = 300;
        Path start = root.resolve("start");
        Path storeRoot = root.resolve("store");
        LocalBlobStore store = new LocalBlobStore(storeRoot);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int p = 1; p <= 2; p++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AppendWorker.class.getName(), storeRoot.toString(), key, String.valueOf(p),
                    String.valueOf(chunkBytes), String.valueOf(totalChunks), start.toString())
                    .redirectErrorStream(true).start());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> threads = new ArrayList<>();
        try {
            Thread.sleep(300); // let the children start their JVMs
            Files.createFile(start);
            for (int t = 0; t < 3; t++) {
                byte marker = (byte) (10 + t);
                threads.add(pool.submit(() -> AppendWorker.run(store, key, marker, chunkBytes, totalChunks)));
            }
            int acceptedHere = 0;
            for (Future<Integer> f : threads) {
                acceptedHere += f.get(120, TimeUnit.SECONDS);
            }
            int acceptedChildren = 0;
            for (Process child : children) {
                assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertEquals(0, child.exitValue(), "child failed: " + out);
                acceptedChildren += Integer.parseInt(out);
            }
            assertEquals(totalChunks, acceptedHere + acceptedChildren,
                    "accepted chunks (" + acceptedHere + " here, " + acceptedChildren + " in children)");
        } finally {
            pool.shutdownNow();
            children.forEach(Process::destroy);
        }
        assertEquals((long) chunkBytes * totalChunks, store.completeUpload(key));
        byte[] all = store.readAllBytes(key);
        for (int c = 0; c < totalChunks; c++) {
            byte marker = all[c * chunkBytes];
            for (int i = 1; i < chunkBytes; i++) {
                if (all[c * chunkBytes + i] != marker) {
                    fail("chunk " + c + " is mixed: byte " + i + " is " + all[c * chunkBytes + i]
                            + ", first byte " + marker);
                }
            }
        }
    }

    /** Two store instances on one root in one JVM must share locks (Java file locks are per JVM). */
    @Test
    void twoStoreInstancesOnOneRootRaceSafely() throws Exception {
        LocalBlobStore a = new LocalBlobStore(root);
        LocalBlobStore b = new LocalBlobStore(root.resolve("sub").resolve(".."));
        String key = "uploads/c/u";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> fa = pool.submit(() -> AppendWorker.run(a, key, (byte) 1, 1000, 400));
            Future<Integer> fb = pool.submit(() -> AppendWorker.run(b, key, (byte) 2, 1000, 400));
            int accepted = fa.get(60, TimeUnit.SECONDS) + fb.get(60, TimeUnit.SECONDS);
            assertEquals(400, accepted, "chunks accepted by both instances");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400_000, b.completeUpload(key));
    }
}
