/**
 * API clients and their credits: {@link io.anim3d.server.accounts.ClientStore} creates clients,
 * keeps only slow salted hashes of their secrets and verifies Basic-auth credentials (with a
 * short-lived cache for request rates PBKDF2 cannot serve); {@link io.anim3d.server.accounts.Credits}
 * grants credits and reserves, charges or releases them per job without ever overdrawing.
 * No HTTP types here: the API maps these results and exceptions to responses.
 */
package io.anim3d.server.accounts;
