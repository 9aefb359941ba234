package io.anim3d.server.characters;

import java.util.Objects;
import java.util.Optional;

/**
 * Who stores a character, and who asks for characters: an API client as a whole, or one of its
 * sub-users ({@code x-useruid}, COMPAT.md; the spec's note under Custom Character APIs).
 *
 * <p>The rules, in one place ({@link CharacterStore}'s queries follow them):
 * <ul>
 *   <li>A character stored by the whole client is shared: every session of the client sees it and
 *       every job of the client may use it, whatever its sub-user.</li>
 *   <li>A character stored by a sub-user is that sub-user's: the whole client's sessions and other
 *       sub-users see it as an unknown id (the spec's "available to all animation jobs" only without
 *       x-useruid). The client can still reach it by opening a session for that sub-user.</li>
 *   <li>Only the owner renames or deletes a character: a sub-user uses the shared characters but
 *       leaves them alone, so one of a client's users cannot remove what all of them rely on.</li>
 * </ul>
 *
 * @param subUser empty for the whole client
 */
public record CharacterOwner(String clientId, Optional<String> subUser) {
    public CharacterOwner {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subUser, "subUser");
    }

    /** The whole client, acting without a sub-user. */
    public static CharacterOwner client(String clientId) {
        return new CharacterOwner(clientId, Optional.empty());
    }

    /** Whether a session of this owner sees the character (lists it, finds it by id, uses it in a job). */
    public boolean sees(StoredCharacter c) {
        return c.clientId().equals(clientId) && (c.subUser().isEmpty() || c.subUser().equals(subUser));
    }

    /** Whether a session of this owner may rename, re-thumbnail or delete the character. */
    public boolean mayChange(StoredCharacter c) {
        return c.clientId().equals(clientId) && c.subUser().equals(subUser);
    }
}
