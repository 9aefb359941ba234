/**
 * The byte-level binary FBX 7.x codec: an immutable node tree ({@link io.anim3d.formats.fbx.FbxNode},
 * {@link io.anim3d.formats.fbx.FbxProperty}), {@link io.anim3d.formats.fbx.FbxReader} (7.1–7.7,
 * bounded and strict), {@link io.anim3d.formats.fbx.FbxWriter} (7.4 by default, deterministic,
 * Blender's layout) and {@link io.anim3d.formats.fbx.FbxDump}. It knows nodes, properties and
 * arrays, nothing about scenes; the layout is documented in docs/formats.md.
 */
package io.anim3d.formats.fbx;
