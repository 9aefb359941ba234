package io.anim3d.capture.video;

import static io.anim3d.capture.video.TestMedia.args;
import static io.anim3d.capture.video.TestMedia.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.testkit.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every container, codec and still-image format the API accepts, plus rotation and variable
 * frame rate, each made with the ffmpeg tool and compared with the ffmpeg tool's own decode.
 */
class VideoDecoderFormatsTest {
    /** Mean |difference| per RGB byte allowed against ffmpeg 5.1's decode (swscale versions round differently). */
    private static final double MAX_MEAN_DIFF = 3.0;

    @TempDir
    Path dir;

    static Stream<Arguments> codecs() {
        return Stream.of(
                Arguments.of("libx264", "mp4", "h264", new String[] {"-pix_fmt", "yuv420p"}),
                Arguments.of("libx264", "mov", "h264", new String[] {"-pix_fmt", "yuv420p"}),
                Arguments.of("libx264", "m4v", "h264", new String[] {"-pix_fmt", "yuv420p", "-f", "mp4"}),
                Arguments.of("libx264", "mkv", "h264", new String[] {"-pix_fmt", "yuv420p"}),
                Arguments.of("libx264", "avi", "h264", new String[] {"-pix_fmt", "yuv420p", "-bf", "0"}),
                Arguments.of("libx265", "mp4", "hevc", new String[] {"-pix_fmt", "yuv420p", "-x265-params",
                        "log-level=error"}),
                Arguments.of("libx265", "mkv", "hevc", new String[] {"-pix_fmt", "yuv420p10le", "-x265-params",
                        "log-level=error"}),
                Arguments.of("libvpx", "webm", "vp8", new String[] {"-b:v", "1M"}),
                Arguments.of("libvpx-vp9", "webm", "vp9", new String[] {"-b:v", "1M", "-deadline", "realtime",
                        "-cpu-used", "8"}),
                Arguments.of("libvpx-vp9", "mp4", "vp9", new String[] {"-pix_fmt", "yuv420p10le", "-b:v", "1M",
                        "-deadline", "realtime", "-cpu-used", "8"}),
                Arguments.of("libaom-av1", "mp4", "av1", new String[] {"-cpu-used", "8", "-b:v", "500k"}),
                Arguments.of("libaom-av1", "webm", "av1", new String[] {"-cpu-used", "8", "-b:v", "500k"}),
                Arguments.of("mpeg4", "avi", "mpeg4", new String[] {"-q:v", "3"}),
                Arguments.of("mpeg4", "m4v", "mpeg4", new String[] {"-q:v", "3", "-f", "mp4"}),
                Arguments.of("mjpeg", "avi", "mjpeg", new String[] {"-q:v", "3", "-pix_fmt", "yuvj420p"}),
                Arguments.of("mjpeg", "mov", "mjpeg", new String[] {"-q:v", "3", "-pix_fmt", "yuvj420p"}));
    }

    @ParameterizedTest(name = "{0} in .{1}")
    @MethodSource("codecs")
    void decodesCodecInContainer(String encoder, String ext, String codec, String[] encoderArgs) {
        TestMedia.assumeEncoder(encoder);
        Path file = TestMedia.make(dir.resolve(encoder + "." + ext),
                args(pattern(1, 10), new String[] {"-c:v", encoder}, encoderArgs));
        VideoInfo info = VideoDecoder.probe(file);
        String what = encoder + " in ." + ext;
        assertEquals(codec, info.codec(), what);
        assertEquals(320, info.width(), what);
        assertEquals(240, info.height(), what);
        assertEquals(10.0, info.fps(), 0.01, what + " fps");
        assertEquals(10, info.frameCount(), what + " frameCount");
        assertEquals(1.0, info.durationSeconds(), 0.05, what + " duration");
        assertFalse(info.hasAudio(), what);
        assertFalse(info.still(), what);

        List<Frame> frames = decodeAll(file, VideoOptions.DEFAULT);
        assertEquals(10, frames.size(), what + ": frames decoded");
        for (Frame f : frames) {
            assertEquals(f.index() / 10.0, f.sourceTimeSeconds(), 0.002, what + ": source time of frame " + f.index());
        }
        for (int i : new int[] {0, 7}) {
            double diff = TestMedia.meanAbsDiff(TestMedia.referenceRgb(file, i, 320, 240), frames.get(i).rgb());
            assertTrue(diff < MAX_MEAN_DIFF, what + ": frame " + i + " differs from ffmpeg's decode by " + diff
                    + " per byte");
        }
    }

