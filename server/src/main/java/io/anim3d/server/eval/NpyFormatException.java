package io.anim3d.server.eval;

import java.io.IOException;

/** A {@code .npy} or {@code .npz} file that is damaged or uses a feature this reader does not support; the message names the file or entry. */
public class NpyFormatException extends IOException {
    public NpyFormatException(String message) {
        super(message);
    }
}
