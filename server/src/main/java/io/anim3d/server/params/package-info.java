/**
 * The Animate 3D {@code /process} parameters: {@link io.anim3d.server.params.ProcessParamsParser}
 * turns the {@code key=value} entries that the CLI ({@code -p}) and the HTTP API ({@code "params"})
 * receive into a validated {@link io.anim3d.server.params.ProcessParams}, leniently as
 * docs/COMPAT.md requires, and rejects bad values with one
 * {@link io.anim3d.server.params.ParamException} listing every problem. Which optional features
 * this build has is said in one place: {@link io.anim3d.server.params.Features#CURRENT}.
 */
package io.anim3d.server.params;
