/**
 * Turning motions and frames into pictures and videos: the MP4 encoder ({@link io.anim3d.render.Mp4Writer})
 * in {@code .overlay}, drawings on top of video frames, and, in {@code .scene}, the software renderer of
 * skinned characters ({@link io.anim3d.render.scene.CharacterRenderer}).
 */
package io.anim3d.render;
