/**
 * The rendered outputs of a job ({@code formats=mp4}, {@code png}, {@code jpg}): the animated
 * character beside the original video or alone ({@link io.anim3d.render.video.SideBySideLayout}),
 * written as an MP4 with the input's audio ({@link io.anim3d.render.video.AnimationVideo}) or as
 * an image of a still input's pose ({@link io.anim3d.render.video.StillImage}). The character's
 * pictures come from {@link io.anim3d.render.video.CharacterFrames}, the input's from
 * {@link io.anim3d.render.video.OriginalFrames}: this package composes and encodes, it neither
 * renders 3D nor decodes video.
 */
package io.anim3d.render.video;