    @ParameterizedTest(name = ".{0}")
    @ValueSource(strings = {"png", "jpg", "jpeg", "webp", "bmp"})
    void decodesStillImage(String ext) {
        if (ext.equals("webp")) {
            TestMedia.assumeEncoder("libwebp");
        }
        Path file = TestMedia.make(dir.resolve("still." + ext), args(pattern(1, 10), new String[] {"-frames:v",
                "1", "-update", "1"}));
        VideoInfo info = VideoDecoder.probe(file);
        assertTrue(info.still(), ext + " is a still image: " + info);
        assertEquals(1, info.frameCount(), ext);
        assertEquals(320, info.width(), ext);
        assertEquals(240, info.height(), ext);
        List<Frame> frames = decodeAll(file, VideoOptions.DEFAULT);
        assertEquals(1, frames.size(), ext + " gives exactly one frame");
        assertEquals(0.0, frames.get(0).timeSeconds(), ext);
        double diff = TestMedia.meanAbsDiff(TestMedia.referenceRgb(file, 0, 320, 240), frames.get(0).rgb());
        assertTrue(diff < MAX_MEAN_DIFF, ext + " differs from ffmpeg's decode by " + diff + " per byte");
        // A crop works on a still; a trim does not (tested in VideoDecoderErrorsTest).
        List<Frame> cropped = decodeAll(file, new VideoOptions(null, new Crop(0.5, 0, 1, 0.5), 1.0));
        assertEquals(160, cropped.get(0).width());
        assertEquals(120, cropped.get(0).height());
    }

