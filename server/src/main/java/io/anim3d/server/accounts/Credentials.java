package io.anim3d.server.accounts;

import java.util.Objects;

/**
 * A client id with its plain secret, returned exactly once (at creation or rotation) to be shown
 * to the operator; the database keeps only a hash. {@link #toString()} hides the secret so that
 * it cannot leak into logs by accident.
 */
public record Credentials(String clientId, String secret) {
    public Credentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Credentials[clientId=" + clientId + ", secret=***]";
    }
}
