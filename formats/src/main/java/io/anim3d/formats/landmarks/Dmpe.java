package io.anim3d.formats.landmarks;

import io.anim3d.formats.io.AtomicFile;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.TrackFrame;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole-track convenience over {@link DmpeWriter} and {@link DmpeReader}, and the inspection
 * path ({@link #describe(Path)}). The byte layout is documented in {@code docs/formats.md}.
 */
public final class Dmpe {
    /** Conventional file name of a job's stored landmarks. */
    public static final String FILE_NAME = "landmarks.dmpe";

    private Dmpe() {
    }

    /**
     * Writes {@code track} to {@code file} atomically: into a temporary file in the same folder,
     * synced, then moved over {@code file}, so a crash or error never leaves a partial file there.
     */
    public static void write(LandmarkTrack track, Path file) throws IOException {
        write(track, null, file);
    }

    /** As {@link #write(LandmarkTrack, Path)}, with header metadata (null for none). */
    public static void write(LandmarkTrack track, Map<String, String> metadata, Path file) throws IOException {
        AtomicFile.write(file, out -> writeTo(track, metadata, new UnclosingOutputStream(out)));
    }

    /** The file's bytes for {@code track}, without metadata. */
    public static byte[] toBytes(LandmarkTrack track) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            writeTo(track, null, out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
        return out.toByteArray();
    }

    private static void writeTo(LandmarkTrack track, Map<String, String> metadata, OutputStream out) throws IOException {
        try (DmpeWriter writer = DmpeWriter.open(new java.io.BufferedOutputStream(out, 64 * 1024),
                DmpeHeader.of(track, metadata))) {
            for (TrackFrame frame : track.frames()) {
                writer.write(frame);
            }
        }
    }

    /** Reads a whole file; every frame is checksum-verified before this returns. */
    public static LandmarkTrack read(Path file) throws IOException {
        return read(Files.newInputStream(file), file.toString());
    }

    /** Reads a whole stream (and closes it); every frame is checksum-verified before this returns. */
    public static LandmarkTrack read(InputStream in) throws IOException {
        return read(in, FILE_NAME);
    }

    private static LandmarkTrack read(InputStream in, String source) throws IOException {
        try (DmpeReader reader = DmpeReader.open(new BufferedInputStream(in, 64 * 1024), source)) {
            List<TrackFrame> frames = new ArrayList<>();
            for (TrackFrame f = reader.readFrame(); f != null; f = reader.readFrame()) {
                frames.add(f);
            }
            DmpeHeader h = reader.header();
            return new LandmarkTrack(h.frameWidth(), h.frameHeight(), h.frameRate(), h.model(), frames);
        }
    }

    /**
     * A human-readable summary of a file: version, size, frames, posed frames, duration, checksum
     * and the first posed frame's landmarks. A damaged body is reported in the text (with what
     * could be read before the damage) rather than thrown, since inspecting damaged files is
     * what this is for.
     *
     * @throws DmpeFormatException if not even the header can be read
     */
    public static String describe(Path file) throws IOException {
        return DmpeInspector.describe(file);
    }

    /** Lets the writer close its stream while the caller still syncs the channel. */
    private static final class UnclosingOutputStream extends java.io.FilterOutputStream {
        UnclosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