    /**
     * Rotation metadata: the stored 320x240 picture has a red bar at its top and a green bar at
     * its left; the output must equal the ffmpeg tool's autorotated decode, and the crop applies
     * to the upright picture.
     */
    @ParameterizedTest(name = "rotate={0}")
    @ValueSource(ints = {90, 180, 270})
    void turnsRotatedVideoUpright(int rotateTag) {
        TestMedia.assumeEncoder("libx264");
        Path src = TestMedia.make(dir.resolve("src.mp4"), "-f", "lavfi", "-i",
                "color=c=blue:s=320x240:d=1:r=10,drawbox=x=0:y=0:w=320:h=40:color=red:t=fill,"
                        + "drawbox=x=0:y=40:w=40:h=200:color=lime:t=fill", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        Path file = TestMedia.make(dir.resolve("rotated" + rotateTag + ".mp4"), "-i", src.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=" + rotateTag);
        int ccw = ffprobeRotation(file);
        int expectedClockwise = Math.floorMod(-ccw, 360);
        VideoInfo info = VideoDecoder.probe(file);
        assertEquals(expectedClockwise, info.rotationDegrees(), "ffprobe says the matrix turns " + ccw + " ccw");
        boolean sideways = expectedClockwise % 180 != 0;
        int w = sideways ? 240 : 320;
        int h = sideways ? 320 : 240;
        assertEquals(w, info.width(), "displayed width");
        assertEquals(h, info.height(), "displayed height");

        byte[] reference = TestMedia.referenceRgb(file, 0, w, h);
        Frame upright = decodeAll(file, VideoOptions.DEFAULT).get(0);
        assertEquals(w, upright.width());
        assertEquals(h, upright.height());
        double diff = TestMedia.meanAbsDiff(reference, upright.rgb());
        assertTrue(diff < MAX_MEAN_DIFF, "rotate=" + rotateTag + ": upright frame differs from ffmpeg's autorotated"
                + " decode by " + diff + " per byte (wrong direction?)");

        // Crop the upright picture's left half.
        Frame left = decodeAll(file, new VideoOptions(null, new Crop(0, 0, 0.5, 1), 1.0)).get(0);
        assertEquals(w / 2, left.width());
        assertEquals(h, left.height());
        byte[] refLeft = new byte[w / 2 * h * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(reference, y * w * 3, refLeft, y * (w / 2) * 3, w / 2 * 3);
        }
        double cropDiff = TestMedia.meanAbsDiff(refLeft, left.rgb());
        assertTrue(cropDiff < MAX_MEAN_DIFF, "rotate=" + rotateTag + ": crop of the upright picture differs by "
                + cropDiff + " (crop applied before rotation?)");
    }

    /** Where the red bar (the stored picture's top) ends up, checked without ffmpeg's help. */
    @Test
    void storedTopGoesWhereTheDisplayMatrixSays() {
        TestMedia.assumeEncoder("libx264");
        Path src = TestMedia.make(dir.resolve("src.mp4"), "-f", "lavfi", "-i",
                "color=c=blue:s=320x240:d=1:r=10,drawbox=x=0:y=0:w=320:h=40:color=red:t=fill", "-c:v", "libx264",
                "-pix_fmt", "yuv420p");
        Path file = TestMedia.make(dir.resolve("rotated.mp4"), "-i", src.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90");
        int clockwise = VideoDecoder.probe(file).rotationDegrees();
        Frame f = decodeAll(file, VideoOptions.DEFAULT).get(0);
        assertEquals(240, f.width());
        // Clockwise 90 puts the stored top on the right; 270 (counter-clockwise 90) on the left.
        int redX0 = clockwise == 90 ? 240 - 30 : 0;
        double[] strip = TestMedia.meanColour(f.rgb(), 240, redX0, 0, redX0 + 30, 320);
        assertTrue(clockwise == 90 || clockwise == 270, "rotate=90 gives a quarter turn, got " + clockwise);
        assertTrue(strip[0] > 200 && strip[2] < 60, "rotation " + clockwise + ": expected the red bar at x "
                + redX0 + ".." + (redX0 + 30) + ", mean colour there is " + java.util.Arrays.toString(strip));
    }

    /** Parts at 10 and 30 fps: every frame keeps the presentation time ffprobe reports. */
    @Test
    void keepsVariableFrameRateTimestamps() {
        TestMedia.assumeEncoder("libx264");
        Path file = TestMedia.make(dir.resolve("vfr.mp4"), "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:d=1",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30:d=1", "-filter_complex",
                "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]", "-vsync", "vfr", "-c:v", "libx264", "-pix_fmt",
                "yuv420p", "-video_track_timescale", "90000");
        double[] expected = ffprobeFrameTimes(file);
        assertEquals(40, expected.length, "ffprobe frames of the VFR file");
        List<Frame> frames = decodeAll(file, new VideoOptions(null, null, 2.0));
        assertEquals(expected.length, frames.size(), "decoded frames");
        for (int i = 0; i < expected.length; i++) {
            Frame f = frames.get(i);
            assertEquals(expected[i] - expected[0], f.sourceTimeSeconds(), 1e-4, "source time of frame " + i);
            assertEquals(f.sourceTimeSeconds() / 2, f.timeSeconds(), 1e-9, "motion time at speed 2, frame " + i);
        }
        assertEquals(0.1, frames.get(1).sourceTimeSeconds(), 1e-3, "10 fps part");
        assertEquals(1.0 / 30, frames.get(39).sourceTimeSeconds() - frames.get(38).sourceTimeSeconds(), 1e-3,
                "30 fps part");
        VideoInfo info = VideoDecoder.probe(file);
        assertEquals(40, info.frameCount());
        // FFmpeg's average rate of 40 frames over about 2 s (its duration estimate varies by a frame or two).
        assertTrue(info.fps() > 18.5 && info.fps() < 21.5, "average frame rate of 40 frames in ~2 s: " + info.fps());
    }

    @Test
    void trimsGeneratedVideoExactly() {
        TestMedia.assumeEncoder("libx264");
        Path file = TestMedia.make(dir.resolve("trim.mp4"), args(pattern(3, 10), new String[] {"-c:v", "libx264",
                "-g", "30", "-pix_fmt", "yuv420p"}));
        // Frames at 0.0, 0.1, ...; [1.25, 2.0] holds 1.3 .. 2.0: 8 frames; seeking lands on the keyframe at 0.0.
        try (VideoDecoder d = VideoDecoder.open(file, new VideoOptions(new Trim(1.25, 2.0), null, 4.0))) {
            assertFalse(d.seekFailed(), "an MP4 with an index can seek");
        }
        List<Frame> frames = decodeAll(file, new VideoOptions(new Trim(1.25, 2.0), null, 4.0));
        assertEquals(8, frames.size(), "frames in [1.25, 2.0] s");
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            assertEquals(i, f.index());
            assertEquals(1.3 + i * 0.1, f.sourceTimeSeconds(), 1e-3, "source time of trimmed frame " + i);
            assertEquals((f.sourceTimeSeconds() - 1.25) / 4.0, f.timeSeconds(), 1e-9, "motion time of frame " + i);
        }
        // The trimmed frames are the same pictures as the untrimmed ones.
        List<Frame> all = decodeAll(file, VideoOptions.DEFAULT);
        assertEquals(30, all.size());
        assertTrue(java.util.Arrays.equals(all.get(13).rgb(), frames.get(0).rgb()), "trimmed frame 0 is frame 13");
        // A trim beyond the end gives the frames up to the end.
        assertEquals(5, decodeAll(file, new VideoOptions(new Trim(2.5, 60), null, 1.0)).size(), "2.5 .. 2.9 s");
    }

    static List<Frame> decodeAll(Path file, VideoOptions options) {
        List<Frame> frames = new ArrayList<>();
        try (VideoDecoder d = VideoDecoder.open(file, options)) {
            for (Frame f = d.next(); f != null; f = d.next()) {
                assertEquals(d.outputWidth(), f.width());
                assertEquals(d.outputHeight(), f.height());
                frames.add(f);
            }
            assertNull(d.next(), "next() after the end stays null");
        }
        return frames;
    }

    /** ffprobe's display-matrix rotation (counter-clockwise degrees), 0 when absent. */
    private static int ffprobeRotation(Path file) {
        String out = new String(TestMedia.run(List.of(SharedTestData.tool("ffprobe").toString(), "-v", "error",
                "-select_streams", "v:0", "-show_entries", "stream_side_data=rotation", "-of", "csv=p=0",
                file.toString())), StandardCharsets.UTF_8).strip();
        assertNotNull(out);
        return out.isEmpty() ? 0 : (int) Math.round(Double.parseDouble(out.split("[,\\s]")[0]));
    }

    /** ffprobe's best-effort presentation time of every video frame, seconds. */
    private static double[] ffprobeFrameTimes(Path file) {
        String out = new String(TestMedia.run(List.of(SharedTestData.tool("ffprobe").toString(), "-v", "error",
                "-select_streams", "v:0", "-show_entries", "frame=best_effort_timestamp_time", "-of", "csv=p=0",
                file.toString())), StandardCharsets.UTF_8);
        return out.lines().map(l -> l.split(",")[0].strip()).filter(l -> !l.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
    }
}
