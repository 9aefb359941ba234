package io.anim3d.capture.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Converts decoded frames of any pixel format (8 or 10 bit, YUV or RGB) to packed RGB24 at a fixed
 * size in one reused native buffer. The swscale context is rebuilt only when the input format,
 * size or colour description changes, so steady decoding allocates nothing here.
 */
final class RgbConverter implements AutoCloseable {
    private final int width;
    private final int height;
    private final AVFrame rgb;
    private final BytePointer rgbData;
    private final int rgbStride;
    private SwsContext sws;
    private int srcFormat = -1;
    private int srcWidth;
    private int srcHeight;
    private int srcColorspace;
    private int srcRange;

    /** An RGB24 target of {@code width}x{@code height} pixels (the stream's stored picture size). */
    RgbConverter(int width, int height) {
        this.width = width;
        this.height = height;
        this.rgb = av_frame_alloc();
        if (rgb == null || rgb.isNull()) {
            throw new OutOfMemoryError("av_frame_alloc failed");
        }
        rgb.format(AV_PIX_FMT_RGB24).width(width).height(height);
        int err = av_frame_get_buffer(rgb, 0);
        if (err < 0) {
            av_frame_free(rgb);
            throw new CaptureException(ErrorCode.CONVERT, "cannot allocate a " + width + "x" + height
                    + " RGB picture (" + Ffmpeg.describe(err) + ")");
        }
        this.rgbData = rgb.data(0);
        this.rgbStride = rgb.linesize(0);
    }

    /** Converts {@code frame} into {@link #data()}; scales it when its size differs from the target. */
    void convert(AVFrame frame) {
        prepare(frame);
        int rows = sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), rgb.data(), rgb.linesize());
        if (rows != height) {
            throw new CaptureException(ErrorCode.CONVERT, "converting a " + frame.width() + "x" + frame.height() + " "
                    + formatName(frame.format()) + " picture to RGB failed (" + (rows < 0 ? Ffmpeg.describe(rows)
                    : rows + " of " + height + " rows") + ")");
        }
    }

    /** Start of the RGB24 picture; valid until the next {@link #convert} or {@link #close()}. */
    BytePointer data() {
        return rgbData;
    }

    /** Bytes from one row's start to the next's (at least width*3; FFmpeg may pad rows). */
    int stride() {
        return rgbStride;
    }

    private void prepare(AVFrame frame) {
        int colorspace = frame.colorspace();
        int range = frame.color_range() == AVCOL_RANGE_JPEG || isJpegRange(frame.format()) ? 1 : 0;
        if (sws != null && frame.format() == srcFormat && frame.width() == srcWidth && frame.height() == srcHeight
                && colorspace == srcColorspace && range == srcRange) {
            return;
        }
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        SwsContext created = sws_getContext(frame.width(), frame.height(), frame.format(), width, height,
                AV_PIX_FMT_RGB24, SWS_BILINEAR, null, null, (DoublePointer) null);
        if (created == null || created.isNull()) {
            throw new CaptureException(ErrorCode.CONVERT, "cannot convert " + formatName(frame.format())
                    + " pictures of " + frame.width() + "x" + frame.height() + " to RGB");
        }
        sws = created;
        srcFormat = frame.format();
        srcWidth = frame.width();
        srcHeight = frame.height();
        srcColorspace = colorspace;
        srcRange = range;
        if (isYuv(frame.format())) {
            // swscale assumes BT.601 limited range unless told; HD video is usually BT.709 and
            // JPEG-style video full range. An unknown colorspace keeps BT.601, as the ffmpeg tool does.
            // A refusal (-1) leaves swscale's defaults, which still give a usable picture.
            sws_setColorspaceDetails(sws, sws_getCoefficients(colorspace), range,
                    sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        }
    }

    private static boolean isJpegRange(int format) {
        return format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P
                || format == AV_PIX_FMT_YUVJ440P || format == AV_PIX_FMT_YUVJ411P;
    }

    private static boolean isYuv(int format) {
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(format);
        return d != null && !d.isNull() && (d.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) == 0
                && d.nb_components() >= 3;
    }

    private static String formatName(int format) {
        BytePointer name = av_get_pix_fmt_name(format);
        return name == null || name.isNull() ? "pixel format " + format : name.getString();
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        av_frame_free(rgb);
    }
}
