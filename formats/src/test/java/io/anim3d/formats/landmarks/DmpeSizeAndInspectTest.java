package io.anim3d.formats.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.LandmarkTrack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmpeSizeAndInspectTest {
    /** 300 posed frames stored as plain float32: 269 values, 8-byte time, 1 flag byte, 5-byte record head each. */
    private static final int RAW_300 = 300 * (269 * 4 + 8 + 1 + 5);

    @Test
    void threeHundredFramesOfRealisticDataCompressLosslessly() throws IOException {
        LandmarkTrack track = SyntheticTracks.regular(300, 41);
        byte[] bytes = Dmpe.toBytes(track);
        System.out.printf("[dmpe] 300 posed frames: %,d bytes (%.1f %% of %,d raw float32 bytes, %.0f bytes/frame)%n",
                bytes.length, 100.0 * bytes.length / RAW_300, RAW_300, bytes.length / 300.0);
        // Quantised storage would be ~4x smaller; lossless float32 with jitter in the low mantissa
        // bits cannot go far below ~60 %. The bound guards against losing the delta/shuffle stage.
        assertTrue(bytes.length < 0.82 * RAW_300, "300 frames took " + bytes.length + " bytes, more than 82 % of "
                + RAW_300 + " raw: the delta + byte-plane coding is not working");
        LandmarkTrack still = SyntheticTracks.regular(1, 41);
        LandmarkTrack frozen = new LandmarkTrack(1920, 1080, 30, "full", java.util.stream.IntStream.range(0, 300)
                .mapToObj(k -> new io.anim3d.motion.TrackFrame(k / 30.0, still.frames().get(0).pose())).toList());
        int frozenBytes = Dmpe.toBytes(frozen).length;
        System.out.printf("[dmpe] 300 identical frames (a person standing perfectly still): %,d bytes%n", frozenBytes);
        assertTrue(frozenBytes < 8_000, "identical frames must XOR to zeros and nearly vanish, got " + frozenBytes);
    }

    @Test
    void pythonZlibDecompressesTheBodyAndConfirmsTheChecksum(@TempDir Path dir) throws Exception {
        LandmarkTrack track = SyntheticTracks.irregular(300, 42);
        Path file = dir.resolve("landmarks.dmpe");
        Dmpe.write(track, file);
        int head = DmpeSurgery.headBytes(Files.readAllBytes(file));
        // An independent implementation (CPython's zlib and binascii) checks the compression and both CRCs.
        String script = String.join("\n",
                "import sys, zlib, struct, binascii",
                "data = open(sys.argv[1], 'rb').read()",
                "n = struct.unpack('>I', data[12:16])[0]",
                "assert data[:8] == b'\\x89DMPE\\r\\n\\x1a', data[:8]",
                "assert struct.unpack('>I', data[16+n:20+n])[0] == binascii.crc32(data[:16+n]), 'header crc'",
                "d = zlib.decompressobj()",
                "body = d.decompress(data[20+n:])",
                "assert d.eof and d.unused_data == b'', 'stream end'",
                "pos, frames = 0, 0",
                "while body[pos] != 0xFF:",
                "    t, ln = body[pos], struct.unpack('>I', body[pos+1:pos+5])[0]",
                "    frames += t == 1",
                "    pos += 5 + ln",
                "count, crc = struct.unpack('>II', body[pos+5:pos+13])",
                "assert pos + 13 == len(body)",
                "print(frames, count, crc == binascii.crc32(body[:pos+9]), len(body))");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), out);
        String[] fields = out.split(" ");
        assertEquals(Arrays.asList("300", "300", "True"), Arrays.asList(fields).subList(0, 3), out);
    }

    @Test
    void describeSummarisesTheFile(@TempDir Path dir) throws IOException {
        LandmarkTrack track = SyntheticTracks.irregular(300, 43);
        Path file = dir.resolve("landmarks.dmpe");
        Dmpe.write(track, Map.of("tracker", "blazepose"), file);
        String text = Dmpe.describe(file);
        System.out.println(text.lines().limit(12).reduce("", (a, b) -> a + b + "\n"));
        long size = Files.size(file);
        assertTrue(text.startsWith("landmarks.dmpe: landmarks.dmpe format 1.1, " + String.format(java.util.Locale.ROOT, "%,d", size)
                + " bytes"), text);
        assertTrue(text.contains("frame 720x1280 px, 29.970 fps, model heavy"), text);
        assertTrue(text.contains("metadata tracker = blazepose"), text);
        assertTrue(text.contains("frames 300 (" + track.posedFrameCount() + " with a pose, "
                + (300 - track.posedFrameCount()) + " without)"), text);
        double first = track.frames().get(0).timeSeconds();
        double last = track.frames().get(299).timeSeconds();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "duration %.3f s", last - first)), text);
        assertTrue(text.contains("checksum OK"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, " 0 nose              %9.5f",
                track.frames().get(0).pose().x(0))), text);
        assertTrue(text.contains("32 right_foot_index"), text);

        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) size / 2));
        String damaged = Dmpe.describe(file);
        assertTrue(damaged.contains("DAMAGED: ") && damaged.contains("truncated after frame"), damaged);
    }
}
