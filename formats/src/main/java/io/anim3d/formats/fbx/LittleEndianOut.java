package io.anim3d.formats.fbx;

import java.io.IOException;
import java.io.OutputStream;

/** Little-endian primitive writes that count the bytes written (the file offset). */
final class LittleEndianOut {
    private static final byte[] ZEROS = new byte[256];

    private final OutputStream out;
    private long position;

    LittleEndianOut(OutputStream out) {
        this.out = out;
    }

    /** Bytes written so far, i.e. the file offset of the next byte. */
    long position() {
        return position;
    }

    void u8(int v) throws IOException {
        out.write(v);
        position++;
    }

    void u32(long v) throws IOException {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        position += 4;
    }

    void u64(long v) throws IOException {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        position += 8;
    }

    void bytes(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
    }

    void zeros(int count) throws IOException {
        int left = count;
        while (left > 0) {
            int n = Math.min(left, ZEROS.length);
            out.write(ZEROS, 0, n);
            left -= n;
        }
        position += count;
    }

    void flush() throws IOException {
        out.flush();
    }
}
