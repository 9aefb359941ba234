package io.anim3d.server.api.model;

/** An empty JSON object {@code {}}: the body of answers whose payload is a header (the session cookie). */
public record Empty() {
    public static final Empty INSTANCE = new Empty();
}
