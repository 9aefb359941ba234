/**
 * Custom characters ({@code /character/*}, docs/animate3d-api.md "Custom Character APIs"): a
 * client uploads a model (binary FBX, GLB or VRM) and a thumbnail through signed upload URLs, or
 * asks the server to draw the thumbnail ({@link io.anim3d.server.characters.GeneratedThumbnails}),
 * stores them as a character after {@link io.anim3d.server.characters.CharacterFiles} has read the
 * model as a skeleton, lists its characters beside the stock ones and deletes them. Rows live in
 * {@link io.anim3d.server.characters.CharacterStore}, files in the blob store under
 * {@code models/<clientId>/<modelId>/} (the stock characters' drawn thumbnails under
 * {@code stock/thumbs/}); {@link io.anim3d.server.characters.CharacterRoutes} is the thin HTTP
 * layer over {@link io.anim3d.server.characters.CharacterService}. A character stored in a session
 * opened with {@code x-useruid} is private to that sub-user, one stored without it is shared by
 * the whole client ({@link io.anim3d.server.characters.CharacterOwner}).
 */
package io.anim3d.server.characters;
