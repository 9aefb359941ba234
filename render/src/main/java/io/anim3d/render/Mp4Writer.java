package io.anim3d.render;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_BITEXACT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BITEXACT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes packed RGB24 frames at a constant frame rate into an MP4 file through FFmpeg:
 * H.264 (OpenH264) by default, yuv420p, BT.709 limited range, moov atom first ("faststart") so
 * browsers can start playing before the download ends. With {@link Mp4Options#audio()} the file
 * also gets that audio for the video's whole length, interleaved with the frames (see
 * {@link AudioClip} for when it is copied and when encoded again).
 *
 * <p>Output is deterministic: the same options and frames give a byte-identical file (bit-exact
 * muxer and encoder flags, no creation time, single-threaded encoding, bit-exact colour
 * conversion). Not thread-safe: one thread writes one file. A writer whose {@link #write} or
 * {@link #close} failed leaves an unfinished file behind; delete it.
 */
public final class Mp4Writer implements AutoCloseable {
    private final Path file;
    private final Mp4Options options;
    private final Rational rate;
    private final NativeParts n = new NativeParts();
    private long nextPts;
    private Mp4AudioTrack audio;
    private String audioSummary = "none: not requested";
    private boolean sourceHasAudio;
    private boolean headerWritten;
    private boolean failed;
    private boolean closed;

    private Mp4Writer(Path file, Mp4Options options) {
        this.file = file;
        this.options = options;
        this.rate = options.frameRateFraction();
    }

    /**
     * Creates (or replaces) {@code file} and writes the MP4 header.
     *
     * @throws IOException           when the file cannot be created or FFmpeg rejects a setting
     * @throws IllegalStateException when this FFmpeg build has no encoder named {@code options.codec()}
     */
    public static Mp4Writer open(Path file, Mp4Options options) throws IOException {
        if (file == null || options == null) {
            throw new IllegalArgumentException("file and options are required");
        }
        FfmpegStatus.quietLogs();
        Mp4Writer writer = new Mp4Writer(file.toAbsolutePath(), options);
        try {
            writer.start();
        } catch (IOException | RuntimeException | Error e) {
            if (writer.audio != null) {
                writer.audio.release();
            }
            writer.n.release();
            writer.closed = true;
            throw e;
        }
        return writer;
    }

    public Mp4Options options() {
        return options;
    }

    /** Frames written so far. */
    public long frameCount() {
        return nextPts;
    }

    /** Whether the file gets an audio track: audio was asked for and the source has usable audio. */
    public boolean hasAudio() {
        return audio != null;
    }

    /**
     * Whether the audio source has an audio stream; false when no audio was asked for. True with
     * {@link #hasAudio()} false means its audio could not be used (see {@link #audioSummary()}).
     */
    public boolean sourceHasAudio() {
        return sourceHasAudio;
    }

    /**
     * What happens to the audio, for logs and job warnings: e.g. "aac copied", "opus encoded again
     * as AAC", "none: clip.mp4 has no audio track", "none: not requested".
     */
    public String audioSummary() {
        return audioSummary;
    }

    private void start() throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name(options.codec());
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("this FFmpeg build has no encoder '" + options.codec()
                    + "'; use " + Mp4Options.H264 + " (H.264), libaom-av1 (AV1) or libvpx-vp9 (VP9)");
        }
        String path = file.toString();
        n.format = new AVFormatContext(null);
        FfmpegStatus.check(avformat_alloc_output_context2(n.format, null, "mp4", path),
                "creating the MP4 muxer for " + path);
        n.stream = avformat_new_stream(n.format, null);
        if (n.stream == null || n.stream.isNull()) {
            throw new IOException("FFmpeg could not add a video stream to " + path);
        }
        n.encoder = avcodec_alloc_context3(codec);
        if (n.encoder == null || n.encoder.isNull()) {
            throw new IOException("FFmpeg could not allocate the " + options.codec() + " encoder");
        }
        configureEncoder();
        try (FfmpegOptions opts = new FfmpegOptions(encoderOptions())) {
            FfmpegStatus.check(avcodec_open2(n.encoder, codec, opts.dictionary()),
                    "opening encoder " + options.codec() + " at " + options.encodedWidth() + "x"
                            + options.encodedHeight() + " " + rate + " fps");
            opts.requireAllUsed("encoder " + options.codec());
        }
        FfmpegStatus.check(avcodec_parameters_from_context(n.stream.codecpar(), n.encoder),
                "copying encoder parameters to the stream");
        n.stream.time_base(n.encoder.time_base());
        n.stream.avg_frame_rate(n.encoder.framerate());
        if (options.audio() != null) {
            Mp4AudioTrack.Opened opened = Mp4AudioTrack.open(options.audio(), n.format);
            audio = opened.track();
            audioSummary = opened.summary();
            sourceHasAudio = opened.sourceHasAudio();
        }

        n.io = new AVIOContext(null);
        FfmpegStatus.check(avio_open(n.io, path, AVIO_FLAG_WRITE), "creating " + path);
        n.format.pb(n.io);
        // faststart: moov before mdat (rewritten at the end); bitexact: no "Lavf" version tag.
        try (FfmpegOptions opts = new FfmpegOptions(Map.of("movflags", "+faststart", "fflags", "+bitexact"))) {
            FfmpegStatus.check(avformat_write_header(n.format, opts.dictionary()), "writing the MP4 header");
            opts.requireAllUsed("MP4 muxer");
        }
        headerWritten = true;
        allocateFrames();
    }

    private void configureEncoder() {
        AVCodecContext c = n.encoder;
        c.width(options.encodedWidth());
        c.height(options.encodedHeight());
        c.pix_fmt(AV_PIX_FMT_YUV420P);
        n.timeBase = new AVRational().num(rate.den()).den(rate.num());
        n.frameRate = new AVRational().num(rate.num()).den(rate.den());
        c.time_base(n.timeBase);
        c.framerate(n.frameRate);
        c.bit_rate(options.bitRate());
        c.gop_size(options.keyframeIntervalFrames());
        c.max_b_frames(0);
        // One thread: OpenH264 picks its slice layout from the thread count, so more threads
        // make the bytes depend on the machine. Measured at 1080p on the 2-core build machine,
        // 2 threads with 1, 2 or 4 slices were no faster (38 to 47 ms/frame) anyway.
        c.thread_count(1);
        c.colorspace(AVCOL_SPC_BT709);
        c.color_primaries(AVCOL_PRI_BT709);
        c.color_trc(AVCOL_TRC_BT709);
        c.color_range(AVCOL_RANGE_MPEG);
        c.flags(c.flags() | AV_CODEC_FLAG_BITEXACT);
        if ((n.format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
    }

    private Map<String, String> encoderOptions() {
        if (Mp4Options.H264.equals(options.codec())) {
            // high = CABAC (about 10 % smaller than baseline's CAVLC at equal quality); frame
            // skipping off so every written frame is in the file; bitrate mode keeps the size
            // near Mp4Options.bitRate().
            return Map.of("profile", "high", "allow_skip_frames", "0", "rc_mode", "bitrate");
        }
        return Map.of();
    }

    private void allocateFrames() throws IOException {
        int w = options.encodedWidth();
        int h = options.encodedHeight();
        n.frame = av_frame_alloc();
        n.packet = av_packet_alloc();
        if (n.frame == null || n.frame.isNull() || n.packet == null || n.packet.isNull()) {
            throw new IOException("FFmpeg could not allocate a frame or packet");
        }
        n.frame.format(AV_PIX_FMT_YUV420P).width(w).height(h);
        FfmpegStatus.check(av_frame_get_buffer(n.frame, 0), "allocating a " + w + "x" + h + " yuv420p frame");
        // ACCURATE_RND + BITEXACT: the same YUV on every CPU (no SIMD shortcuts that round differently).
        n.sws = sws_getContext(w, h, AV_PIX_FMT_RGB24, w, h, AV_PIX_FMT_YUV420P,
                SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT, null, null, (double[]) null);
        if (n.sws == null || n.sws.isNull()) {
            throw new IOException("FFmpeg could not create the RGB24 to yuv420p converter");
        }
        IntPointer bt709 = sws_getCoefficients(SWS_CS_ITU709);
        // Source RGB is full range (1), destination limited "TV" range (0), as tagged on the stream.
        FfmpegStatus.check(sws_setColorspaceDetails(n.sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16),
                "setting BT.709 colour conversion");
        n.rgb = new BytePointer((long) w * h * 3);
        n.rgbPlanes = new PointerPointer<BytePointer>(1).put(0, n.rgb);
        n.rgbStride = new IntPointer(1).put(0, w * 3);
    }

    /**
     * Appends one frame; it is shown for 1 / frameRate seconds.
     *
     * @param rgb    packed RGB24, row after row from the top, stride {@code width * 3} bytes
     * @param width  must equal {@code options().width()}
     * @param height must equal {@code options().height()}
     * @throws IOException when FFmpeg fails to encode or write; the writer is then unusable
     */
    public void write(byte[] rgb, int width, int height) throws IOException {
        if (closed || failed) {
            throw new IllegalStateException("writer for " + file + " is " + (closed ? "closed" : "failed"));
        }
        if (width != options.width() || height != options.height()) {
            throw new IllegalArgumentException("frame " + nextPts + " is " + width + "x" + height
                    + " but the video is " + options.width() + "x" + options.height());
        }
        if (rgb == null || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("frame " + nextPts + " needs " + (width * height * 3)
                    + " bytes of RGB24, got " + (rgb == null ? "none" : rgb.length));
        }
        try {
            copyPadded(rgb);
            FfmpegStatus.check(av_frame_make_writable(n.frame), "making frame " + nextPts + " writable");
            sws_scale(n.sws, n.rgbPlanes, n.rgbStride, 0, options.encodedHeight(), n.frame.data(),
                    n.frame.linesize());
            n.frame.pts(nextPts);
            FfmpegStatus.check(avcodec_send_frame(n.encoder, n.frame), "encoding frame " + nextPts);
            drain();
            nextPts++;
            if (audio != null) {
                // Audio up to the end of this frame, so audio and video of the same moment sit together.
                double until = seconds(nextPts);
                audio.writeUntil(n.format, until, Double.POSITIVE_INFINITY);
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Copies {@code rgb} into the native buffer, repeating the last column / row to an even size. */
    private void copyPadded(byte[] rgb) {
        int w = options.width();
        int h = options.height();
        int ew = options.encodedWidth();
        if (ew == w && options.encodedHeight() == h) {
            n.rgb.put(rgb, 0, rgb.length);
            return;
        }
        long stride = ew * 3L;
        for (int y = 0; y < options.encodedHeight(); y++) {
            int srcRow = Math.min(y, h - 1) * w * 3;
            n.rgb.position(y * stride).put(rgb, srcRow, w * 3);
            if (ew != w) {
                n.rgb.position(y * stride + w * 3L).put(rgb, srcRow + (w - 1) * 3, 3);
            }
        }
        n.rgb.position(0);
    }

    /** Moves every packet the encoder has ready into the file. */
    private void drain() throws IOException {
        while (true) {
            int ret = avcodec_receive_packet(n.encoder, n.packet);
            if (ret == FfmpegStatus.EAGAIN || ret == AVERROR_EOF) {
                return;
            }
            FfmpegStatus.check(ret, "receiving an encoded packet");
            if (n.packet.duration() <= 0) {
                // The last sample's duration sets the file's duration: one frame, never zero.
                n.packet.duration(1);
            }
            av_packet_rescale_ts(n.packet, n.encoder.time_base(), n.stream.time_base());
            n.packet.stream_index(n.stream.index());
            FfmpegStatus.check(av_interleaved_write_frame(n.format, n.packet), "writing a packet to " + file);
        }
    }

    /**
     * Flushes the encoder, writes the index (moved before the media data) and frees every native
     * resource. Safe to call twice; after a failure it only frees.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (headerWritten && !failed) {
                FfmpegStatus.check(avcodec_send_frame(n.encoder, null), "flushing the encoder");
                drain();
                if (audio != null) {
                    audio.finish(n.format, seconds(nextPts));
                }
                FfmpegStatus.check(av_write_trailer(n.format), "finishing " + file);
            }
        } finally {
            if (audio != null) {
                audio.release();
            }
            n.release();
        }
    }

    /** Seconds from the start of the video to the start of frame {@code frames}. */
    private double seconds(long frames) {
        return (double) frames * rate.den() / rate.num();
    }

    /** The native objects of one writer, freed in reverse order of creation. */
    private static final class NativeParts {
        AVFormatContext format;
        AVStream stream;
        AVCodecContext encoder;
        AVIOContext io;
        AVRational timeBase;
        AVRational frameRate;
        AVFrame frame;
        AVPacket packet;
        SwsContext sws;
        BytePointer rgb;
        PointerPointer<BytePointer> rgbPlanes;
        IntPointer rgbStride;

        void release() throws IOException {
            if (sws != null) {
                sws_freeContext(sws);
                sws = null;
            }
            if (frame != null) {
                av_frame_free(frame);
                frame = null;
            }
            if (packet != null) {
                av_packet_free(packet);
                packet = null;
            }
            if (encoder != null) {
                avcodec_free_context(encoder);
                encoder = null;
            }
            int closeResult = 0;
            if (io != null) {
                if (format != null) {
                    format.pb(null);
                }
                closeResult = avio_closep(io);
                io = null;
            }
            if (format != null) {
                avformat_free_context(format);
                format = null;
                stream = null;
            }
            for (org.bytedeco.javacpp.Pointer p : new org.bytedeco.javacpp.Pointer[] {
                    rgb, rgbPlanes, rgbStride, timeBase, frameRate}) {
                if (p != null) {
                    p.close();
                }
            }
            rgb = null;
            rgbPlanes = null;
            rgbStride = null;
            timeBase = null;
            frameRate = null;
            FfmpegStatus.check(closeResult, "closing the output file");
        }
    }
}
