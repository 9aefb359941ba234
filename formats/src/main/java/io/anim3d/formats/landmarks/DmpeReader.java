package io.anim3d.formats.landmarks;

import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.TrackFrame;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.zip.ZipException;

/**
 * Reads a {@code landmarks.dmpe} stream frame by frame without loading the whole file: memory is
 * one record plus the decompressor's window. Records of unknown non-critical types (written by a
 * later minor version, e.g. hands or face) are skipped.
 *
 * <p>Frames are handed out as they are decoded; the checksum in the end record is verified when
 * the last frame has been read, i.e. by the {@link #hasNext()} that returns false. A consumer
 * that must not act on unverified data reads everything first ({@link Dmpe#read}).
 *
 * <p>{@link #hasNext()} and {@link #next()} report a damaged file as an
 * {@link UncheckedIOException} whose cause is the {@link DmpeFormatException};
 * {@link #readFrame()} throws it directly. Not thread-safe.
 */
public final class DmpeReader implements AutoCloseable, Iterator<TrackFrame> {
    private final String source;
    private final DmpeHeader header;
    private final int minorVersion;
    private final long headerBytes;
    private final BodyInput body;
    private final PoseCodec poses = new PoseCodec();
    private byte[] record = new byte[DmpeLayout.FRAME_FIXED_BYTES + PoseCodec.BYTES];
    private long frames;
    private double lastTimeSeconds = Double.NaN;
    private long skippedRecords;
    private TrackFrame lookahead;
    private boolean ended;
    private int storedCrc;
    private DmpeFormatException failure;

    private DmpeReader(String source, HeaderCodec.Head head, InputStream in) {
        this.source = source;
        this.header = head.header();
        this.minorVersion = head.minorVersion();
        this.headerBytes = head.bytes();
        this.body = new BodyInput(in);
    }

    /**
     * Reads and checks the header of the stream. The reader owns {@code in} and closes it in
     * {@link #close()}; pass a buffered stream for speed.
     *
     * @throws DmpeFormatException not a dmpe stream, a newer major version, or a damaged header
     */
    public static DmpeReader open(InputStream in) throws IOException {
        return open(in, "landmarks.dmpe");
    }

