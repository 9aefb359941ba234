package io.anim3d.server.api;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.UrlSigner;
import java.time.Clock;
import java.util.Objects;

/**
 * The shared, thread-safe services of one server process, handed to every {@link ApiModule}.
 * Nothing in it is mutable per request.
 *
 * @param signer signs and verifies the self-authorising blob URLs (uploads, downloads)
 */
public record ServerContext(ServerConfig config, Database db, ClientStore clients, Credits credits,
                            LocalBlobStore blobs, UrlSigner signer, Clock clock) {
    public ServerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(clock, "clock");
    }

    /** Public base URL of signed links for a request that arrived on {@code localPort}. */
    public String baseUrl(int localPort) {
        return config.baseUrlFor(localPort);
    }
}
