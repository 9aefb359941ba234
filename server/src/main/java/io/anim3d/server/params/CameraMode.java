package io.anim3d.server.params;

/** Where the render camera looks ({@code render.CamMode} / {@code render.camera}: 0, 1 or 2). */
public enum CameraMode {
    /** 0: keeps the character in the centre of the frame (the default). */
    CINEMATIC,
    /** 1: stays fixed relative to the background. */
    FIXED,
    /** 2: keeps the torso and face in the centre of the frame. */
    FACE;

    /** The number clients send: 0, 1 or 2. */
    public int code() {
        return ordinal();
    }
}
