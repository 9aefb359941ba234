package io.anim3d.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test helpers: what is really on disk, and streams that misbehave. */
final class StoreFiles {
    private StoreFiles() {
    }

    /** Every regular file under the store root except the lock file, as relative paths. */
    static List<String> filesOnDisk(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(".locks"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Deterministic test bytes. */
    static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b[i] = (byte) x;
        }
        return b;
    }

    /** A stream of {@code total} bytes (or endless when negative), delivered in small reads, counting what was read. */
    static final class Source extends InputStream {
        private final long total;
        private final long failAfter;
        long read;

        Source(long total, long failAfter) {
            this.total = total;
            this.failAfter = failAfter;
        }

        static Source endless() {
            return new Source(-1, -1);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failAfter >= 0 && read >= failAfter) {
                throw new IOException("client went away after " + read + " bytes");
            }
            if (total >= 0 && read >= total) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, 1000), total < 0 ? Long.MAX_VALUE : total - read);
            if (failAfter >= 0) {
                n = (int) Math.min(n, failAfter - read);
            }
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (read + i);
            }
            read += n;
            return n;
        }
    }
}
