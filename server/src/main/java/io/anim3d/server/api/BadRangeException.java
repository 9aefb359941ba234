package io.anim3d.server.api;

/** A {@code Content-Range} header that cannot be a chunk of an upload; {@link ErrorMapping} answers 400. */
final class BadRangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRangeException(String message) {
        super(message);
    }
}
