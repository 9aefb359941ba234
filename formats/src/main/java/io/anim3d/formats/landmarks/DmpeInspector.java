package io.anim3d.formats.landmarks;

import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;
import io.anim3d.motion.TrackFrame;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Builds the text of {@link Dmpe#describe(Path)}: streams the file once, keeping only counters. */
final class DmpeInspector {
    private DmpeInspector() {
    }

    static String describe(Path file) throws IOException {
        long size = Files.size(file);
        StringBuilder s = new StringBuilder();
        try (DmpeReader reader = DmpeReader.open(new BufferedInputStream(Files.newInputStream(file), 64 * 1024),
                file.toString())) {
            DmpeHeader h = reader.header();
            line(s, "%s: landmarks.dmpe format %s, %,d bytes", file.getFileName(), reader.formatVersion(), size);
            line(s, "  frame %dx%d px, %.3f fps, model %s", h.frameWidth(), h.frameHeight(), h.frameRate(), h.model());
            for (Map.Entry<String, String> e : h.metadata().entrySet()) {
                line(s, "  metadata %s = %s", e.getKey(), e.getValue());
            }
            long posed = 0;
            double first = Double.NaN;
            double last = Double.NaN;
            TrackFrame firstPosed = null;
            long firstPosedIndex = -1;
            String error = null;
            try {
                for (TrackFrame f = reader.readFrame(); f != null; f = reader.readFrame()) {
                    if (Double.isNaN(first)) {
                        first = f.timeSeconds();
                    }
                    last = f.timeSeconds();
                    if (f.hasPose()) {
                        if (firstPosed == null) {
                            firstPosed = f;
                            firstPosedIndex = reader.frameCount() - 1;
                        }
                        posed++;
                    }
                }
            } catch (DmpeFormatException e) {
                error = e.getMessage();
            }
            long frames = reader.frameCount();
            line(s, "  frames %d (%d with a pose, %d without)", frames, posed, frames - posed);
            if (frames > 0) {
                line(s, "  time %.3f s to %.3f s, duration %.3f s", first, last, last - first);
            }
            line(s, "  uncompressed %,d bytes, compressed to %.1f %%", reader.uncompressedBytes(),
                    100.0 * size / reader.uncompressedBytes());
            if (reader.skippedRecords() > 0) {
                line(s, "  skipped %d records of types this reader does not know", reader.skippedRecords());
            }
            line(s, error == null ? "  checksum OK (CRC32 %08x)" : "  DAMAGED: %s",
                    error == null ? reader.storedCrc() : error);
            if (firstPosed != null) {
                appendPose(s, firstPosedIndex, firstPosed);
            }
        }
        return s.toString();
    }

    private static void appendPose(StringBuilder s, long index, TrackFrame f) {
        PoseObservation p = f.pose();
        Roi r = p.roi();
        line(s, "  first pose: frame %d at %.3f s, roi centre (%.4f, %.4f) size %.4f x %.4f rotation %.4f rad",
                index, f.timeSeconds(), r.xCenter(), r.yCenter(), r.width(), r.height(), r.rotation());
        line(s, "    %2s %-17s %9s %9s %9s  %9s %9s %9s  %6s %6s", "#", "landmark", "image x", "image y", "image z",
                "world x m", "world y m", "world z m", "vis", "pres");
        for (int i = 0; i < PoseLandmark.COUNT; i++) {
            line(s, "    %2d %-17s %9.5f %9.5f %9.5f  %9.5f %9.5f %9.5f  %6.4f %6.4f", i, PoseLandmark.of(i).label(),
                    p.x(i), p.y(i), p.z(i), p.worldX(i), p.worldY(i), p.worldZ(i), p.visibility(i), p.presence(i));
        }
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
