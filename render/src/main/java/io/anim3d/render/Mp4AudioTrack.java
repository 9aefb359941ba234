package io.anim3d.render;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The audio stream of an {@link Mp4Writer}: reads the {@link AudioClip}'s source and writes its
 * audio into the MP4 in step with the video, so the file stays interleaved (a browser playing
 * it while downloading needs audio and video of the same moment close together).
 *
 * <p>Times: "output time" is seconds of the written video; a source packet at source time s
 * (seconds from the source's video stream start) plays at output time {@code s - clip.fromSeconds()}.
 * Packets that end before output time 0 are skipped; a copied packet straddling 0 keeps its
 * negative timestamp and the MP4 muxer writes an edit list that starts playback at 0.
 */
final class Mp4AudioTrack {
    /** How far ahead of the needed time the source is sought, seconds: lands before the first packet needed. */
    private static final double SEEK_MARGIN_SECONDS = 1.0;

    private final AVFormatContext input;
    private final AVStream inStream;
    private final AVStream outStream;
    private final double inTimeBase;
    /** The clip's start in the source audio stream's time base. */
    private final long originPts;
    private final AacTranscoder transcoder;
    private AVPacket packet;
    private boolean pending;
    private boolean inputEnded;
    private long lastEndPts = Long.MIN_VALUE;
    private boolean released;

    private Mp4AudioTrack(AVFormatContext input, AVStream inStream, AVStream outStream, long originPts,
                          AacTranscoder transcoder) {
        this.input = input;
        this.inStream = inStream;
        this.outStream = outStream;
        this.inTimeBase = seconds(inStream.time_base());
        this.originPts = originPts;
        this.transcoder = transcoder;
    }

    /**
     * An opened track, or none with the reason.
     *
     * @param track          the track, or null when the source's audio cannot be used
     * @param summary        what happens to the audio, e.g. "aac copied", or why there is none
     * @param sourceHasAudio whether the source has an audio stream at all
     */
    record Opened(Mp4AudioTrack track, String summary, boolean sourceHasAudio) {
    }

    /**
     * Opens the clip's source and adds an audio stream to {@code output} (before its header is
     * written); no track when the source has no audio stream or one this build cannot decode.
     *
     * @throws IOException when the source cannot be read at all
     */
    static Opened open(AudioClip clip, AVFormatContext output) throws IOException {
        Path file = clip.source().toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IOException("audio source " + file + " does not exist or is not a file");
        }
        AVFormatContext input = new AVFormatContext(null);
        try (BytePointer url = new BytePointer("file:" + file, "UTF-8")) {
            FfmpegStatus.check(avformat_open_input(input, url, null, null), "opening " + file + " for its audio");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        AacTranscoder transcoder = null;
        try {
            FfmpegStatus.check(avformat_find_stream_info(input, (PointerPointer<?>) null),
                    "reading the streams of " + file);
            int audio = av_find_best_stream(input, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            if (audio < 0) {
                avformat_close_input(input);
                return new Opened(null, "none: " + file.getFileName() + " has no audio track", false);
            }
            int video = av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            double videoStart = 0;
            if (video >= 0 && input.streams(video).start_time() != AV_NOPTS_VALUE) {
                AVStream v = input.streams(video);
                videoStart = v.start_time() * seconds(v.time_base());
            }
            for (int i = 0; i < input.nb_streams(); i++) {
                if (i != audio) {
                    input.streams(i).discard(AVDISCARD_ALL);
                }
            }
            AVStream in = input.streams(audio);
            double tb = seconds(in.time_base());
            double originSeconds = videoStart + clip.fromSeconds();
            long originPts = Math.round(originSeconds / tb);
            String codec = avcodec_get_name(in.codecpar().codec_id()).getString();

            if (!copyable(in) && !AacTranscoder.canDecode(in)) {
                avformat_close_input(input);
                return new Opened(null, "none: this FFmpeg build cannot decode the " + codec + " audio of "
                        + file.getFileName(), true);
            }
            AVStream out = avformat_new_stream(output, null);
            if (out == null || out.isNull()) {
                throw new IOException("FFmpeg could not add an audio stream to the MP4");
            }
            if (copyable(in)) {
                FfmpegStatus.check(avcodec_parameters_copy(out.codecpar(), in.codecpar()), "copying the audio parameters");
                // The source container's tag (e.g. Matroska's) means nothing in MP4; the muxer picks its own.
                out.codecpar().codec_tag(0);
                out.time_base(in.time_base());
            } else {
                transcoder = AacTranscoder.open(in, out, output, file.getFileName() + " (" + codec + ")");
            }
            if (clip.fromSeconds() > 0) {
                long target = Math.round((originSeconds - SEEK_MARGIN_SECONDS) / tb);
                // A source that cannot seek is read from its start: the same packets, only slower.
                av_seek_frame(input, audio, Math.max(target, in.start_time() == AV_NOPTS_VALUE ? 0 : in.start_time()),
                        AVSEEK_FLAG_BACKWARD);
            }
            AVPacket packet = av_packet_alloc();
            if (packet == null || packet.isNull()) {
                throw new IOException("FFmpeg could not allocate an audio packet");
            }
            Mp4AudioTrack track = new Mp4AudioTrack(input, in, out, originPts, transcoder);
            track.packet = packet;
            return new Opened(track, transcoder == null ? codec + " copied" : codec + " encoded again as AAC", true);
        } catch (IOException | RuntimeException e) {
            if (transcoder != null) {
                transcoder.release();
            }
            if (!input.isNull()) {
                avformat_close_input(input);
            }
            throw e;
        }
    }

    /**
     * AAC with its AudioSpecificConfig is stored in MP4 as it is; ADTS AAC without it (MPEG-TS,
     * some AVI) and every other codec are encoded again.
     */
    private static boolean copyable(AVStream in) {
        return in.codecpar().codec_id() == AV_CODEC_ID_AAC && in.codecpar().extradata_size() > 0;
    }

    /**
     * Writes the audio that starts before output time {@code untilSeconds} and before
     * {@code endSeconds}, the end of the clip.
     */
    void writeUntil(AVFormatContext output, double untilSeconds, double endSeconds) throws IOException {
        double limit = Math.min(untilSeconds, endSeconds);
        if (transcoder != null) {
            while (transcoder.bufferedUntilSeconds() < limit) {
                if (!readPacket()) {
                    transcoder.decode(null, originPts, inTimeBase);
                    break;
                }
                transcoder.decode(packet, originPts, inTimeBase);
                av_packet_unref(packet);
                pending = false;
            }
            // Only whole AAC frames before the limit: samples past it may lie beyond the clip's end.
            transcoder.encode(output, limit, false);
            return;
        }
        while (readPacket()) {
            double start = packetSeconds();
            if (start >= limit) {
                return;
            }
            double end = start + packet.duration() * inTimeBase;
            if (end > 1e-9) {
                long shift = originPts;
                packet.pts(packet.pts() - shift);
                packet.dts(packet.dts() == AV_NOPTS_VALUE ? packet.pts() : packet.dts() - shift);
                av_packet_rescale_ts(packet, inStream.time_base(), outStream.time_base());
                packet.stream_index(outStream.index());
                packet.pos(-1);
                FfmpegStatus.check(av_interleaved_write_frame(output, packet), "writing an audio packet");
            }
            av_packet_unref(packet);
            pending = false;
        }
    }

    /** Writes the rest of the clip up to output time {@code endSeconds} and flushes the encoder. */
    void finish(AVFormatContext output, double endSeconds) throws IOException {
        writeUntil(output, endSeconds, endSeconds);
        if (transcoder != null) {
            transcoder.encode(output, endSeconds, true);
        }
    }

    /**
     * Makes {@link #packet} the next packet of the audio stream with a timestamp (kept when it was
     * read but not yet used); false at the end of the source. A read error ends the audio there,
     * as players do with a damaged tail.
     */
    private boolean readPacket() {
        if (pending) {
            return true;
        }
        while (!inputEnded) {
            if (av_read_frame(input, packet) < 0) {
                inputEnded = true;
                return false;
            }
            if (packet.stream_index() != inStream.index()) {
                av_packet_unref(packet);
                continue;
            }
            if (packet.pts() == AV_NOPTS_VALUE) {
                packet.pts(packet.dts() != AV_NOPTS_VALUE ? packet.dts() : lastEndPts);
            }
            if (packet.pts() == Long.MIN_VALUE) {
                av_packet_unref(packet);
                continue;
            }
            lastEndPts = packet.pts() + Math.max(0, packet.duration());
            pending = true;
            return true;
        }
        return false;
    }

    /** Output time of the current packet's start, seconds. */
    private double packetSeconds() {
        return (packet.pts() - originPts) * inTimeBase;
    }

    private static double seconds(AVRational r) {
        return (double) r.num() / r.den();
    }

    /** Closes the source and frees every native resource; safe to call twice. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        if (transcoder != null) {
            transcoder.release();
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        avformat_close_input(input);
    }
}
