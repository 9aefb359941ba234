package io.anim3d.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion per key across the threads of this JVM and across processes on one machine.
 * Keys are hashed onto {@value #STRIPES} stripes; stripe {@code i} is a {@link ReentrantLock}
 * (threads) plus an OS byte-range lock on byte {@code i} of one lock file (processes). The OS
 * lock is released by the kernel when a process dies, so a crash never leaves a stale lock.
 *
 * <p>Why one instance per lock file per JVM (a static registry): Java file locks belong to the
 * whole JVM (a second channel locking the same range throws
 * {@link java.nio.channels.OverlappingFileLockException}), and on POSIX closing any descriptor
 * of the file drops all the process's locks on it. So every store on the same root must share
 * one channel, which stays open for the life of the JVM.
 *
 * <p>Interrupts: an I/O call on an interruptible channel closes it if the thread is interrupted.
 * The blocking wait is therefore done with non-blocking {@code tryLock} calls and the interrupt
 * status cleared around them (and restored after). If an interrupt still lands in that
 * microsecond window the channel is reopened; until then other processes may enter stripes held
 * here (threads of this JVM stay excluded by the {@link ReentrantLock}s).
 *
 * <p>Hold stripes only for short local disk work: unrelated keys share a stripe.
 */
final class StripedFileLocks {
    static final int STRIPES = 256;
    private static final ConcurrentHashMap<Path, StripedFileLocks> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock[] threadLocks = new ReentrantLock[STRIPES];
    private FileChannel channel;

    private StripedFileLocks(Path file) throws IOException {
        this.file = file;
        for (int i = 0; i < STRIPES; i++) {
            threadLocks[i] = new ReentrantLock();
        }
        this.channel = openChannel();
    }

    /** The shared locks for {@code lockFile} (created if missing). */
    static StripedFileLocks forFile(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            try {
                Files.createFile(lockFile);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another store or process created it first: fine
            }
        }
        Path real = lockFile.toRealPath();
        try {
            return BY_FILE.computeIfAbsent(real, p -> {
                try {
                    return new StripedFileLocks(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Locks the stripe of {@code key}; close the result to unlock. */
    Held lock(String key) throws IOException {
        int stripe = Math.floorMod(key.hashCode(), STRIPES);
        ReentrantLock threadLock = threadLocks[stripe];
        threadLock.lock();
        boolean interrupted = Thread.interrupted();
        try {
            FileLock fileLock = acquireFileLock(stripe);
            return new Held(threadLock, fileLock);
        } catch (IOException | RuntimeException | Error e) {
            threadLock.unlock();
            throw e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private FileLock acquireFileLock(int stripe) throws IOException {
        long sleepMillis = 1;
        boolean interrupted = false;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = currentChannel().tryLock(stripe, 1, false);
                } catch (ClosedChannelException closedByInterrupt) {
                    interrupted |= Thread.interrupted();
                    reopen();
                    continue;
                }
                if (lock != null) {
                    return lock;
                }
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                sleepMillis = Math.min(20, sleepMillis * 2);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized FileChannel currentChannel() {
        return channel;
    }

    private synchronized void reopen() throws IOException {
        if (!channel.isOpen()) {
            channel = openChannel();
        }
    }

    private FileChannel openChannel() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** A held stripe. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock threadLock;
        private final FileLock fileLock;

        private Held(ReentrantLock threadLock, FileLock fileLock) {
            this.threadLock = threadLock;
            this.fileLock = fileLock;
        }

        @Override
        public void close() throws IOException {
            boolean interrupted = Thread.interrupted();
            try {
                if (fileLock.isValid()) {
                    fileLock.release();
                }
            } catch (ClosedChannelException gone) {
                // the channel was closed by an interrupt: the OS lock went with it
            } finally {
                threadLock.unlock();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
