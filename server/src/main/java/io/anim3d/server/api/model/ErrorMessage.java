package io.anim3d.server.api.model;

import java.util.Objects;

/** Body of every 4xx/5xx answer: what was wrong and what to do about it. */
public record ErrorMessage(String message) {
    public ErrorMessage {
        Objects.requireNonNull(message, "message");
    }
}
