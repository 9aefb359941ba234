package io.anim3d.formats.fbx;

/**
 * Byte-level constants of binary FBX 7.x, as the FBX SDK and Blender's exporter
 * ({@code io_scene_fbx/encode_bin.py}) write them. See docs/formats.md, "FBX (binary codec)".
 */
final class FbxLayout {
    private FbxLayout() {
    }

    /** "Kaydara FBX Binary", two spaces, NUL, 0x1A, NUL; the uint32 version follows. */
    static final byte[] HEADER_MAGIC = {
        'K', 'a', 'y', 'd', 'a', 'r', 'a', ' ', 'F', 'B', 'X', ' ', 'B', 'i', 'n', 'a', 'r', 'y',
        0x20, 0x20, 0x00, 0x1A, 0x00};

    /** Header magic + uint32 version. */
    static final int HEADER_BYTES = HEADER_MAGIC.length + 4;

    /** First version whose record header fields are uint64 and whose NULL record is 25 bytes. */
    static final int FIRST_64BIT_VERSION = 7500;

    static final int MIN_READ_VERSION = 7100;
    static final int MAX_READ_VERSION = 7700;

    /**
     * Footer id Blender writes after the top-level NULL record. The FBX SDK derives these bytes
     * from the file's creation time; Blender (and we) write fixed bytes together with a fixed
     * {@code CreationTime}, which importers accept.
     */
    static final byte[] FOOTER_ID = bytes(
            0xfa, 0xbc, 0xab, 0x09, 0xd0, 0xc8, 0xd4, 0x66, 0xb1, 0x76, 0xfb, 0x83, 0x1c, 0xf7, 0x26, 0x7e);

    /** Zero bytes after {@link #FOOTER_ID}, before the alignment padding. */
    static final int FOOTER_ID_ZEROS = 4;

    /** Zero bytes between the repeated version and {@link #FOOTER_MAGIC}. */
    static final int FOOTER_ZEROS = 120;

    /** The closing 16 bytes of every binary FBX file (same in all SDK and Blender files). */
    static final byte[] FOOTER_MAGIC = bytes(
            0xf8, 0x5a, 0x8c, 0x6a, 0xde, 0xf5, 0xd9, 0x7e, 0xec, 0xe9, 0x0c, 0xe3, 0x75, 0x8f, 0x29, 0x0b);

    /** Array payload encodings. */
    static final int ENCODING_RAW = 0;
    static final int ENCODING_ZLIB = 1;

    static boolean is64Bit(int version) {
        return version >= FIRST_64BIT_VERSION;
    }

    /** Bytes of endOffset + numProperties + propertyListLen + nameLen: 13 or 25. */
    static int recordHeaderBytes(int version) {
        return is64Bit(version) ? 25 : 13;
    }

    /** The NULL record is a record header of zeros. */
    static int nullRecordBytes(int version) {
        return recordHeaderBytes(version);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
