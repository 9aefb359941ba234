package io.anim3d.formats.landmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The decompressed body of a file, read on demand from the underlying stream, with a running
 * CRC32 of every byte handed out. Its own inflater (not InflaterInputStream) so that it can tell
 * the end of the file (truncation: {@link EOFException}) from damaged compressed data
 * ({@link ZipException}) and can check that nothing follows the compressed stream.
 */
final class BodyInput implements AutoCloseable {
    private final InputStream in;
    private final Inflater inflater = new Inflater(false);
    private final byte[] input = new byte[16 * 1024];
    private final byte[] one = new byte[1];
    private final CRC32 crc = new CRC32();
    private long bytesOut;

    BodyInput(InputStream in) {
        this.in = in;
    }

    /** Fills {@code b[off, off+len)} with body bytes and adds them to the CRC. */
    void readFully(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            done += inflateSome(b, off + done, len - done);
        }
        crc.update(b, off, len);
        bytesOut += len;
    }

    int readUnsignedByte() throws IOException {
        readFully(one, 0, 1);
        return one[0] & 0xFF;
    }

    /** Reads and discards {@code n} body bytes (they still count in the CRC). */
    void skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        while (n > 0) {
            int chunk = (int) Math.min(n, scratch.length);
            readFully(scratch, 0, chunk);
            n -= chunk;
        }
    }

    private int inflateSome(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw damaged(e);
            }
            if (n > 0) {
                return n;
            }
            if (inflater.finished()) {
                throw new ZipException("the compressed body ends before the end record");
            }
            if (inflater.needsDictionary()) {
                throw new ZipException("corrupt compressed data (zlib asks for a preset dictionary)");
            }
            if (inflater.needsInput()) {
                int got = in.read(input);
                if (got < 0) {
                    throw new EOFException("file ends inside the compressed body");
                }
                inflater.setInput(input, 0, got);
            }
        }
    }

    /**
     * zlib checks its own Adler-32 of the same decompressed bytes when it reaches the stream's
     * trailer, which it does in the same call that hands out the end record's last bytes: so a
     * silently changed byte is usually reported here, before the end record's CRC32 is compared.
     * Both are checksum mismatches of the body and are reported alike.
     */
    private static ZipException damaged(DataFormatException e) {
        if ("incorrect data check".equals(e.getMessage())) {
            return new ZipException(CHECKSUM_MISMATCH + " (zlib Adler-32 of the decompressed body)");
        }
        return new ZipException("corrupt compressed data (zlib: " + e.getMessage() + ")");
    }

    static final String CHECKSUM_MISMATCH = "checksum mismatch";

    /** CRC32 of the body bytes handed out so far. */
    int crc() {
        return (int) crc.getValue();
    }

    /** Uncompressed body bytes handed out so far. */
    long bytesOut() {
        return bytesOut;
    }

    /**
     * After the end record: the zlib stream must end there (its Adler-32 trailer checked) and the
     * file with it.
     */
    void expectEnd() throws IOException {
        while (!inflater.finished()) {
            int n;
            try {
                n = inflater.inflate(one, 0, 1);
            } catch (DataFormatException e) {
                throw damaged(e);
            }
            if (n > 0) {
                throw new ZipException("data follows the end record inside the compressed body");
            }
            if (!inflater.finished() && inflater.needsInput()) {
                int got = in.read(input);
                if (got < 0) {
                    throw new EOFException("file ends inside the compressed body's trailer");
                }
                inflater.setInput(input, 0, got);
            }
        }
        if (inflater.getRemaining() > 0 || in.read() >= 0) {
            throw new ZipException("unexpected bytes after the end of the compressed body");
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
