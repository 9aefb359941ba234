/**
 * Turning motions and frames into pictures and videos: the MP4 encoder ({@link io.anim3d.render.Mp4Writer})
 * in {@code .overlay}, drawings on top of video frames, in {@code .scene}, the software renderer of
 * skinned characters ({@link io.anim3d.render.scene.CharacterRenderer}), and, in {@code .video}, the
 * side-by-side MP4 and still images of a job ({@link io.anim3d.render.video.AnimationVideo}).
 */
package io.anim3d.render;
