/**
 * Request and response shapes of the HTTP API as plain records (serialised by Jackson, field
 * names exactly as the Animate 3D spec and its clients expect). No server or HTTP types here.
 */
package io.anim3d.server.api.model;
