/**
 * A pure-Java software renderer for skinned characters ({@link io.anim3d.render.scene.CharacterRenderer}):
 * linear blend skinning, a 4× supersampled visibility buffer, per-pixel key, fill and rim
 * lighting, a soft ground shadow, and a ground plane or studio backdrop ({@link io.anim3d.render.scene.RenderStyle}),
 * seen through a pinhole {@link io.anim3d.render.scene.Camera}. Deterministic: the same inputs give
 * byte-identical pixels.
 */
package io.anim3d.render.scene;
