package io.anim3d.capture.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** Process-wide FFmpeg setup and error texts. */
final class Ffmpeg {
    /** AVERROR(EAGAIN): EAGAIN is 11 on Linux, the only platform this build ships for. */
    static final int AVERROR_EAGAIN = -11;

    static {
        // FFmpeg logs to stderr by default; a server decoding damaged uploads would fill its log
        // with codec chatter. Every failure we care about is reported through return codes and
        // ends up in a CaptureException message instead. The level is global to the process.
        av_log_set_level(AV_LOG_QUIET);
    }

    private Ffmpeg() {
    }

    /** Runs the static set-up (quiet logging) before the first FFmpeg call. */
    static void init() {
        // the static initialiser does the work
    }

    /** FFmpeg's text for a negative return code, e.g. "Invalid data found when processing input". */
    static String describe(int errorCode) {
        byte[] buf = new byte[256];
        if (av_strerror(errorCode, buf, buf.length) < 0) {
            return "FFmpeg error " + errorCode;
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
