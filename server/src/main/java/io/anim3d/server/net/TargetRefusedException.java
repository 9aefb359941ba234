package io.anim3d.server.net;

/** A URL the server will not call; the message says why and what to send instead (answered as 400). */
public final class TargetRefusedException extends RuntimeException {
    public TargetRefusedException(String message) {
        super(message);
    }
}
