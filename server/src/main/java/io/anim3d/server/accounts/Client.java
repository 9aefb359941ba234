package io.anim3d.server.accounts;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An API client as others may see it (never its secret or hash).
 *
 * @param id                id used in Basic auth (lowercase hex)
 * @param name              operator's label, for display
 * @param createdAtMs       creation time, milliseconds since the epoch
 * @param disabledAtMs      when it was disabled, empty while active
 * @param secretRotatedAtMs when its current secret was set (creation or last rotation); sessions
 *                          issued before it are no longer valid
 */
public record Client(String id, String name, long createdAtMs, OptionalLong disabledAtMs, long secretRotatedAtMs) {
    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(disabledAtMs, "disabledAtMs");
    }

    public boolean disabled() {
        return disabledAtMs.isPresent();
    }
}
