package io.anim3d.formats.landmarks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Test-only editing of dmpe bytes at the layout level (independent of the reader's code paths):
 * splits a file into its head and decompressed records, and reassembles edited records with a
 * recomputed checksum, so tests can plant future record types or silent corruption.
 */
final class DmpeSurgery {
    private DmpeSurgery() {
    }

    /** One body record: type and payload. */
    record Rec(int type, byte[] payload) {
    }

    static int headBytes(byte[] file) {
        return 16 + ByteBuffer.wrap(file, 12, 4).getInt() + 4;
    }

    static byte[] inflateBody(byte[] file) {
        Inflater inf = new Inflater(false);
        inf.setInput(file, headBytes(file), file.length - headBytes(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && inf.needsInput()) {
                    throw new IllegalStateException("body ends early");
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    static List<Rec> records(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(inflateBody(file));
        List<Rec> recs = new ArrayList<>();
        while (b.hasRemaining()) {
            int type = b.get() & 0xFF;
            byte[] payload = new byte[b.getInt()];
            b.get(payload);
            recs.add(new Rec(type, payload));
        }
        return recs;
    }

    /** Head of {@code file} followed by {@code recs}; the END record's CRC is recomputed if {@code fixCrc}. */
    static byte[] assemble(byte[] file, List<Rec> recs, boolean fixCrc) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Rec r : recs) {
            body.write(r.type());
            body.writeBytes(ByteBuffer.allocate(4).putInt(r.payload().length).array());
            if (r.type() == 0xFF && fixCrc) {
                CRC32 crc = new CRC32();
                crc.update(body.toByteArray());
                crc.update(r.payload(), 0, 4);
                body.writeBytes(Arrays.copyOf(r.payload(), 4));
                body.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            } else {
                body.writeBytes(r.payload());
            }
        }
        Deflater def = new Deflater(9, false);
        def.setInput(body.toByteArray());
        def.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, headBytes(file));
        byte[] buf = new byte[8192];
        while (!def.finished()) {
            out.write(buf, 0, def.deflate(buf));
        }
        def.end();
        return out.toByteArray();
    }

    /** Replaces the head's bytes by {@code head} (recomputing the header CRC) and keeps the body. */
    static byte[] withHead(byte[] file, byte[] headBody, int major, int minor) {
        ByteBuffer h = ByteBuffer.allocate(16 + headBody.length + 4);
        h.put(DmpeLayout.MAGIC).putShort((short) major).putShort((short) minor).putInt(headBody.length).put(headBody);
        CRC32 crc = new CRC32();
        crc.update(h.array(), 0, h.position());
        h.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.write(file, headBytes(file), file.length - headBytes(file));
        return out.toByteArray();
    }

    /** The header body (between the preamble and the header CRC) of {@code file}. */
    static byte[] headBody(byte[] file) {
        return Arrays.copyOfRange(file, 16, headBytes(file) - 4);
    }
}
