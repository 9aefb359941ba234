/**
 * The FBX scene layer: turns a {@link io.anim3d.formats.character.Character} and an optional
 * {@link io.anim3d.motion.Motion} into the node tree of a binary FBX 7.4 file as Blender's exporter
 * lays it out (armature of LimbNodes, skinned meshes with clusters and a bind pose, materials,
 * blend shapes, an Euler-XYZ animation stack), which the codec in {@code io.anim3d.formats.fbx}
 * writes. It first plans every object with a deterministic id and every connection, then builds
 * the nodes; see {@link io.anim3d.formats.fbx.scene.FbxSceneWriter}.
 */
package io.anim3d.formats.fbx.scene;
