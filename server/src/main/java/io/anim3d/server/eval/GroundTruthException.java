package io.anim3d.server.eval;

import java.io.IOException;

/** Ground-truth data that cannot be used: wrong arrays or shapes, or an image that is missing. */
public class GroundTruthException extends IOException {
    public GroundTruthException(String message) {
        super(message);
    }
}
