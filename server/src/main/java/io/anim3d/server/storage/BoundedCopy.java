package io.anim3d.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies a stream with a size limit that is enforced while reading, not after. */
final class BoundedCopy {
    private static final int BUFFER_BYTES = 64 * 1024;

    private BoundedCopy() {
    }

    /**
     * Copies {@code in} to {@code out} until end of stream.
     *
     * @param limitBytes most bytes allowed
     * @param limitForMessage the limit reported in the exception (the whole blob's limit, which
     *     may be larger than {@code limitBytes} for an upload chunk)
     * @return bytes copied
     * @throws BlobTooLargeException as soon as more than {@code limitBytes} bytes have been read;
     *     the caller discards what was written
     */
    static long copy(InputStream in, OutputStream out, long limitBytes, String key, long limitForMessage)
            throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return total;
            }
            if (total + n > limitBytes) {
                throw new BlobTooLargeException(key, limitForMessage);
            }
            out.write(buffer, 0, n);
            total += n;
        }
    }
}
