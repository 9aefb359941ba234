/**
 * Turning motions and frames into pictures and videos: the MP4 encoder ({@link io.anim3d.render.Mp4Writer})
 * and, in {@code .overlay}, drawings on top of video frames.
 */
package io.anim3d.render;
