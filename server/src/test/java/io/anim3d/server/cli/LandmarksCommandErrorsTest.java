package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets one clear line with the API's error code, exit code 1, no stack trace, and no
 * partial output: neither the landmarks nor the overlay file exists afterwards.
 */
class LandmarksCommandErrorsTest {
    private static final String VIDEO = "videos/single/basketball_portrait.mp4";

    @TempDir
    Path dir;

    private void assertRejected(CliRun run, int code, String phrase) {
        assertEquals(Main.EXIT_INPUT, run.exitCode(), "exit code; stderr: " + run.err());
        assertTrue(run.err().contains("error " + code + ":"), "expected error " + code + " in: " + run.err());
        assertTrue(run.err().toLowerCase().contains(phrase.toLowerCase()), "expected '" + phrase + "' in: " + run.err());
        assertFalse(run.err().contains("\tat "), "stack trace printed: " + run.err());
        assertFalse(Files.exists(dir.resolve("out.dmpe")), "partial landmarks left behind");
        assertFalse(Files.exists(dir.resolve("overlay.mp4")), "partial overlay left behind");
        try (var files = Files.list(dir)) {
            List<String> left = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.contains("partial") || n.contains("tmp")).forEach(left::add);
            assertTrue(left.isEmpty(), "temporary files left behind: " + left);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private CliRun landmarks(Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of("landmarks", input.toString(), "-o", dir.resolve("out.dmpe").toString(),
                "--overlay", dir.resolve("overlay.mp4").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertRejected(landmarks(empty), 202, "empty");
    }

    @Test
    void textFileNamedMp4() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "these are meeting notes, not a video\n".repeat(50));
        assertRejected(landmarks(text), 202, "notes.mp4");
    }

    @Test
    void truncatedMp4() throws IOException {
        byte[] whole = Files.readAllBytes(SharedTestData.testdata(VIDEO));
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(whole, whole.length / 3));
        assertRejected(landmarks(cut), 202, "cut.mp4");
    }

    @Test
    void imageOfZeroPixels() throws IOException {
        Path png = Files.write(dir.resolve("zero.png"), zeroPixelPng());
        assertRejected(landmarks(png), 202, "zero.png");
    }

    @Test
    void videoWithNoPerson() throws Exception {
        Path ffmpeg = SharedTestData.tool("ffmpeg");
        Path noPerson = dir.resolve("pattern.mp4");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:duration=1",
                "-pix_fmt", "yuv420p", noPerson.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ffmpeg failed: " + log);
        assertRejected(landmarks(noPerson), 513, "no person");
    }

    @Test
    void trimOutsideTheVideo() {
        assertRejected(landmarks(SharedTestData.testdata(VIDEO), "--trim", "100,101"), 503, "trim");
    }

    @Test
    void cropWithLeftNotBeforeRight() {
        assertRejected(landmarks(SharedTestData.testdata(VIDEO), "--crop", "0.8,0,0.2,1"), 503, "crop");
    }

    @Test
    void speedOutOfRange() {
        assertRejected(landmarks(SharedTestData.testdata(VIDEO), "--speed", "0"), 503, "speed");
        assertRejected(landmarks(SharedTestData.testdata(VIDEO), "--speed", "9"), 503, "speed");
    }

    @Test
    void unknownModel() {
        assertRejected(landmarks(SharedTestData.testdata(VIDEO), "--model", "huge"), 503, "lite, full or heavy");
    }

    /** A PNG whose header says 0 × 0 pixels (valid signature and CRCs, so only the size is wrong). */
    private static byte[] zeroPixelPng() {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(0)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        b.putInt(13).put(ihdr).putInt(crc(ihdr));
        byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
        b.putInt(0).put(iend).putInt(crc(iend));
        return b.array();
    }

    private static int crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return (int) c.getValue();
    }
}
