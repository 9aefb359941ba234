package io.anim3d.capture.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An opened input file: the demuxer, its chosen video stream and what it says about it. Owns the
 * native AVFormatContext until {@link #close()}.
 */
final class MediaInput implements AutoCloseable {
    /**
     * Demuxers we accept. Uploads come from strangers: without a list, a file named .mp4 that is
     * really an HLS playlist or an ffconcat script would make FFmpeg open other files.
     */
    static final String DEMUXERS = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,image2,png_pipe,jpeg_pipe,"
            + "webp_pipe,bmp_pipe,gif,apng,mpegts,flv,asf";
    private static final String SUPPORTED = "mp4, mov, m4v, avi, mkv, webm, png, jpg, webp, bmp";

    final Path file;
    final AVFormatContext format;
    final int streamIndex;
    final AVStream stream;
    /** Seconds per unit of the stream's timestamps. */
    final double timeBaseSeconds;
    /** The stream's first presentation timestamp, stream units; 0 when unknown. */
    final long startPts;
    final VideoInfo info;

    private MediaInput(Path file, AVFormatContext format, int streamIndex, long sizeBytes) {
        this.file = file;
        this.format = format;
        this.streamIndex = streamIndex;
        this.stream = format.streams(streamIndex);
        AVRational tb = stream.time_base();
        this.timeBaseSeconds = (double) tb.num() / tb.den();
        this.startPts = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
        this.info = describe(sizeBytes);
    }

    /**
     * Opens {@code file}, reads its stream information and picks its video stream.
     *
     * @throws CaptureException CONVERT when the file is missing, empty, unreadable or has no picture
     */
    static MediaInput open(Path file) {
        Ffmpeg.init();
        long size = sizeOf(file);
        AVFormatContext format = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        av_dict_set(options, "format_whitelist", DEMUXERS, 0);
        // image2 would read "frame%03d.png" as a numbered sequence; we always mean one file.
        av_dict_set(options, "pattern_type", "none", 0);
        // "file:" stops FFmpeg from reading a name like "concat:a|b" as a protocol.
        int err;
        try (BytePointer url = new BytePointer("file:" + file.toAbsolutePath(), "UTF-8")) {
            err = avformat_open_input(format, url, null, options);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        } finally {
            av_dict_free(options);
        }
        if (err < 0) {
            throw new CaptureException(ErrorCode.CONVERT, file + " is not a video or image FFmpeg can read, or it is damaged or truncated ("
                    + Ffmpeg.describe(err) + "); supported: " + SUPPORTED + ". Export it again as MP4 (H.264)");
        }
        try {
            err = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (err < 0) {
                throw new CaptureException(ErrorCode.CONVERT, "cannot read the streams of " + file + " ("
                        + Ffmpeg.describe(err) + "); the file is damaged or truncated");
            }
            int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (index < 0 || (format.streams(index).disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
                // An attached picture is album art in an audio file, not a video.
                throw new CaptureException(ErrorCode.CONVERT, file + " contains no video stream or image"
                        + (hasAudio(format) ? " (only audio)" : "") + "; upload a video or an image");
            }
            AVCodecParameters par = format.streams(index).codecpar();
            if (par.width() < 1 || par.height() < 1) {
                throw new CaptureException(ErrorCode.CONVERT, file + ": the " + codecName(par)
                        + " picture has no size (" + par.width() + "x" + par.height()
                        + " pixels); the file is damaged or not a real image");
            }
            return new MediaInput(file, format, index, size);
        } catch (RuntimeException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    private static long sizeOf(Path file) {
        if (Files.isDirectory(file)) {
            throw new CaptureException(ErrorCode.CONVERT, "input " + file + " is a directory, not a video file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CaptureException(ErrorCode.CONVERT,
                    "input file " + file + " does not exist or is empty: nothing to decode; upload the video again", e);
        }
        if (size == 0) {
            throw new CaptureException(ErrorCode.CONVERT,
                    "input file " + file + " is empty (0 bytes): nothing to decode; upload the video again");
        }
        return size;
    }

    /** FFmpeg's codec name, or the FourCC when FFmpeg does not know the codec at all. */
    static String codecName(AVCodecParameters par) {
        String name = avcodec_get_name(par.codec_id()).getString();
        if (!"none".equals(name)) {
            return name;
        }
        int tag = par.codec_tag();
        StringBuilder fourcc = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int c = (tag >>> (8 * i)) & 0xff;
            fourcc.append(c >= 32 && c < 127 ? (char) c : '?');
        }
        return "unknown (FourCC '" + fourcc + "')";
    }

    private static boolean hasAudio(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                return true;
            }
        }
        return false;
    }

    private VideoInfo describe(long sizeBytes) {
        AVCodecParameters par = stream.codecpar();
        String container = format.iformat().name().getString();
        boolean still = "image2".equals(container) || container.endsWith("_pipe");
        int rotation = rotationDegrees(par);
        boolean sideways = rotation == 90 || rotation == 270;
        int width = sideways ? par.height() : par.width();
        int height = sideways ? par.width() : par.height();
        if (still) {
            return new VideoInfo(width, height, 0, 0, codecName(par), sizeBytes, 1, hasAudio(format), rotation,
                    container, true);
        }
        double fps = rate(stream.avg_frame_rate());
        if (fps == 0) {
            fps = rate(stream.r_frame_rate());
        }
        double duration = 0;
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            duration = stream.duration() * timeBaseSeconds;
        } else if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
            duration = (double) format.duration() / AV_TIME_BASE;
        }
        long frames = stream.nb_frames() > 0 ? stream.nb_frames() : Math.round(duration * fps);
        return new VideoInfo(width, height, fps, duration, codecName(par), sizeBytes, frames, hasAudio(format),
                rotation, container, false);
    }

    private static double rate(AVRational r) {
        return r.num() > 0 && r.den() > 0 ? (double) r.num() / r.den() : 0;
    }

    /**
     * Clockwise degrees (0, 90, 180, 270) that make the stored picture upright. FFmpeg's display
     * matrix angle is counter-clockwise, hence the minus (as the ffmpeg tool's autorotate does).
     * Flips in the matrix are ignored: phones only rotate.
     */
    private static int rotationDegrees(AVCodecParameters par) {
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 9 * 4) {
            return 0;
        }
        double ccw = av_display_rotation_get(new IntPointer(sd.data()));
        if (Double.isNaN(ccw)) {
            return 0;
        }
        long quarterTurns = Math.round(-ccw / 90.0);
        return (int) Math.floorMod(quarterTurns * 90, 360L);
    }

    @Override
    public void close() {
        avformat_close_input(format);
    }
}
