package io.anim3d.server.api.model;

/** An error body with the spec's error code, e.g. {@code {"message": "...", "code": 101}} for missing credits. */
public record CodedError(String message, int code) {
}
