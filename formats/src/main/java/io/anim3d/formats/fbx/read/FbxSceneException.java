package io.anim3d.formats.fbx.read;

import java.io.IOException;

/**
 * A binary FBX file that the codec read but whose scene cannot become a character: no skeleton,
 * a mesh without a skin, inconsistent arrays, or more bones or vertices than the reader allows.
 * The message names the object and says what to do.
 */
public final class FbxSceneException extends IOException {
    private static final long serialVersionUID = 1L;

    public FbxSceneException(String message) {
        super("FBX scene: " + message);
    }
}
