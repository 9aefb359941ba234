package io.anim3d.formats.landmarks;

import static io.anim3d.formats.landmarks.TrackAssertions.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;
import io.anim3d.motion.TrackFrame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmpeRoundTripTest {

    @Test
    void regularTrackRoundTripsBitExactly() throws IOException {
        LandmarkTrack track = SyntheticTracks.regular(300, 1);
        assertBitIdentical(track, Dmpe.read(new ByteArrayInputStream(Dmpe.toBytes(track))));
    }

    @Test
    void irregularTimestampsAndFramesWithoutPoseRoundTripBitExactly() throws IOException {
        LandmarkTrack track = SyntheticTracks.irregular(200, 2);
        assertTrue(track.posedFrameCount() < track.frames().size(), "test data must contain frames without a pose");
        LandmarkTrack back = Dmpe.read(new ByteArrayInputStream(Dmpe.toBytes(track)));
        assertBitIdentical(track, back);
        assertEquals(track.posedFrameCount(), back.posedFrameCount());
    }

    @Test
    void specialFloatValuesRoundTripBitExactly() throws IOException {
        float[] image = new float[99];
        float[] world = new float[99];
        float[] special = {-0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7fc01234), 1e-30f};
        for (int i = 0; i < 99; i++) {
            image[i] = special[i % special.length];
            world[i] = special[(i + 3) % special.length];
        }
        float[] vis = new float[33];
        vis[5] = Float.NaN;
        PoseObservation weird = new PoseObservation(image, world, vis, new float[33],
                new Roi(-0.0f, Float.NaN, Float.MAX_VALUE, Float.MIN_VALUE, (float) -Math.PI));
        Random noise = new Random(3);
        LandmarkTrack track = new LandmarkTrack(1, 1, 1e-3, "x", List.of(
                new TrackFrame(0, weird),
                new TrackFrame(Double.MIN_VALUE, SyntheticTracks.pose(0.1, noise)),
                new TrackFrame(1e9, weird)));
        assertBitIdentical(track, Dmpe.read(new ByteArrayInputStream(Dmpe.toBytes(track))));
    }

    @Test
    void emptyTrackRoundTrips() throws IOException {
        LandmarkTrack track = new LandmarkTrack(640, 480, 25, "lite", List.of());
        LandmarkTrack back = Dmpe.read(new ByteArrayInputStream(Dmpe.toBytes(track)));
        assertBitIdentical(track, back);
    }

    @Test
    void sameTrackGivesIdenticalBytes() throws IOException {
        LandmarkTrack track = SyntheticTracks.irregular(300, 4);
        byte[] first = Dmpe.toBytes(track);
        byte[] second = Dmpe.toBytes(SyntheticTracks.irregular(300, 4)); // an equal track built anew
        assertArrayEquals(first, second, "two writes of the same track");
        assertArrayEquals(first, writeStreaming(track, null), "toBytes and the streaming writer");
        // And through the streaming writer with metadata given in two different orders.
        Map<String, String> a = new LinkedHashMap<>();
        a.put("tracker.minDetectionConfidence", "0.5");
        a.put("source", "dance.mp4");
        a.put("\u00e9t\u00e9", "summer");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("\u00e9t\u00e9", "summer");
        b.put("source", "dance.mp4");
        b.put("tracker.minDetectionConfidence", "0.5");
        assertArrayEquals(writeStreaming(track, a), writeStreaming(track, b), "metadata order must not matter");
    }

    @Test
    void fileWriteEqualsToBytesAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        LandmarkTrack track = SyntheticTracks.irregular(120, 5);
        Path file = dir.resolve(Dmpe.FILE_NAME);
        Files.write(file, new byte[] {1, 2, 3}); // an older file is replaced
        Dmpe.write(track, file);
        assertArrayEquals(Dmpe.toBytes(track), Files.readAllBytes(file));
        assertBitIdentical(track, Dmpe.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "only the target file remains");
        }
    }

    @Test
    void failedFileWriteKeepsThePreviousFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(Dmpe.FILE_NAME);
        LandmarkTrack good = SyntheticTracks.regular(10, 6);
        Dmpe.write(good, file);
        byte[] before = Files.readAllBytes(file);
        // A model name too long for the header fails mid-write, after the temporary file exists.
        LandmarkTrack bad = new LandmarkTrack(10, 10, 30, "m".repeat(70_000), good.frames());
        assertThrows(IllegalArgumentException.class, () -> Dmpe.write(bad, file));
        assertArrayEquals(before, Files.readAllBytes(file), "the previous file is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void streamingReaderGivesHeaderMetadataAndFramesInOrder() throws IOException {
        LandmarkTrack track = SyntheticTracks.irregular(50, 7);
        Map<String, String> meta = Map.of("b", "2", "a", "1", "tracker", "blazepose-full");
        byte[] bytes = writeStreaming(track, meta);
        try (DmpeReader reader = DmpeReader.open(new ByteArrayInputStream(bytes))) {
            DmpeHeader h = reader.header();
            assertEquals(new DmpeHeader(720, 1280, 29.97, "heavy", meta), h);
            assertEquals(List.of("a", "b", "tracker"), new ArrayList<>(h.metadata().keySet()), "sorted keys");
            assertEquals("1.1", reader.formatVersion());
            int k = 0;
            while (reader.hasNext()) {
                TrackAssertions.assertFrameBitIdentical(k, track.frames().get(k), reader.next());
                k++;
            }
            assertEquals(track.frames().size(), k, "frames iterated");
            assertFalse(reader.hasNext(), "hasNext stays false after the end");
        }
    }

    @Test
    void writerRefusesFramesOutOfOrderAndWritesAfterClose() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DmpeWriter writer = DmpeWriter.open(out, new DmpeHeader(10, 10, 30, "full", null));
        writer.write(new TrackFrame(1.0, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(new TrackFrame(1.0, null)));
        assertTrue(e.getMessage().contains("frame 1 at 1.0 s does not come after frame 0"), e.getMessage());
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.write(new TrackFrame(2.0, null)));
        assertEquals(1, Dmpe.read(new ByteArrayInputStream(out.toByteArray())).frames().size());
    }

    static byte[] writeStreaming(LandmarkTrack track, Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DmpeWriter writer = DmpeWriter.open(out, DmpeHeader.of(track, metadata))) {
            for (TrackFrame f : track.frames()) {
                writer.write(f);
            }
        }
        return out.toByteArray();
    }
}
