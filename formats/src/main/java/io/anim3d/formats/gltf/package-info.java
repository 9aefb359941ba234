/**
 * glTF 2.0 binary (GLB): {@link io.anim3d.formats.gltf.GlbWriter} turns a skinned
 * {@link io.anim3d.formats.character.Character} and an optional {@link io.anim3d.motion.Motion}
 * into GLB bytes; {@link io.anim3d.formats.gltf.GlbReader} and
 * {@link io.anim3d.formats.gltf.GlbInspector} read them back;
 * {@link io.anim3d.formats.gltf.GlbCharacterReader} turns third-party skinned GLB and VRM files into a
 * Character (bind pose baked in, VRM 0.x turned to face +Z), bounded against hostile files. The byte layer (JSON text, chunks,
 * the binary buffer) is kept apart from the translation of the character model.
 */
package io.anim3d.formats.gltf;