    /** As {@link #open(InputStream)}, naming {@code source} (e.g. the file) in error messages. */
    static DmpeReader open(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        try {
            return new DmpeReader(source, HeaderCodec.read(in, source), in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public DmpeHeader header() {
        return header;
    }

    /** Format version of the file, e.g. {@code 1.0}. */
    public String formatVersion() {
        return DmpeLayout.MAJOR_VERSION + "." + minorVersion;
    }

    /** Frames decoded so far (including one that {@link #hasNext()} has read ahead). */
    public long frameCount() {
        return frames;
    }

    /** Records of unknown types skipped so far. */
    public long skippedRecords() {
        return skippedRecords;
    }

    /** Header bytes plus uncompressed body bytes read so far: the file's size without compression. */
    long uncompressedBytes() {
        return headerBytes + body.bytesOut();
    }

    /** The CRC32 from the end record, valid once the end was reached. */
    int storedCrc() {
        return storedCrc;
    }

    /**
     * The next frame, or null after the last one, once the end record's frame count and
     * checksum have been verified.
     *
     * @throws DmpeFormatException truncated, corrupt or failing its checksum; the message names the last good frame
     */
    public TrackFrame readFrame() throws DmpeFormatException {
        if (lookahead != null) {
            TrackFrame f = lookahead;
            lookahead = null;
            return f;
        }
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return null;
        }
        try {
            return decodeNext();
        } catch (DmpeFormatException e) {
            failure = e;
        } catch (EOFException e) {
            failure = new DmpeFormatException(source + ": truncated " + afterLastGoodFrame()
                    + (frames > 0 ? "; " + frames + " frames readable" : "") + ": " + e.getMessage()
                    + " and the end record is missing" + (frames > 0 ? ", so those frames cannot be checksum-verified" : ""), e);
        } catch (ZipException e) {
            failure = new DmpeFormatException(source + ": " + e.getMessage()
                    + (e.getMessage().startsWith(BodyInput.CHECKSUM_MISMATCH) ? " detected " : " ")
                    + afterLastGoodFrame() + "; the file is damaged", e);
        } catch (IOException e) {
            failure = new DmpeFormatException(source + ": read failed " + afterLastGoodFrame() + ": " + e.getMessage(), e);
        }
        throw failure;
    }

    private String afterLastGoodFrame() {
        return frames == 0 ? "before the first frame"
                : String.format(java.util.Locale.ROOT, "after frame %d (t=%.3f s)", frames - 1, lastTimeSeconds);
    }

    private TrackFrame decodeNext() throws IOException {
        while (true) {
            int type = body.readUnsignedByte();
            byte[] lengthBytes = new byte[4];
            body.readFully(lengthBytes, 0, 4);
            long length = ByteBuffer.wrap(lengthBytes).getInt() & 0xFFFF_FFFFL;
            if (length > DmpeLayout.MAX_RECORD_BYTES) {
                throw corrupt("record of type 0x" + hex(type) + " claims " + length + " bytes");
            }
            if (type == DmpeLayout.RECORD_FRAME) {
                return decodeFrame((int) length);
            } else if (type == DmpeLayout.RECORD_END) {
                checkEnd((int) length);
                return null;
            } else if (type == 0 || (type & DmpeLayout.CRITICAL_BIT) != 0) {
                throw corrupt("record type 0x" + hex(type) + (type == 0 ? " is invalid"
                        : " must be understood but this reader (format " + DmpeLayout.version()
                        + ") does not know it; update anim3d to read this file"));
            }
            body.skip(length); // ancillary record of a later minor version
            skippedRecords++;
        }
    }

    private TrackFrame decodeFrame(int length) throws IOException {
        if (length < DmpeLayout.FRAME_FIXED_BYTES) {
            throw corrupt("frame record of " + length + " bytes");
        }
        if (record.length < length) {
            record = new byte[length];
        }
        body.readFully(record, 0, length);
        ByteBuffer b = ByteBuffer.wrap(record, 0, length);
        double time = b.getDouble();
        int flags = b.get() & 0xFF;
        if ((flags & ~DmpeLayout.FLAG_POSE) != 0) {
            throw corrupt("frame " + frames + " has unknown flags 0x" + hex(flags));
        }
        boolean hasPose = (flags & DmpeLayout.FLAG_POSE) != 0;
        if (hasPose && length < DmpeLayout.FRAME_FIXED_BYTES + PoseCodec.BYTES) {
            throw corrupt("frame " + frames + " has a pose but only " + length + " bytes");
        }
        if (!Double.isFinite(time) || time < 0 || (frames > 0 && !(time > lastTimeSeconds))) {
            throw corrupt("frame " + frames + " has time " + time + " s"
                    + (frames > 0 ? ", not after frame " + (frames - 1) + " at " + lastTimeSeconds + " s" : ""));
        }
        PoseObservation pose = hasPose ? poses.decode(record, DmpeLayout.FRAME_FIXED_BYTES) : null;
        // Version 1.1 appends the background motion; 1.0 files end before it. Bytes after the
        // known fields belong to a later minor version: ignored.
        int scene = DmpeLayout.FRAME_FIXED_BYTES + (hasPose ? PoseCodec.BYTES : 0);
        float dx = Float.NaN, dy = Float.NaN;
        if (length >= scene + DmpeLayout.SCENE_BYTES) {
            ByteBuffer sb = ByteBuffer.wrap(record, scene, DmpeLayout.SCENE_BYTES);
            dx = sb.getFloat();
            dy = sb.getFloat();
        }
        frames++;
        lastTimeSeconds = time;
        return new TrackFrame(time, pose, dx, dy);
    }

    private void checkEnd(int length) throws IOException {
        if (length != DmpeLayout.END_PAYLOAD_BYTES) {
            throw corrupt("end record of " + length + " bytes");
        }
        byte[] count = new byte[4];
        body.readFully(count, 0, 4);
        int computed = body.crc();
        byte[] stored = new byte[4];
        body.readFully(stored, 0, 4);
        storedCrc = ByteBuffer.wrap(stored).getInt();
        if (storedCrc != computed) {
            throw new DmpeFormatException(source + ": " + BodyInput.CHECKSUM_MISMATCH + " (end record CRC32 "
                    + String.format("%08x", storedCrc) + ", computed " + String.format("%08x", computed)
                    + " over " + frames + " frames); the file is damaged");
        }
        long declared = ByteBuffer.wrap(count).getInt() & 0xFFFF_FFFFL;
        if (declared != frames) {
            throw corrupt("end record counts " + declared + " frames but " + frames + " were read");
        }
        try {
            body.expectEnd();
        } catch (EOFException e) {
            throw new DmpeFormatException(source + ": truncated after the end record (all " + frames
                    + " frames verified, but the compressed stream's trailer is missing)", e);
        }
        ended = true;
    }

    private DmpeFormatException corrupt(String what) {
        return new DmpeFormatException(source + ": corrupt data " + afterLastGoodFrame() + " (" + what
                + "); the file is damaged");
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }

    @Override
    public boolean hasNext() {
        if (lookahead == null) {
            try {
                lookahead = readFrame();
            } catch (DmpeFormatException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        return lookahead != null;
    }

    @Override
    public TrackFrame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no frames after frame " + (frames - 1));
        }
        TrackFrame f = lookahead;
        lookahead = null;
        return f;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
