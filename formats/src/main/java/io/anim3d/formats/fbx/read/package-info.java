/**
 * Reads skinned characters from binary FBX 7.x ({@link io.anim3d.formats.fbx.read.FbxCharacterReader})
 * into the {@link io.anim3d.formats.character.Character} model: the scene graph on top of the byte
 * codec, bind poses baked to zero rest rotations, units and axes converted to metres, Y up, +Z front.
 */
package io.anim3d.formats.fbx.read;
