/**
 * The character model shared by stock, imported and exported characters: a skeleton, skinned
 * meshes with morph targets, materials; and the stock characters, generated in code.
 */
package io.anim3d.formats.character;
