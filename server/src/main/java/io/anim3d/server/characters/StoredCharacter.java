package io.anim3d.server.characters;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of the {@code characters} table: a client's own character and what reading its model
 * found.
 *
 * @param subUser    the sub-user who stored it, empty when the whole client did (see {@link CharacterOwner})
 * @param name       display name, never used as a path
 * @param modelKey   blob key of the model file ({@code models/<clientId>/<id>/model.<ext>}, ext = {@code facts.format()})
 * @param modelSize  bytes of the model file
 * @param thumbKey   blob key of the thumbnail, empty when there is none
 * @param createdAtMs creation time, milliseconds since the epoch (the API's {@code ctime})
 * @param updatedAtMs last change of name or thumbnail, milliseconds since the epoch ({@code mtime})
 */
public record StoredCharacter(String id, String clientId, Optional<String> subUser, String name, String modelKey,
                              long modelSize, Optional<String> thumbKey, CharacterFacts facts, long createdAtMs,
                              long updatedAtMs) {
    public StoredCharacter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subUser, "subUser");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelKey, "modelKey");
        Objects.requireNonNull(thumbKey, "thumbKey");
        Objects.requireNonNull(facts, "facts");
    }

    /** Who stored it. */
    public CharacterOwner owner() {
        return new CharacterOwner(clientId, subUser);
    }

    StoredCharacter withNameAndThumb(String newName, Optional<String> newThumbKey, long nowMs) {
        return new StoredCharacter(id, clientId, subUser, newName, modelKey, modelSize, newThumbKey, facts, createdAtMs,
                nowMs);
    }
}
