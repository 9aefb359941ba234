/**
 * The HTTP API (Javalin): {@link io.anim3d.server.api.ApiServer} wires routes, authentication
 * (session cookie or Basic, {@link io.anim3d.server.api.Authenticator}) and the one mapping from
 * exceptions to JSON error answers ({@link io.anim3d.server.api.ErrorMapping}). Handlers stay thin:
 * they call the services in {@code accounts} and render records from {@code api.model}.
 * Wire details follow docs COMPAT.md ("Authentication and cookies", "Responses").
 */
package io.anim3d.server.api;
