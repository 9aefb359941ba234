package io.anim3d.formats.gltf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The GLB container (glTF 2.0 spec, "Binary glTF Layout"): a 12-byte header (magic {@code glTF},
 * version 2, total length), a JSON chunk padded with spaces to 4 bytes, and an optional BIN chunk
 * padded with zeros to 4 bytes. Little-endian throughout. Knows nothing about scenes.
 *
 * @param json the JSON chunk's text, without padding
 * @param bin  the BIN chunk's bytes (the buffer, padding included), or an empty array for none
 */
record GlbContainer(String json, byte[] bin) {
    static final int MAGIC = 0x46546C67; // "glTF" read as a little-endian uint32
    static final int VERSION = 2;
    static final int CHUNK_JSON = 0x4E4F534A; // "JSON"
    static final int CHUNK_BIN = 0x004E4942; // "BIN\0"
    static final int HEADER_BYTES = 12;
    static final int CHUNK_HEADER_BYTES = 8;

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    byte[] toBytes() {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int jsonLength = padded(text.length);
        int binLength = padded(bin.length);
        long total = (long) HEADER_BYTES + CHUNK_HEADER_BYTES + jsonLength + (bin.length > 0 ? CHUNK_HEADER_BYTES + binLength : 0);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("GLB would be " + total + " bytes; the format's limit is 4 GiB and ours 2 GiB");
        }
        ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt((int) total);
        b.putInt(jsonLength).putInt(CHUNK_JSON).put(text);
        for (int i = text.length; i < jsonLength; i++) {
            b.put((byte) ' ');
        }
        if (bin.length > 0) {
            b.putInt(binLength).putInt(CHUNK_BIN).put(bin); // the rest stays zero
        }
        return b.array();
    }

    /** Splits a GLB file into its JSON text and BIN bytes, checking every length field. */
    static GlbContainer parse(byte[] glb) {
        if (glb.length < HEADER_BYTES + CHUNK_HEADER_BYTES) {
            throw new GlbFormatException("GLB: " + glb.length + " bytes is shorter than a header and one chunk header");
        }
        ByteBuffer b = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        if (magic != MAGIC) {
            throw new GlbFormatException(String.format(java.util.Locale.ROOT, "GLB: magic is 0x%08x, not 'glTF'", magic));
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw new GlbFormatException("GLB: container version " + version + ", only 2 is supported");
        }
        int total = b.getInt();
        if (total != glb.length) {
            throw new GlbFormatException("GLB: header says " + total + " bytes, the file has " + glb.length);
        }
        String json = null;
        byte[] bin = new byte[0];
        int index = 0;
        while (b.remaining() > 0) {
            if (b.remaining() < CHUNK_HEADER_BYTES) {
                throw new GlbFormatException("GLB: chunk " + index + " header cut off at byte " + b.position());
            }
            int length = b.getInt();
            int type = b.getInt();
            if (length < 0 || length > b.remaining() || length % 4 != 0) {
                throw new GlbFormatException("GLB: chunk " + index + " claims " + length + " bytes, " + b.remaining()
                        + " remain (and chunk lengths are multiples of 4)");
            }
            byte[] data = new byte[length];
            b.get(data);
            if (index == 0 && type != CHUNK_JSON) {
                throw new GlbFormatException("GLB: the first chunk must be JSON");
            }
            if (type == CHUNK_JSON && index == 0) {
                json = new String(data, StandardCharsets.UTF_8).stripTrailing();
            } else if (type == CHUNK_BIN && index == 1) {
                bin = data;
            }
            index++; // other chunk types are skipped, as the spec asks
        }
        return new GlbContainer(json, bin);
    }
}
