package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.render.AudioClip;
import io.anim3d.render.video.AnimationVideo.Options;
import io.anim3d.render.video.SideBySideLayout.Rect;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Side-by-side and character-only videos of the real test clips, checked with ffprobe and by decoding them. */
class AnimationVideoTest {
    /** Grid mean-colour difference allowed between the left half and the original picture, 8-bit levels. */
    private static final double MAX_LEFT_DIFFERENCE = 4.0;

    @TempDir
    Path dir;

    /** basketball_portrait.mp4: 1080x1920 at 12 fps, 40 frames, no audio track. */
    @Test
    void portraitClipShowsTheOriginalLeftAndTheCharacterRight() throws Exception {
        Path input = SharedTestData.testdata("videos/single/basketball_portrait.mp4");
        SideBySideLayout layout = SideBySideLayout.of(1080, 1920, true);
        TestCharacter character = new TestCharacter(40);
        Path out = dir.resolve("portrait.mp4");
        AnimationVideo.Result result;
        try (Media.FrameStream originals = Media.frames(input, 1080, 1920, 12, 0)) {
            // Audio is asked for, but the clip has none: the video has none either, without a warning.
            result = AnimationVideo.write(out, Options.of(layout, 40, 12).withAudio(new AudioClip(input, 0)), originals,
                    character);
        }
        assertEquals(40, character.calls(), "character frames drawn");
        assertFalse(result.hasAudio(), "audio track of a clip without audio");
        assertTrue(result.audioSummary().contains("no audio track"), result.audioSummary());
        assertTrue(result.warnings().isEmpty(), "warnings: " + result.warnings());

        JsonNode report = Media.inspect(out);
        JsonNode summary = report.path("summary");
        assertEquals("h264", summary.path("video_codec").asText());
        assertEquals("yuv420p", summary.path("pix_fmt").asText());
        assertEquals(1216, summary.path("width").asInt(), "two 608-pixel halves");
        assertEquals(1080, summary.path("height").asInt());
        assertEquals(12.0, summary.path("fps").asDouble(), 1e-6);
        assertEquals(40, summary.path("frame_count").asInt(), "decoded frames = the input's");
        assertEquals(40 / 12.0, summary.path("duration").asDouble(), 0.002, "duration");
        assertFalse(summary.path("has_audio").asBoolean(), "audio stream present");
        assertTrue(report.path("mp4").path("faststart").asBoolean(), "moov before mdat: " + report.path("mp4"));

        assertHalves(out, layout, input, 1080, 1920, 12, 0, 40, character);
    }

