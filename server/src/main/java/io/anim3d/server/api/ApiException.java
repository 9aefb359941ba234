package io.anim3d.server.api;

/**
 * A request that cannot be answered with success, carrying the HTTP status and the message the
 * client sees. {@link ErrorMapping} turns it into {@code {"message": ...}} with that status.
 */
public final class ApiException extends RuntimeException {
    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** 429: the client has too much going on already; the message says how to continue. */
    public static ApiException tooMany(String message) {
        return new ApiException(429, message);
    }

    /** 413: a quota or size limit is reached. */
    public static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }

    public int status() {
        return status;
    }
}
