/**
 * Video decoding: opens a video or still image with FFmpeg, reports its {@link
 * io.anim3d.capture.video.VideoInfo}, and streams upright, trimmed, cropped RGB {@link
 * io.anim3d.capture.video.Frame}s with real presentation timestamps ({@link
 * io.anim3d.capture.video.VideoDecoder}).
 */
package io.anim3d.capture.video;
