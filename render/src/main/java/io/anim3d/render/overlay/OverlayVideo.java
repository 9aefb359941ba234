package io.anim3d.render.overlay;

import io.anim3d.motion.PoseObservation;
import io.anim3d.render.Mp4Options;
import io.anim3d.render.Mp4Writer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A video of the input frames with the tracked skeleton drawn on them, for users to check
 * tracking. It is written beside the target under a temporary name and moved into place by
 * {@link #commit()}; closing without committing deletes it, so a failed run leaves no partial
 * file.
 */
public final class OverlayVideo implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final double frameRate;
    private Mp4Writer writer;
    private byte[] canvas;
    private boolean committed;

    /** @param frameRate frames per second of the output (the frames are written at a constant rate) */
    public OverlayVideo(Path target, double frameRate) {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
        this.frameRate = frameRate;
    }

    /** Draws {@code pose} (or nothing, when null) on a copy of the frame and appends it. */
    public void add(byte[] rgb, int width, int height, PoseObservation pose) throws IOException {
        if (writer == null) {
            writer = Mp4Writer.open(partial, Mp4Options.of(width, height, frameRate));
            canvas = new byte[rgb.length];
        }
        System.arraycopy(rgb, 0, canvas, 0, rgb.length);
        if (pose != null) {
            LandmarkOverlay.draw(canvas, width, height, pose, OverlayStyle.DEFAULT);
        }
        writer.write(canvas, width, height);
    }

    /** Finishes the video and moves it to the target path. */
    public void commit() throws IOException {
        if (writer == null) {
            throw new IOException("no frames were written to " + target.getFileName());
        }
        writer.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
