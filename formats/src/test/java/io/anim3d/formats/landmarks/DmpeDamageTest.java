package io.anim3d.formats.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.anim3d.motion.LandmarkTrack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, foreign and future files: always a DmpeFormatException with a message that says what is wrong. */
class DmpeDamageTest {
    private static final LandmarkTrack TRACK = SyntheticTracks.irregular(300, 11);
    private static final byte[] FILE = Dmpe.toBytes(TRACK);
    private static final Pattern AFTER_FRAME = Pattern.compile("truncated after frame (\\d+) \\(t=[0-9.]+ s\\); (\\d+) frames readable: ");

    private static DmpeFormatException readFails(byte[] bytes) {
        return assertThrows(DmpeFormatException.class, () -> Dmpe.read(new ByteArrayInputStream(bytes)));
    }

    @Test
    void truncatedFilesNameTheLastGoodFrame() {
        int head = DmpeSurgery.headBytes(FILE);
        int lastFrameSeen = -1;
        for (double fraction : new double[] {0.02, 0.25, 0.5, 0.75, 0.97}) {
            int cut = head + (int) ((FILE.length - head) * fraction);
            DmpeFormatException e = readFails(Arrays.copyOf(FILE, cut));
            Matcher m = AFTER_FRAME.matcher(e.getMessage());
            assertTrue(m.find(), "cut at " + cut + " of " + FILE.length + " bytes: " + e.getMessage());
            int lastGood = Integer.parseInt(m.group(1));
            assertEquals(lastGood + 1, Integer.parseInt(m.group(2)), e.getMessage());
            assertTrue(lastGood > lastFrameSeen, "cut at " + cut + ": last good frame " + lastGood
                    + " should be after the previous cut's " + lastFrameSeen);
            assertTrue(lastGood < TRACK.frames().size(), e.getMessage());
            assertTrue(e.getMessage().startsWith("landmarks.dmpe: "), e.getMessage());
            lastFrameSeen = lastGood;
        }
    }

    @Test
    void truncatedFileDeliversTheIntactFramesBeforeFailing() throws IOException {
        byte[] cut = Arrays.copyOf(FILE, FILE.length / 2);
        List<io.anim3d.motion.TrackFrame> got = new ArrayList<>();
        try (DmpeReader reader = DmpeReader.open(new ByteArrayInputStream(cut))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
                while (reader.hasNext()) {
                    got.add(reader.next());
                }
            });
            assertTrue(e.getCause() instanceof DmpeFormatException, e.toString());
            assertTrue(e.getMessage().contains("truncated after frame " + (got.size() - 1) + " "), e.getMessage());
        }
        assertTrue(got.size() > 100, "about half of 300 frames should be readable, got " + got.size());
        for (int k = 0; k < got.size(); k++) {
            TrackAssertions.assertFrameBitIdentical(k, TRACK.frames().get(k), got.get(k));
        }
    }

    @Test
    void cutsInTheHeaderTheFirstFrameAndTheTrailerAreReported() {
        int head = DmpeSurgery.headBytes(FILE);
        assertTrue(readFails(Arrays.copyOf(FILE, 12)).getMessage().contains("truncated inside the header"));
        assertTrue(readFails(Arrays.copyOf(FILE, head - 1)).getMessage().contains("truncated inside the header"));
        assertTrue(readFails(Arrays.copyOf(FILE, head)).getMessage().contains("truncated before the first frame"));
        // The zlib trailer (Adler-32) is the last 4 bytes: the frames are all there and verified.
        String trailer = readFails(Arrays.copyOf(FILE, FILE.length - 2)).getMessage();
        assertTrue(trailer.contains("truncated after the end record") || trailer.contains("truncated after frame 299"),
                trailer);
    }

    @Test
    void unclosedWriterIsReportedAsTruncated() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        DmpeWriter writer = DmpeWriter.open(out, DmpeHeader.of(TRACK));
        for (int k = 0; k < 250; k++) {
            writer.write(TRACK.frames().get(k));
        }
        out.flush(); // the tracker crashed here: close() never ran
        String message = readFails(out.toByteArray()).getMessage();
        assertTrue(message.contains("truncated"), message);
    }

    @Test
    void silentlyCorruptedLandmarkIsCaughtByTheChecksum() {
        List<DmpeSurgery.Rec> recs = DmpeSurgery.records(FILE);
        byte[] payload = recs.get(160).payload();
        assertTrue(payload.length > 100, "frame 160 has a pose");
        payload[9 + 1076 - 1] ^= 0x01; // lowest bit of the last value (roi rotation): still a valid frame
        byte[] damaged = DmpeSurgery.assemble(FILE, recs, false);
        String message = readFails(damaged).getMessage();
        assertTrue(message.contains("checksum mismatch"), message);
    }

    @Test
    void everyCorruptedByteIsReported() {
        int checksum = 0;
        int corrupt = 0;
        for (int pos = 0; pos < FILE.length; pos += pos < 64 ? 1 : 37) {
            byte[] damaged = FILE.clone();
            damaged[pos] ^= 0x10;
            try {
                Dmpe.read(new ByteArrayInputStream(damaged));
                fail("flipping bit 4 of byte " + pos + " of " + FILE.length + " went unnoticed");
            } catch (DmpeFormatException e) {
                String m = e.getMessage();
                if (pos >= DmpeSurgery.headBytes(FILE) && m.contains(": checksum mismatch (")) {
                    checksum++;
                } else if (m.contains("corrupt") || m.contains("checksum mismatch") || m.contains("not a dmpe file") || m.contains("format version")
                        || m.contains("truncated") || m.contains("ends before the end record")) {
                    corrupt++;
                } else {
                    fail("byte " + pos + ": unclear message: " + m);
                }
            } catch (IOException | RuntimeException e) {
                fail("byte " + pos + ": expected DmpeFormatException, got " + e, e);
            }
        }
        System.out.printf("[dmpe] single-bit flips: %d caught by a checksum, %d by structure checks%n", checksum, corrupt);
        assertTrue(checksum > corrupt, "most flips in the body decode silently and must be caught by a checksum; "
                + checksum + " were, " + corrupt + " failed otherwise");
    }

    @Test
    void wrongMagicIsRefused(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("landmarks.dmpe");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        DmpeFormatException e = assertThrows(DmpeFormatException.class, () -> Dmpe.read(zip));
        assertEquals(zip + ": not a dmpe file (magic 50 4b 03 04 14 00 00 00, expected 89 44 4d 50 45 0d 0a 1a)",
                e.getMessage());
        assertTrue(readFails(new byte[0]).getMessage().contains("not a dmpe file (it is empty)"));
    }

    @Test
    void newerMajorVersionIsRefusedNamingBothVersions() {
        byte[] v3 = FILE.clone();
        ByteBuffer.wrap(v3).putShort(8, (short) 3);
        assertEquals("landmarks.dmpe: written by format version 3 (3.1), this reader reads version 1"
                + " (up to 1.1 and later minor versions); update anim3d to read it", readFails(v3).getMessage());
    }

    @Test
    void corruptedHeaderIsCaughtByTheHeaderChecksum() {
        byte[] damaged = FILE.clone();
        damaged[16] ^= 0x01; // frame width
        assertTrue(readFails(damaged).getMessage().contains("header checksum mismatch"));
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] longer = Arrays.copyOf(FILE, FILE.length + 1);
        assertTrue(readFails(longer).getMessage().contains("unexpected bytes after the end"));
    }
}
