package io.anim3d.server.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code POST /videoInfo}: what an uploaded video is, e.g.
 * {@code {"width":1080,"height":1920,"fps":12,"duration":3.333,"codec":"h264","size":186615}}.
 * Decimals are {@link BigDecimal} so that whole values print as {@code 30}, not {@code 30.0}.
 *
 * @param width    picture width as displayed (after rotation metadata), pixels
 * @param height   picture height as displayed, pixels
 * @param fps      average frame rate, frames per second; 0 for a still image
 * @param duration length of the video stream, seconds; 0 for a still image
 * @param codec    FFmpeg's codec name ("h264", "hevc", "vp9", ...)
 * @param size     file size, bytes
 */
public record VideoDetails(int width, int height, BigDecimal fps, BigDecimal duration, String codec, long size) {
    public VideoDetails {
        Objects.requireNonNull(fps, "fps");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(codec, "codec");
    }
}
