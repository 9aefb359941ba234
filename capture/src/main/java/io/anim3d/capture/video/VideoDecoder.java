package io.anim3d.capture.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AV1;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Streams the frames of a video or still image as upright, trimmed, cropped RGB24 {@link Frame}s
 * with their real presentation times. One frame is in memory at a time (plus the codec's own
 * reference frames), whatever the video's length.
 *
 * <p>Timestamps: a frame's source time is its best-effort presentation timestamp minus the video
 * stream's start time, so variable-frame-rate input keeps its real timing. A frame without any
 * timestamp is placed one average frame interval after the previous one. A frame whose time is
 * not greater than the previous frame's is dropped (damaged or duplicated timestamps would
 * otherwise give a motion that goes back in time).
 *
 * <p>Damaged input: packets and pictures the codec rejects are skipped (up to 100 in a row), and a
 * read error ends the video as if it ended there, so a truncated file (index at the start) yields
 * the frames before the cut and then {@code null}; a truncated MP4 whose index was at the end
 * cannot be opened (CONVERT). If not a single picture can be decoded, {@link #next()} throws
 * CONVERT.
 *
 * <p>Trim: frames with {@code from <= sourceTime <= to} are output; decoding seeks to the keyframe
 * at or before {@code from} and drops the frames before it.
 *
 * <p>Not thread-safe: one decoder per thread. Close it to free its native memory.
 */
public final class VideoDecoder implements AutoCloseable {
    /** Tolerance for trim edges, seconds: timestamps are rounded to the container's time base. */
    private static final double EDGE_SECONDS = 1e-6;
    /** How far before its stated end a video may stop without being called truncated (edit lists, rounding). */
    private static final double TRUNCATION_SLACK_SECONDS = 0.5;
    /** Decoder threads; 0 lets FFmpeg pick one per core (plus one). */
    private static final int THREADS = 0;
    /** Consecutive undecodable pictures after which the rest of the input is given up. */
    private static final int MAX_FAILURES_IN_A_ROW = 100;

    private final MediaInput input;
    private final VideoOptions options;
    private final double fromSeconds;
    private final double toSeconds;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame decoded;
    private RgbConverter converter;
    private UprightCrop geometry;

    private boolean flushed;
    private boolean ended;
    private boolean reachedTrimEnd;
    private boolean closed;
    private long decodedCount;
    private int outputCount;
    private double lastSourceSeconds = Double.NEGATIVE_INFINITY;
    private int lastError;
    /** Decoding failures since the last good picture; too many in a row end the video. */
    private int failuresInARow;
    /** Whether the trim's seek failed (decoding then starts at the beginning); for tests and logs. */
    private boolean seekFailed;

    private VideoDecoder(MediaInput input, VideoOptions options) {
        this.input = input;
        this.options = options;
        this.fromSeconds = options.trim() == null ? 0 : options.trim().fromSeconds();
        this.toSeconds = options.trim() == null ? Double.POSITIVE_INFINITY : options.trim().toSeconds();
    }

    /**
     * Reads what an input is without decoding its frames.
     *
     * @throws CaptureException CONVERT when the file is missing, empty, not a video or image, or has no picture
     */
    public static VideoInfo probe(Path file) {
        try (MediaInput in = MediaInput.open(file)) {
            return in.info;
        }
    }

    /**
     * Opens {@code file} for decoding with {@code options}.
     *
     * @throws CaptureException CONVERT for unreadable input or an unsupported codec; PARAMS when the
     *                          trim starts after the end, is set on a still image, or the crop keeps no pixel
     */
    public static VideoDecoder open(Path file, VideoOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null; use VideoOptions.DEFAULT");
        }
        MediaInput input = MediaInput.open(file);
        VideoDecoder decoder = new VideoDecoder(input, options);
        try {
            decoder.start();
            return decoder;
        } catch (RuntimeException | Error e) {
            decoder.close();
            throw e;
        }
    }

    private void start() {
        VideoInfo info = input.info;
        Trim trim = options.trim();
        if (trim != null && info.still()) {
            throw new CaptureException(ErrorCode.PARAMS, "trim " + trim.fromSeconds() + "," + trim.toSeconds()
                    + " cannot apply to " + input.file.getFileName() + ": it is a still image; remove the trim");
        }
        if (trim != null && info.durationSeconds() > 0 && trim.fromSeconds() >= info.durationSeconds()) {
            throw new CaptureException(ErrorCode.PARAMS, "trim " + trim.fromSeconds() + "," + trim.toSeconds()
                    + " starts after the video ends (duration " + info.durationSeconds()
                    + " s); the start must be less than the duration");
        }
        AVCodecParameters par = input.stream.codecpar();
        geometry = new UprightCrop(par.width(), par.height(), info.rotationDegrees(), options.crop());
        AVCodec decoderCodec = findDecoder(par.codec_id());
        if (decoderCodec == null) {
            throw new CaptureException(ErrorCode.CONVERT, input.file.getFileName() + " uses the video codec "
                    + info.codec() + ", which this build cannot decode; convert it to H.264, HEVC, VP9 or AV1");
        }
        codec = avcodec_alloc_context3(decoderCodec);
        if (codec == null || codec.isNull()) {
            throw new OutOfMemoryError("avcodec_alloc_context3 failed");
        }
        check(avcodec_parameters_to_context(codec, par), "reading the codec parameters");
        codec.pkt_timebase(input.stream.time_base());
        codec.thread_count(THREADS);
        check(avcodec_open2(codec, decoderCodec, (AVDictionary) null), "opening the " + info.codec() + " decoder");
        packet = av_packet_alloc();
        decoded = av_frame_alloc();
        if (packet == null || packet.isNull() || decoded == null || decoded.isNull()) {
            throw new OutOfMemoryError("av_packet_alloc/av_frame_alloc failed");
        }
        converter = new RgbConverter(par.width(), par.height());
        if (trim != null && trim.fromSeconds() > 0) {
            long target = input.startPts + (long) Math.floor(trim.fromSeconds() / input.timeBaseSeconds);
            // Backward lands on the keyframe at or before the start; frames before it are decoded
            // and dropped. A file that cannot seek (no index) is decoded from its start instead,
            // which gives the same frames, only slower.
            if (av_seek_frame(input.format, input.streamIndex, target, AVSEEK_FLAG_BACKWARD) < 0) {
                seekFailed = true;
            }
        }
    }

    /**
     * The software decoder for a codec. For AV1, FFmpeg's own "av1" decoder only drives hardware
     * decoders, so the software libraries come first.
     */
    private static AVCodec findDecoder(int codecId) {
        if (codecId == AV_CODEC_ID_AV1) {
            for (String name : new String[] {"libdav1d", "libaom-av1"}) {
                AVCodec c = avcodec_find_decoder_by_name(name);
                if (c != null && !c.isNull()) {
                    return c;
                }
            }
        }
        AVCodec c = avcodec_find_decoder(codecId);
        return c == null || c.isNull() ? null : c;
    }

    /** The input as probed (size as displayed, before the crop). */
    public VideoInfo info() {
        return input.info;
    }

    /** Width of every output frame, pixels (after rotation and crop). */
    public int outputWidth() {
        return geometry.outWidth();
    }

    /** Height of every output frame, pixels (after rotation and crop). */
    public int outputHeight() {
        return geometry.outHeight();
    }

    /** Average frame rate in motion time, frames per second: the video's fps times the speed multiplier; 0 for a still. */
    public double outputFrameRate() {
        return input.info.fps() * options.speedMultiplier();
    }

    /**
     * The next frame, or null after the last one (the end of the trim or of the video).
     *
     * @throws CaptureException CONVERT when the input has no decodable picture at all
     */
    public Frame next() {
        if (closed) {
            throw new IllegalStateException("decoder of " + input.file + " is closed");
        }
        while (!ended) {
            int err = avcodec_receive_frame(codec, decoded);
            if (err == 0) {
                decodedCount++;
                failuresInARow = 0;
                Frame frame = accept();
                av_frame_unref(decoded);
                if (frame != null) {
                    return frame;
                }
            } else if (err == Ffmpeg.AVERROR_EAGAIN) {
                feed();
            } else if (err == AVERROR_EOF) {
                ended = true;
            } else {
                // A damaged picture is skipped, as players do; a long run of them (or a decoder
                // that keeps failing) ends the video there. No picture at all is checked below.
                lastError = err;
                if (++failuresInARow > MAX_FAILURES_IN_A_ROW) {
                    ended = true;
                }
            }
        }
        if (decodedCount == 0) {
            throw new CaptureException(ErrorCode.CONVERT, "no picture could be decoded from " + input.file
                    .getFileName() + (lastError < 0 ? " (" + Ffmpeg.describe(lastError) + ")" : "")
                    + "; the file is damaged or truncated: upload it again");
        }
        checkComplete();
        return null;
    }

    /**
     * A file that ends well before the length its index promises was cut off (an interrupted
     * upload or copy): tracking half a clip silently would lose the rest, so it is refused.
     */
    private void checkComplete() {
        VideoInfo info = input.info;
        if (info.still() || reachedTrimEnd || !(info.durationSeconds() > 0)) {
            return;
        }
        double expectedEnd = Math.min(toSeconds, info.durationSeconds());
        double slack = Math.max(TRUNCATION_SLACK_SECONDS, info.fps() > 0 ? 3 / info.fps() : 0);
        double reached = Math.max(lastSourceSeconds, 0);
        if (reached < expectedEnd - slack) {
            throw new CaptureException(ErrorCode.CONVERT, String.format(java.util.Locale.ROOT,
                    "%s is truncated or damaged: its pictures end at %.2f s but the file says the video lasts %.2f s;"
                            + " upload the complete file", input.file.getFileName(), reached, info.durationSeconds()));
        }
    }

    /** Sends the next packet of the video stream to the codec, or the end-of-stream flush. */
    private void feed() {
        if (flushed) {
            // The codec asked for more after the flush; FFmpeg never does this, but never loop on it.
            ended = true;
            return;
        }
        while (true) {
            int err = av_read_frame(input.format, packet);
            if (err < 0) {
                // End of file, or a read error at a truncation: decode what the codec still holds.
                if (err != AVERROR_EOF) {
                    lastError = err;
                }
                flushed = true;
                int flush = avcodec_send_packet(codec, null);
                if (flush < 0 && flush != AVERROR_EOF) {
                    lastError = flush;
                    ended = true;
                }
                return;
            }
            if (packet.stream_index() != input.streamIndex) {
                av_packet_unref(packet);
                continue;
            }
            err = avcodec_send_packet(codec, packet);
            av_packet_unref(packet);
            if (err == 0) {
                return;
            }
            // A packet the codec rejects (damaged data) is skipped, as players do.
            lastError = err;
        }
    }

    /** The current decoded frame as an output Frame, or null when it is dropped. */
    private Frame accept() {
        double source = sourceSeconds();
        if (!(source > lastSourceSeconds)) {
            return null;
        }
        lastSourceSeconds = source;
        if (source < fromSeconds - EDGE_SECONDS) {
            return null;
        }
        if (source > toSeconds + EDGE_SECONDS) {
            ended = true;
            reachedTrimEnd = true;
            return null;
        }
        converter.convert(decoded);
        byte[] rgb = geometry.copy(converter.data(), converter.stride());
        double time = (source - fromSeconds) / options.speedMultiplier();
        return new Frame(outputCount++, time, source, geometry.outWidth(), geometry.outHeight(), rgb);
    }

    private double sourceSeconds() {
        if (input.info.still()) {
            return 0;
        }
        long ts = decoded.best_effort_timestamp();
        if (ts == AV_NOPTS_VALUE) {
            ts = decoded.pts();
        }
        if (ts == AV_NOPTS_VALUE) {
            double fps = input.info.fps();
            return Double.isInfinite(lastSourceSeconds) ? 0 : lastSourceSeconds + (fps > 0 ? 1 / fps : 0.04);
        }
        return (ts - input.startPts) * input.timeBaseSeconds;
    }

    /** Whether seeking to the trim start failed, so decoding started at the beginning. */
    boolean seekFailed() {
        return seekFailed;
    }

    private void check(int err, String what) {
        if (err < 0) {
            throw new CaptureException(ErrorCode.CONVERT, input.file.getFileName() + ": " + what + " failed ("
                    + Ffmpeg.describe(err) + ")");
        }
    }

    /** Frees every native resource; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (converter != null) {
            converter.close();
        }
        if (decoded != null) {
            av_frame_free(decoded);
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        if (codec != null) {
            avcodec_free_context(codec);
        }
        input.close();
    }
}