    /**
     * dance_white_1080p.mp4 (1920x1080, 30000/1001 fps, AAC) trimmed to start at its frame 30
     * (1.001 s): 60 frames side by side, 3840x1080, the AAC audio copied from the same moment.
     */
    @Test
    void trimmedLandscapeClipKeepsItsRateFrameCountAndAudio() throws Exception {
        Path input = SharedTestData.testdata("videos/single/dance_white_1080p.mp4");
        double fps = 30000.0 / 1001;
        double firstFrameSeconds = 30 / fps;
        int frames = 60;
        SideBySideLayout layout = SideBySideLayout.of(1920, 1080, true);
        TestCharacter character = new TestCharacter(frames);
        Path out = dir.resolve("dance.mp4");
        AnimationVideo.Result result;
        long start = System.nanoTime();
        try (Media.FrameStream originals = Media.frames(input, 1920, 1080, fps, 1.0)) {
            result = AnimationVideo.write(out, Options.of(layout, frames, fps)
                    .withAudio(new AudioClip(input, firstFrameSeconds)), originals, character);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("AnimationVideo 3840x1080 sbs + AAC copy: %d frames in %.2f s = %.1f fps (ffmpeg CLI decoding"
                + " the originals in parallel, test character)%n", frames, seconds, frames / seconds);
        assertTrue(result.hasAudio(), "audio asked for and present in the input: " + result.audioSummary());
        assertEquals("aac copied", result.audioSummary());

        JsonNode report = Media.inspect(out);
        JsonNode summary = report.path("summary");
        assertEquals("h264", summary.path("video_codec").asText());
        assertEquals("yuv420p", summary.path("pix_fmt").asText());
        assertEquals(3840, summary.path("width").asInt());
        assertEquals(1080, summary.path("height").asInt());
        assertEquals(frames, summary.path("frame_count").asInt(), "decoded frames");
        assertEquals(fps, summary.path("fps").asDouble(), 1e-4);
        assertTrue(summary.path("has_audio").asBoolean(), "audio stream missing");
        assertEquals("aac", summary.path("audio_codec").asText());
        assertTrue(report.path("mp4").path("faststart").asBoolean(), "moov before mdat: " + report.path("mp4"));
        JsonNode probe = Media.ffprobe(out);
        JsonNode video = Media.stream(probe, "video");
        assertEquals("30000/1001", video.path("avg_frame_rate").asText());
        assertEquals(frames / fps, video.path("duration").asDouble(), 1e-3, "video duration");
        double audioSeconds = Media.stream(probe, "audio").path("duration").asDouble();
        assertEquals(frames / fps, audioSeconds, 0.03, "audio lasts as long as the video (to one AAC frame)");

        assertAudioIsTheSourcesFrom(input, firstFrameSeconds, out);
        assertHalves(out, layout, input, 1920, 1080, fps, 1.0, frames, character);
    }

    /** videoSpeedMultiplier 2 on a clip with audio: 59.94 fps (the motion's rate), no audio, a warning; character alone. */
    @Test
    void speedMultiplierGivesTheMotionsRateNoAudioAndAWarning() throws Exception {
        Path input = SharedTestData.testdata("videos/single/dance_white_1080p.mp4");
        double motionFps = 2 * 30000.0 / 1001;
        int frames = 60;
        SideBySideLayout layout = SideBySideLayout.of(1920, 1080, false);
        TestCharacter character = new TestCharacter(frames);
        Path out = dir.resolve("fast.mp4");
        AnimationVideo.Result result = AnimationVideo.write(out, Options.of(layout, frames, motionFps)
                .withSpeedMultiplier(2).withAudio(new AudioClip(input, 0)), null, character);
        assertFalse(result.hasAudio(), "audio at speed 2");
        assertEquals("none: the video plays at the motion's speed", result.audioSummary());
        assertEquals(List.of("the rendered video plays at the motion's speed, 2× the original's (videoSpeedMultiplier 2),"
                + " and has no audio"), result.warnings());

        JsonNode summary = Media.inspect(out).path("summary");
        assertFalse(summary.path("has_audio").asBoolean(), "audio stream present at speed 2");
        assertEquals(1920, summary.path("width").asInt(), "character alone: one half");
        assertEquals(frames, summary.path("frame_count").asInt());
        JsonNode video = Media.stream(Media.ffprobe(out), "video");
        assertEquals("60000/1001", video.path("avg_frame_rate").asText(), "the motion's frame rate");
        assertEquals(frames / motionFps, video.path("duration").asDouble(), 1e-3, "duration at motion speed");
        try (Media.FrameStream decoded = Media.frames(out, 1920, 1080, motionFps, 0)) {
            for (int i = 0; i < frames; i++) {
                byte[] rgb = decoded.nextRgb();
                assertNotNull(rgb, "output frame " + i + " missing");
                Pictures.assertCharacter(rgb, 1920, layout.character(), i, character, "frame " + i);
            }
            assertNull(decoded.nextRgb(), "more frames than written");
        }
    }

    /**
     * Decodes the output and the input again and checks every frame: the left half's grid of mean
     * colours matches the original picture it should show (and the right picture better than one
     * 5 frames away), and the right half shows the test character's frame.
     */
    static void assertHalves(Path out, SideBySideLayout layout, Path input, int inWidth, int inHeight, double fps,
                             double fromSeconds, int frames, TestCharacter character) throws Exception {
        Rect left = layout.original();
        Rect whole = new Rect(0, 0, inWidth, inHeight);
        List<double[]> originals = new ArrayList<>();
        try (Media.FrameStream in = Media.frames(input, inWidth, inHeight, fps, fromSeconds)) {
            for (int i = 0; i < frames; i++) {
                byte[] rgb = in.nextRgb();
                assertNotNull(rgb, "input frame " + i + " missing");
                originals.add(Pictures.grid(rgb, inWidth, whole));
            }
        }
        double matched = 0;
        double shifted = 0;
        try (Media.FrameStream decoded = Media.frames(out, layout.width(), layout.height(), fps, 0)) {
            for (int i = 0; i < frames; i++) {
                byte[] rgb = decoded.nextRgb();
                assertNotNull(rgb, "output frame " + i + " missing");
                double[] shown = Pictures.grid(rgb, layout.width(), left);
                double d = Pictures.difference(shown, originals.get(i));
                assertTrue(d < MAX_LEFT_DIFFERENCE, "frame " + i + ": left half differs from original frame " + i + " by "
                        + d + " levels (grid means)");
                matched += d;
                shifted += Pictures.difference(shown, originals.get((i + 5) % frames));
                Pictures.assertCharacter(rgb, layout.width(), layout.character(), i, character, "frame " + i);
            }
            assertNull(decoded.nextRgb(), "more frames than written");
        }
        System.out.printf("left half vs original: mean grid difference %.2f levels (vs %.2f for frames 5 apart)%n",
                matched / frames, shifted / frames);
        assertTrue(matched < shifted, "left halves match frames 5 apart (" + shifted / frames + ") as well as their own ("
                + matched / frames + "): frames are out of step");
    }

    /**
     * The output's audio is the input's from {@code fromSeconds}: the lag with the best
     * correlation over the first 1.5 s, searched within ±20 ms, is within 1 ms of zero.
     */
    static void assertAudioIsTheSourcesFrom(Path input, double fromSeconds, Path out) throws Exception {
        float[] source = Media.audioSamples(input);
        float[] written = Media.audioSamples(out);
        int offset = (int) Math.round(fromSeconds * 48000);
        int length = 72000;
        int maxLag = 960;
        int bestLag = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double sum = 0;
            for (int i = 0; i < length; i++) {
                sum += written[i] * source[offset + lag + i];
            }
            if (sum > best) {
                best = sum;
                bestLag = lag;
            }
        }
        assertTrue(best > 0, "the output's audio does not correlate with the input's at all");
        assertTrue(Math.abs(bestLag) <= 48, "output audio is " + bestLag / 48.0 + " ms off the input's at " + fromSeconds
                + " s");
    }
}
