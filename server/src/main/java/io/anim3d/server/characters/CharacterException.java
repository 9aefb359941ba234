package io.anim3d.server.characters;

/**
 * A character request that cannot succeed, with a message for the client that says what was wrong
 * and what to do. {@link CharacterRoutes} answers it 404 when {@link #notFound()} (an unknown or
 * another client's id or upload), else 400. Nothing has been stored when it is thrown.
 */
public final class CharacterException extends RuntimeException {
    private final boolean notFound;

    private CharacterException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    /** The request or the uploaded file is wrong (400). */
    static CharacterException invalid(String message) {
        return new CharacterException(message, false);
    }

    /** No such character or upload of this client (404). */
    static CharacterException notFound(String message) {
        return new CharacterException(message, true);
    }

    public boolean notFound() {
        return notFound;
    }
}
