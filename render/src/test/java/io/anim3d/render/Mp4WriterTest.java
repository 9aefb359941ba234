package io.anim3d.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mp4WriterTest {
    /**
     * Mean absolute error per byte allowed between a written and a decoded frame, in 8-bit
     * levels. The round trip loses: RGB→limited-range YUV rounding (±1), 4:2:0 chroma at the
     * sharp patch and code-strip edges, and H.264 quantisation at 0.1 bit/pixel. On this smooth
     * pattern these add up to 1.6 to 1.8 levels; 4 leaves margin for other encoder versions,
     * while encoding with the BT.601 matrix but tagging BT.709 already gives 6.8, and a wrong
     * frame, shifted rows or swapped channels give far more.
     */
    private static final double MAX_MEAN_ABS_ERROR = 4.0;
    /** Mean colour of a flat saturated patch may move this many levels per channel (range or matrix mistakes move it more). */
    private static final double MAX_PATCH_ERROR = 6.0;

    @TempDir
    Path dir;

    @Test
    void twoSecondsAt640x360PassFfprobeAndDecodeToTheWrittenFrames() throws Exception {
        Path file = dir.resolve("pattern_640x360.mp4");
        double msPerFrame = writePattern(file, Mp4Options.of(640, 360, 30), 60);
        System.out.printf("Mp4Writer 640x360: %.2f ms/frame (pattern generation excluded)%n", msPerFrame);

        JsonNode report = VideoTools.inspect(file);
        JsonNode summary = report.path("summary");
        assertEquals("h264", summary.path("video_codec").asText());
        assertEquals("yuv420p", summary.path("pix_fmt").asText());
        assertEquals(640, summary.path("width").asInt());
        assertEquals(360, summary.path("height").asInt());
        assertEquals(60, summary.path("frame_count").asInt(), "decoded frame count");
        assertEquals(30.0, summary.path("fps").asDouble(), 1e-9);
        assertEquals(2.0, summary.path("duration").asDouble(), 1e-3, "duration in seconds");
        assertTrue(report.path("mp4").path("faststart").asBoolean(),
                "moov must come before mdat, got boxes " + report.path("mp4").path("top_level_boxes"));
        assertTrue(report.path("warnings").isEmpty(), "ffprobe-inspect warnings: " + report.path("warnings"));

        JsonNode stream = VideoTools.ffprobe(file).path("streams").get(0);
        assertEquals("bt709", stream.path("color_space").asText(), "colour matrix tag");
        assertEquals("tv", stream.path("color_range").asText(), "colour range tag");
        assertRoundTrip(file, 640, 360, 60);
    }

    @Test
    void thirtyFramesAt1080pPassFfprobeAndDecodeToTheWrittenFrames() throws Exception {
        Path file = dir.resolve("pattern_1920x1080.mp4");
        double msPerFrame = writePattern(file, Mp4Options.of(1920, 1080, 30), 30);
        System.out.printf("Mp4Writer 1920x1080: %.2f ms/frame (RGB copy + swscale + OpenH264 + mux)%n", msPerFrame);
        JsonNode summary = VideoTools.inspect(file).path("summary");
        assertEquals("h264", summary.path("video_codec").asText());
        assertEquals("yuv420p", summary.path("pix_fmt").asText());
        assertEquals(30, summary.path("frame_count").asInt(), "decoded frame count");
        assertEquals(1.0, summary.path("duration").asDouble(), 1e-3, "duration in seconds");
        long bits = Files.size(file) * 8;
        System.out.printf("Mp4Writer 1920x1080: %d bytes for 1 s, %.3f bit/pixel/frame (target %.3f)%n",
                Files.size(file), bits / (1920.0 * 1080 * 30), Mp4Options.DEFAULT_BITS_PER_PIXEL);
        assertRoundTrip(file, 1920, 1080, 30);
    }

    @ParameterizedTest(name = "{0} fps is stored as {1}")
    @CsvSource({"30, 30/1, 24", "29.97, 30000/1001, 30", "12, 12/1, 18", "23.976, 24000/1001, 12", "12.5, 25/2, 10"})
    void frameRateIsStoredAsAnExactFraction(double fps, String fraction, int frames) throws Exception {
        Path file = dir.resolve("rate_" + fps + ".mp4");
        writePattern(file, Mp4Options.of(160, 96, fps), frames);
        JsonNode stream = VideoTools.ffprobe(file).path("streams").get(0);
        assertEquals(fraction, stream.path("r_frame_rate").asText(), "r_frame_rate");
        assertEquals(fraction, stream.path("avg_frame_rate").asText(), "avg_frame_rate");
        assertEquals(frames, stream.path("nb_read_frames").asInt(), "decoded frames");
        String[] q = fraction.split("/");
        double expected = frames * Double.parseDouble(q[1]) / Double.parseDouble(q[0]);
        assertEquals(expected, stream.path("duration").asDouble(), 1e-3, "stream duration in seconds");
        JsonNode summary = VideoTools.inspect(file).path("summary");
        assertEquals(frames, summary.path("frame_count").asInt(), "ffprobe-inspect frame count");
    }

    @Test
    void sameFramesGiveByteIdenticalFilesWithoutTimestampsOrVersionTags() throws Exception {
        Path a = dir.resolve("a.mp4");
        Path b = dir.resolve("b.mp4");
        writePattern(a, Mp4Options.of(320, 180, 30), 45);
        writePattern(b, Mp4Options.of(320, 180, 30), 45);
        byte[] first = Files.readAllBytes(a);
        byte[] second = Files.readAllBytes(b);
        assertEquals(first.length, second.length, "file sizes of two identical encodes");
        assertArrayEquals(first, second, "two encodes of the same frames differ");

        JsonNode probe = VideoTools.ffprobe(a);
        JsonNode formatTags = probe.path("format").path("tags");
        JsonNode streamTags = probe.path("streams").get(0).path("tags");
        for (JsonNode tags : List.of(formatTags, streamTags)) {
            assertTrue(tags.path("creation_time").isMissingNode(), "creation_time present: " + tags);
            assertTrue(tags.path("encoder").isMissingNode(), "encoder version tag present: " + tags);
        }
    }

    @Test
    void oddSizeIsPaddedByRepeatingTheLastRowAndColumn() throws Exception {
        Path file = dir.resolve("odd.mp4");
        Mp4Options options = Mp4Options.of(321, 181, 30);
        assertEquals(322, options.encodedWidth());
        assertEquals(182, options.encodedHeight());
        byte[] written = TestPattern.frame(321, 181, 5);
        try (Mp4Writer w = Mp4Writer.open(file, options)) {
            for (int i = 0; i < 3; i++) {
                w.write(written, 321, 181);
            }
        }
        JsonNode summary = VideoTools.inspect(file).path("summary");
        assertEquals(322, summary.path("width").asInt());
        assertEquals(182, summary.path("height").asInt());
        List<Double> errors = new ArrayList<>();
        VideoTools.decodeRgb(file, 322, 182, (decoded, i) -> {
            byte[] cropped = new byte[321 * 181 * 3];
            for (int y = 0; y < 181; y++) {
                System.arraycopy(decoded, y * 322 * 3, cropped, y * 321 * 3, 321 * 3);
            }
            errors.add(TestPattern.meanAbsoluteError(written, cropped));
        });
        assertEquals(3, errors.size());
        for (int i = 0; i < errors.size(); i++) {
            assertTrue(errors.get(i) < MAX_MEAN_ABS_ERROR, "frame " + i + " mean abs error " + errors.get(i));
        }
    }

    @Test
    void badInputGivesClearErrors() throws Exception {
        IOException io = assertThrows(IOException.class,
                () -> Mp4Writer.open(dir.resolve("no/such/dir/x.mp4"), Mp4Options.of(64, 64, 30)));
        assertTrue(io.getMessage().contains("No such file or directory"), io.getMessage());
        assertFalse(Files.exists(dir.resolve("no")));

        IllegalStateException codec = assertThrows(IllegalStateException.class,
                () -> Mp4Writer.open(dir.resolve("x.mp4"), Mp4Options.of(64, 64, 30).withCodec("libx264")));
        assertTrue(codec.getMessage().contains("libx264"), codec.getMessage());

        try (Mp4Writer w = Mp4Writer.open(dir.resolve("y.mp4"), Mp4Options.of(64, 64, 30))) {
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> w.write(new byte[32 * 32 * 3], 32, 32));
            assertTrue(size.getMessage().contains("32x32"), size.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.write(new byte[10], 64, 64));
            w.write(new byte[64 * 64 * 3], 64, 64);
        }
        assertThrows(IllegalArgumentException.class, () -> Mp4Options.of(0, 64, 30));
        assertThrows(IllegalArgumentException.class, () -> Mp4Options.of(64, 64, 0));
        assertThrows(IllegalArgumentException.class, () -> Mp4Options.of(64, 64, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Mp4Options.of(64, 64, 30).withCodec(" "));
        assertThrows(IllegalArgumentException.class, () -> Mp4Options.of(64, 64, 30).withBitsPerPixel(0));
    }

    @Test
    void closedWriterRefusesFramesAndClosesTwiceQuietly() throws Exception {
        Mp4Writer w = Mp4Writer.open(dir.resolve("closed.mp4"), Mp4Options.of(64, 64, 30));
        w.write(new byte[64 * 64 * 3], 64, 64);
        w.close();
        w.close();
        assertThrows(IllegalStateException.class, () -> w.write(new byte[64 * 64 * 3], 64, 64));
        assertEquals(1, VideoTools.inspect(dir.resolve("closed.mp4")).path("summary").path("frame_count").asInt());
    }

    @Test
    void frameRatesBecomeExactFractions() {
        assertEquals(new Rational(30, 1), Rational.ofFrameRate(30));
        assertEquals(new Rational(30000, 1001), Rational.ofFrameRate(29.97));
        assertEquals(new Rational(30000, 1001), Rational.ofFrameRate(30000.0 / 1001));
        assertEquals(new Rational(24000, 1001), Rational.ofFrameRate(23.976));
        assertEquals(new Rational(60000, 1001), Rational.ofFrameRate(59.94));
        assertEquals(new Rational(25, 2), Rational.ofFrameRate(12.5));
        assertEquals(new Rational(15, 1), Rational.ofFrameRate(15));
        assertThrows(IllegalArgumentException.class, () -> Rational.ofFrameRate(-1));
    }

    /** Writes {@code frames} pattern frames; returns the writer's ms per frame (pattern generation excluded). */
    private static double writePattern(Path file, Mp4Options options, int frames) throws IOException {
        long nanos = 0;
        try (Mp4Writer w = Mp4Writer.open(file, options)) {
            for (int i = 0; i < frames; i++) {
                byte[] rgb = TestPattern.frame(options.width(), options.height(), i);
                long t0 = System.nanoTime();
                w.write(rgb, options.width(), options.height());
                nanos += System.nanoTime() - t0;
            }
            long t0 = System.nanoTime();
            w.close();
            nanos += System.nanoTime() - t0;
            assertEquals(frames, w.frameCount());
        }
        return nanos / 1e6 / frames;
    }

    private static void assertRoundTrip(Path file, int width, int height, int frames) throws Exception {
        double[] worst = {0};
        int decoded = VideoTools.decodeRgb(file, width, height, (rgb, i) -> {
            assertEquals(i, TestPattern.decodeIndex(rgb, width), "frame " + i + " carries another frame's code");
            byte[] written = TestPattern.frame(width, height, i);
            double mae = TestPattern.meanAbsoluteError(written, rgb);
            worst[0] = Math.max(worst[0], mae);
            if (mae > MAX_MEAN_ABS_ERROR) {
                fail("frame " + i + ": mean absolute error " + mae + " levels > " + MAX_MEAN_ABS_ERROR);
            }
            int size = TestPattern.patchSize(height);
            for (int p = 0; p < TestPattern.PATCH_COLOURS.length; p++) {
                double[] mean = TestPattern.meanColour(rgb, width, TestPattern.patchX(width, p) + size / 4,
                        TestPattern.patchY(height) + size / 4, size / 2, size / 2);
                int colour = TestPattern.PATCH_COLOURS[p];
                for (int c = 0; c < 3; c++) {
                    int expected = (colour >> (16 - 8 * c)) & 0xff;
                    if (Math.abs(mean[c] - expected) > MAX_PATCH_ERROR) {
                        fail("frame " + i + " patch " + p + " channel " + "RGB".charAt(c) + ": decoded mean "
                                + mean[c] + ", written " + expected);
                    }
                }
            }
        });
        assertEquals(frames, decoded, "frames decoded by ffmpeg");
        System.out.printf("Mp4Writer %dx%d round trip: worst frame mean abs error %.2f levels%n", width, height,
                worst[0]);
    }
}
