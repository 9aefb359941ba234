package io.anim3d.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** FFmpeg return codes turned into exceptions with FFmpeg's own error text. */
final class FfmpegStatus {
    /**
     * {@code AVERROR(EAGAIN)}: "send more input / read output first". FFmpeg's code is -errno,
     * and this build is linux-x86_64 only, where EAGAIN is 11.
     */
    static final int EAGAIN = -11;

    private FfmpegStatus() {
    }

    /**
     * Lowers FFmpeg's global log level to errors only. Its default callback writes to stderr,
     * never stdout, but at the default (info) level encoders chat on every run; errors still show.
     * Never raises a level someone else lowered (the setting is process-wide).
     */
    static void quietLogs() {
        if (av_log_get_level() > AV_LOG_ERROR) {
            av_log_set_level(AV_LOG_ERROR);
        }
    }

    /** FFmpeg's message for {@code code}, e.g. "No such file or directory". */
    static String text(int code) {
        byte[] buf = new byte[256];
        if (av_strerror(code, buf, buf.length) < 0) {
            return "FFmpeg error " + code;
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8) + " (" + code + ")";
    }

    /** Returns {@code ret} when it is not negative; otherwise throws with {@code step} and FFmpeg's text. */
    static int check(int ret, String step) throws IOException {
        if (ret < 0) {
            throw new IOException(step + " failed: " + text(ret));
        }
        return ret;
    }
}
