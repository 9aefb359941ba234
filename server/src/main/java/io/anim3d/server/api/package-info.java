/**
 * The HTTP API (Javalin): {@link io.anim3d.server.api.ApiServer} wires routes, authentication
 * (session cookie or Basic, {@link io.anim3d.server.api.Authenticator}) and the one mapping from
 * exceptions to JSON error answers ({@link io.anim3d.server.api.ErrorMapping}). Handlers stay thin:
 * they call the services in {@code accounts} and {@code storage} and render records from {@code api.model}.
 * {@link io.anim3d.server.api.UploadRoutes} hands out signed upload URLs and receives plain and
 * GCS-style resumable uploads on them; {@link io.anim3d.server.api.Cors} answers browsers.
 * Wire details follow docs COMPAT.md ("Authentication and cookies", "Responses", "Upload", "CORS").
 */
package io.anim3d.server.api;
