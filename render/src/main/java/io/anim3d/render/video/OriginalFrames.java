package io.anim3d.render.video;

import java.io.IOException;

/**
 * The input's pictures in presentation order, for the left half of a side-by-side video. The
 * server adapts capture's {@code VideoDecoder} (opened with the job's trim, crop and speed) to
 * it; render does not decode videos itself, so the picture is rotated and cropped exactly as it
 * was for tracking. Called from one thread at a time.
 */
@FunctionalInterface
public interface OriginalFrames {
    /** The next picture, or null after the last one. */
    OriginalFrame next() throws IOException;
}
