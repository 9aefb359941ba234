package io.anim3d.formats.landmarks;

import io.anim3d.motion.TrackFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a {@code landmarks.dmpe} stream one frame at a time, as a tracker produces them,
 * without knowing the frame count in advance. It holds no frames: only the previous pose (for
 * the delta coding), the running CRC32 and the compressor's fixed-size window, so memory does
 * not grow with the clip.
 *
 * <p>{@link #close()} writes the end record (frame count and checksum) and closes the stream. A
 * stream that was never closed, or whose writing failed, has no end record, and readers report it
 * as truncated instead of trusting it. Not thread-safe.
 */
public final class DmpeWriter implements AutoCloseable {
    /** u8 type plus u32 payload length. */
    static final int RECORD_HEADER_BYTES = 5;
    private static final long MAX_FRAMES = 0xFFFF_FFFFL;

    private final OutputStream out;
    private final Deflater deflater;
    private final DeflaterOutputStream body;
    private final CRC32 crc = new CRC32();
    private final PoseCodec poses = new PoseCodec();
    private final byte[] record = new byte[RECORD_HEADER_BYTES + DmpeLayout.FRAME_FIXED_BYTES + PoseCodec.BYTES + DmpeLayout.SCENE_BYTES];
    private long frames;
    private double lastTimeSeconds = Double.NEGATIVE_INFINITY;
    private boolean failed;
    private boolean closed;

    private DmpeWriter(OutputStream out) {
        this.out = out;
        this.deflater = new Deflater(DmpeLayout.DEFLATE_LEVEL, false);
        this.body = new DeflaterOutputStream(out, deflater, 16 * 1024);
    }

    /**
     * Writes the header to {@code out} and returns a writer for the frames. The writer owns
     * {@code out} from now on and closes it in {@link #close()}.
     */
    public static DmpeWriter open(OutputStream out, DmpeHeader header) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(header, "header");
        DmpeWriter writer = new DmpeWriter(out);
        try {
            out.write(HeaderCodec.encode(header));
        } catch (IOException | RuntimeException e) {
            writer.failed = true;
            writer.close();
            throw e;
        }
        return writer;
    }

    /**
     * Appends one frame.
     *
     * @throws IllegalArgumentException if its time does not come strictly after the previous frame's
     * @throws IllegalStateException    after {@link #close()} or after an earlier write failed
     */
    public void write(TrackFrame frame) throws IOException {
        Objects.requireNonNull(frame, "frame");
        if (closed || failed) {
            throw new IllegalStateException(closed ? "writer is closed" : "an earlier write failed; the stream is incomplete");
        }
        if (!(frame.timeSeconds() > lastTimeSeconds)) {
            throw new IllegalArgumentException("frame " + frames + " at " + frame.timeSeconds()
                    + " s does not come after frame " + (frames - 1) + " at " + lastTimeSeconds + " s");
        }
        if (frames == MAX_FRAMES) {
            throw new IllegalStateException("a dmpe file holds at most " + MAX_FRAMES + " frames (u32 count)");
        }
        int payload = DmpeLayout.FRAME_FIXED_BYTES + (frame.hasPose() ? PoseCodec.BYTES : 0) + DmpeLayout.SCENE_BYTES;
        ByteBuffer b = ByteBuffer.wrap(record);
        b.put((byte) DmpeLayout.RECORD_FRAME).putInt(payload).putDouble(frame.timeSeconds());
        b.put((byte) (frame.hasPose() ? DmpeLayout.FLAG_POSE : 0));
        if (frame.hasPose()) {
            poses.encode(frame.pose(), record, b.position());
            b.position(b.position() + PoseCodec.BYTES);
        }
        b.putFloat(frame.sceneDx()).putFloat(frame.sceneDy());
        emit(record, RECORD_HEADER_BYTES + payload);
        lastTimeSeconds = frame.timeSeconds();
        frames++;
    }

    /** Frames written so far. */
    public long frameCount() {
        return frames;
    }

    private void emit(byte[] bytes, int length) throws IOException {
        try {
            body.write(bytes, 0, length);
            crc.update(bytes, 0, length);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Writes the end record, finishes the compressed body and closes the output. After a failed
     * write it only releases resources, leaving a stream that readers report as truncated.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!failed) {
                ByteBuffer end = ByteBuffer.allocate(RECORD_HEADER_BYTES + DmpeLayout.END_PAYLOAD_BYTES);
                end.put((byte) DmpeLayout.RECORD_END).putInt(DmpeLayout.END_PAYLOAD_BYTES).putInt((int) frames);
                crc.update(end.array(), 0, end.position()); // the CRC covers everything before its own field
                end.putInt((int) crc.getValue());
                body.write(end.array());
                body.finish();
            }
        } finally {
            try {
                out.close();
            } finally {
                deflater.end();
            }
        }
    }
}
