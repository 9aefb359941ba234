package io.anim3d.formats.landmarks;

import java.util.zip.Deflater;

/**
 * Constants of the byte layout (see {@code docs/formats.md}). All multi-byte integers and floats
 * outside the shuffled pose planes are big-endian.
 */
final class DmpeLayout {
    private DmpeLayout() {
    }

    /**
     * PNG-style signature: the high byte catches 7-bit transfers, CR LF catches line-ending
     * conversion, 0x1A stops {@code type} on DOS.
     */
    static final byte[] MAGIC = {(byte) 0x89, 'D', 'M', 'P', 'E', '\r', '\n', 0x1A};

    /** Major version: a reader refuses files with a higher one (incompatible layout change). */
    static final int MAJOR_VERSION = 1;
    /** Minor version written: a reader accepts any minor of its major (compatible additions). */
    static final int MINOR_VERSION = 1;

    /** Bytes before the header body: magic, u16 major, u16 minor, u32 header body length. */
    static final int PREAMBLE_BYTES = 16;
    /** Guard against a corrupt length making the reader allocate gigabytes. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** Guard for a record length; a pose frame is 1085 bytes. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    /** A frame: f64 time, u8 flags, then the pose planes when flag bit 0 is set. */
    static final int RECORD_FRAME = 0x01;
    /** Last record: u32 frame count, u32 CRC32 of the body bytes before this CRC field. */
    static final int RECORD_END = 0xFF;
    /** Record types with this bit set must be understood; the others may be skipped. */
    static final int CRITICAL_BIT = 0x80;

    static final int FLAG_POSE = 0x01;
    /** Since 1.1, after the pose (or the flags): f32 background shift x, f32 y (NaN when unknown). */
    static final int SCENE_BYTES = 8;
    /** f64 time plus u8 flags. */
    static final int FRAME_FIXED_BYTES = 9;
    static final int END_PAYLOAD_BYTES = 8;

    /** Fixed so that the same track always compresses to the same bytes. */
    static final int DEFLATE_LEVEL = Deflater.BEST_COMPRESSION;

    static String version() {
        return MAJOR_VERSION + "." + MINOR_VERSION;
    }
}
