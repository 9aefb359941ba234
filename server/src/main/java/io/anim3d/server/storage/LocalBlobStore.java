package io.anim3d.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link BlobStore} of files under a root directory: the blob {@code a/b/c} is the file
 * {@code root/a/b/c}. Names starting with {@code '.'} (never keys, see {@link BlobKeys}) hold the
 * store's own files: {@code .c.<random>.tmp} temp siblings, {@code .c.partial} uploads in
 * progress, and {@code root/.locks}.
 *
 * <p>What is guaranteed, for any number of threads and processes using the same root on one
 * machine (local file system with POSIX rename and byte-range locks; not NFS):
 * <ul>
 *   <li>Readers see a blob completely or not at all: writes go to a temp sibling, are fsynced,
 *       then atomically renamed over the key, and the directory is fsynced; a concurrent writer
 *       of the same key replaces it whole (last rename wins). A reader that opened the old
 *       version keeps reading it.</li>
 *   <li>Once {@link #put} or {@link #completeUpload} returns, the blob survives a crash.</li>
 *   <li>Resumable appends and completions of one key are serialised by {@link StripedFileLocks};
 *       each accepted chunk is fsynced before its new size is returned, so an acknowledged size
 *       survives a crash. A chunk is first streamed to a temp file outside the lock (a slow
 *       client never holds a lock) and then copied in under the lock.</li>
 *   <li>{@link #deletePrefix} racing with writes under the same prefix may leave those writes
 *       stored or make them fail with an {@link IOException}; run it on quiescent prefixes.</li>
 * </ul>
 * A key cannot be both a blob and a prefix of other blobs ({@code a} and {@code a/b}): the
 * second write fails with an {@link IOException}. Our key layouts never do that.
 */
public final class LocalBlobStore implements BlobStore {
    private static final String PARTIAL_SUFFIX = ".partial";
    private static final String LOCK_FILE = ".locks";

    private final Path root;
    private final StripedFileLocks locks;

    /** Opens (creating if needed) the store under {@code root}. */
    public LocalBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        this.locks = StripedFileLocks.forFile(this.root.resolve(LOCK_FILE));
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    @Override
    public long put(String key, InputStream in, long maxBytes) throws IOException {
        Path target = pathOf(key);
        requireNonNegative("maxBytes", maxBytes);
        Path temp = newTempSibling(target);
        try {
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                size = BoundedCopy.copy(in, out, maxBytes, key, maxBytes);
                channel.force(true);
            }
            moveDurably(temp, target);
            try (StripedFileLocks.Held held = locks.lock(key)) {
                Files.deleteIfExists(partialOf(target));
            }
            return size;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchBlobException(key);
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException deletedMeanwhile) {
            throw new NoSuchBlobException(key);
        }
    }

    /**
     * The file holding the complete blob under {@code key}, for readers that need a path rather
     * than a stream (FFmpeg probes and decodes files). Only complete blobs: an upload in progress
     * lives in a hidden sibling and is never returned. Read the file, never write or move it; it
     * may be replaced whole (atomic rename) or deleted at any time after this returns.
     *
     * @throws NoSuchBlobException if there is no complete blob under {@code key}
     */
    public Path fileOf(String key) throws NoSuchBlobException {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchBlobException(key);
        }
        return path;
    }

    @Override
    public long size(String key) throws IOException {
        return attributes(key).size();
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public Instant lastModified(String key) throws IOException {
        return attributes(key).lastModifiedTime().toInstant();
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path path = pathOf(key);
        try (StripedFileLocks.Held held = locks.lock(key)) {
            boolean partial = Files.deleteIfExists(partialOf(path));
            boolean blob = Files.isRegularFile(path) && Files.deleteIfExists(path);
            return partial || blob;
        }
    }

    @Override
    public int deletePrefix(String prefix) throws IOException {
        String normalized = BlobKeys.requireValidPrefix(prefix);
        if (!normalized.isEmpty() && Files.isRegularFile(root.resolve(normalized))) {
            return delete(normalized) ? 1 : 0;
        }
        if (!normalized.isEmpty()) {
            Files.deleteIfExists(partialOf(root.resolve(normalized)));
        }
        int[] blobs = {0};
        Path start = normalized.isEmpty() ? root : root.resolve(normalized);
        if (!Files.isDirectory(start)) {
            return 0;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getParent().equals(root) && file.getFileName().toString().equals(LOCK_FILE)) {
                    return FileVisitResult.CONTINUE;
                }
                if (Files.deleteIfExists(file) && !file.getFileName().toString().startsWith(".")) {
                    blobs[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                if (!dir.equals(root)) {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (java.nio.file.DirectoryNotEmptyException writtenMeanwhile) {
                        // a concurrent writer created something here: leave it
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return blobs[0];
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        walk(prefix, (key, attrs, partial) -> {
            if (!partial) {
                keys.add(key);
            }
        });
        Collections.sort(keys);
        return keys;
    }

    /**
     * Bytes used by the blobs matching {@code prefix} (see {@link BlobKeys#requireValidPrefix}),
     * counting uploads in progress (they take disk space too) but not temp files of writes under
     * way. Walks the directory tree: cost grows with the number of files.
     */
    public long usedBytes(String prefix) throws IOException {
        long[] total = {0};
        walk(prefix, (key, attrs, partial) -> total[0] += attrs.size());
        return total[0];
    }

    @Override
    public long append(String key, long offset, InputStream in, long maxTotal) throws IOException {
        Path target = pathOf(key);
        requireNonNegative("offset", offset);
        requireNonNegative("maxTotal", maxTotal);
        Path partial = partialOf(target);
        // Fail fast, before reading a chunk that would be refused; re-checked under the lock.
        checkAppendable(key, target, partial, offset);
        if (offset > maxTotal) {
            throw new BlobTooLargeException(key, maxTotal);
        }
        Path temp = newTempSibling(target);
        try {
            long chunk;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                chunk = BoundedCopy.copy(in, Channels.newOutputStream(channel), maxTotal - offset, key, maxTotal);
                channel.force(true);
            }
            try (StripedFileLocks.Held held = locks.lock(key)) {
                checkAppendable(key, target, partial, offset);
                if (offset == 0) {
                    // First chunk: the temp file becomes the upload as it is (no second copy).
                    Files.move(temp, partial, StandardCopyOption.ATOMIC_MOVE);
                    fsyncDirectory(partial.getParent());
                } else {
                    appendFile(temp, partial, offset, chunk);
                }
                return offset + chunk;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public long sizeSoFar(String key) throws IOException {
        Path partial = partialOf(pathOf(key));
        try (StripedFileLocks.Held held = locks.lock(key)) {
            return Files.isRegularFile(partial) ? Files.size(partial) : 0;
        }
    }

    @Override
    public long completeUpload(String key) throws IOException {
        Path target = pathOf(key);
        Path partial = partialOf(target);
        try (StripedFileLocks.Held held = locks.lock(key)) {
            if (!Files.isRegularFile(partial)) {
                if (Files.isRegularFile(target)) {
                    return Files.size(target);
                }
                throw new NoSuchBlobException(key);
            }
            long size = Files.size(partial);
            moveDurably(partial, target);
            return size;
        }
    }

    @Override
    public boolean abortUpload(String key) throws IOException {
        Path partial = partialOf(pathOf(key));
        try (StripedFileLocks.Held held = locks.lock(key)) {
            return Files.deleteIfExists(partial);
        }
    }

    private void checkAppendable(String key, Path target, Path partial, long offset) throws IOException {
        boolean inProgress = Files.isRegularFile(partial);
        if (!inProgress && Files.isRegularFile(target)) {
            throw new UploadAlreadyCompleteException(key, Files.size(target));
        }
        long current = inProgress ? Files.size(partial) : 0;
        if (offset != current) {
            throw new UploadOffsetException(key, offset, current);
        }
    }

    /** Copies {@code chunk} onto the end of {@code partial}; on failure cuts it back to {@code offset}. */
    private static void appendFile(Path chunk, Path partial, long offset, long chunkBytes) throws IOException {
        try (FileChannel from = FileChannel.open(chunk, StandardOpenOption.READ);
             FileChannel to = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            try {
                long done = 0;
                while (done < chunkBytes) {
                    done += to.transferFrom(from, offset + done, chunkBytes - done);
                }
                to.force(true);
            } catch (IOException | RuntimeException e) {
                to.truncate(offset);
                throw e;
            }
        }
    }

    private BasicFileAttributes attributes(String key) throws IOException {
        Path path = pathOf(key);
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                throw new NoSuchBlobException(key);
            }
            return attrs;
        } catch (NoSuchFileException e) {
            throw new NoSuchBlobException(key);
        } catch (java.nio.file.FileSystemException e) {
            // e.g. "Not a directory" when a parent segment is a blob
            if (!Files.isRegularFile(path)) {
                throw new NoSuchBlobException(key);
            }
            throw e;
        }
    }

    /** Visits blobs and uploads in progress matching {@code prefix}. */
    private void walk(String prefix, Visitor visitor) throws IOException {
        String normalized = BlobKeys.requireValidPrefix(prefix);
        Path start = normalized.isEmpty() ? root : root.resolve(normalized);
        Path startPartial = normalized.isEmpty() ? null : partialOf(start);
        if (startPartial != null) {
            Path partial = startPartial;
            if (Files.isRegularFile(partial)) {
                visitor.visit(normalized, Files.readAttributes(partial, BasicFileAttributes.class), true);
            }
        }
        if (!Files.exists(start)) {
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                String name = file.getFileName().toString();
                String relativeParent = root.relativize(file.getParent()).toString().replace('\\', '/');
                String parentKey = relativeParent.isEmpty() ? "" : relativeParent + "/";
                if (!name.startsWith(".")) {
                    visitor.visit(parentKey + name, attrs, false);
                } else if (name.endsWith(PARTIAL_SUFFIX) && !file.equals(startPartial)) {
                    String blobName = name.substring(1, name.length() - PARTIAL_SUFFIX.length());
                    visitor.visit(parentKey + blobName, attrs, true);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private interface Visitor {
        void visit(String key, BasicFileAttributes attrs, boolean partial) throws IOException;
    }

    private Path pathOf(String key) {
        BlobKeys.requireValidKey(key);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            // Unreachable with a valid key; kept as a second line against path traversal.
            throw new IllegalArgumentException("invalid blob key " + BlobKeys.describe(key) + ": escapes the store");
        }
        return path;
    }

    private static Path partialOf(Path blob) {
        return blob.resolveSibling("." + blob.getFileName() + PARTIAL_SUFFIX);
    }

    /**
     * A new empty temp file next to {@code target} (same directory, so the final rename is atomic).
     * Retries when a concurrent {@link #deletePrefix} removes the directory in between.
     */
    private static Path newTempSibling(Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(target.getParent());
            try {
                return Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            } catch (NoSuchFileException dirDeletedMeanwhile) {
                if (attempt == 3) {
                    throw dirDeletedMeanwhile;
                }
            }
        }
    }

    private static void moveDurably(Path from, Path to) throws IOException {
        // rename(2): atomically replaces an existing blob; readers see the old or the new file.
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(to.getParent());
    }

    /** Makes a rename durable. Not possible on every platform (Windows), where it is skipped. */
    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException notSupported) {
            // the file system orders directory updates itself or cannot sync them
        }
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 bytes, was " + value);
        }
    }
}
