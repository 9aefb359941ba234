package io.anim3d.capture.video;

/**
 * What {@link VideoDecoder#probe} learns about an input without decoding it all; also the answer
 * of the API's {@code POST /videoInfo}.
 *
 * @param width           picture width as displayed (after rotation metadata), pixels
 * @param height          picture height as displayed (after rotation metadata), pixels
 * @param fps             average frame rate, frames per second (the stream's average rate, else
 *                        its base rate); 0 for a still image
 * @param durationSeconds length of the video stream, seconds (the container's duration when the
 *                        stream does not state its own, e.g. Matroska/WebM); 0 for a still image
 * @param codec           FFmpeg's codec name: "h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mjpeg", "png", ...
 * @param sizeBytes       file size, bytes
 * @param frameCount      frames in the stream as the container states it (MP4, MOV, AVI); when it
 *                        does not (Matroska, WebM), estimated as round(durationSeconds * fps); 1
 *                        for a still image. The decoder may give a few less (dropped timestamps)
 * @param hasAudio        whether the file has an audio stream (which is ignored)
 * @param rotationDegrees clockwise rotation, 0, 90, 180 or 270, that turns the stored picture
 *                        upright as players show it (from the display matrix)
 * @param container       FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm",
 *                        "avi", "image2", "png_pipe"
 * @param still           true for a still image (one frame at time 0)
 */
public record VideoInfo(int width, int height, double fps, double durationSeconds, String codec, long sizeBytes,
        long frameCount, boolean hasAudio, int rotationDegrees, String container, boolean still) {
}
