package io.anim3d.formats.gltf;

/** A GLB file that cannot be read: the message names the header field, chunk or accessor at fault. */
public final class GlbFormatException extends RuntimeException {
    public GlbFormatException(String message) {
        super(message);
    }
}
