package io.anim3d.capture;

/**
 * A failure of the capture stage that a user can act on: the message says what was wrong and
 * what to do, and {@link #code()} is the API error code. Never carries partial output.
 */
public class CaptureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public CaptureException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public CaptureException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
