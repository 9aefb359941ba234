package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoInfo;
import io.anim3d.formats.landmarks.Dmpe;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.TrackFrame;
import io.anim3d.testkit.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real single-person video is tracked end to end through the command line: landmarks for
 * every frame, a person in (nearly) all of them, landmarks inside the frame and moving smoothly,
 * and an overlay video that ffprobe accepts with the input's frame count.
 */
class LandmarksCommandVideosTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"dance_white_1080p.mp4", "runner_pan_1080p.mp4", "basketball_portrait.mp4"})
    void tracksTheVideoEndToEnd(String name) throws Exception {
        Path input = SharedTestData.testdata("videos/single/" + name);
        Path dmpe = dir.resolve("landmarks.dmpe");
        Path overlay = dir.resolve("overlay.mp4");
        CliRun run = CliRun.of("landmarks", input.toString(), "-o", dmpe.toString(), "--overlay", overlay.toString());
        assertEquals(0, run.exitCode(), "anim3d landmarks failed: " + run.err());

        VideoInfo info = VideoDecoder.probe(input);
        LandmarkTrack track = Dmpe.read(dmpe);
        assertEquals(info.frameCount(), track.frames().size(), name + ": one landmark frame per video frame");
        assertEquals(info.width(), track.frameWidth(), name + ": frame width");
        assertEquals(info.height(), track.frameHeight(), name + ": frame height");
        double posed = (double) track.posedFrameCount() / track.frames().size();
        assertTrue(posed >= 0.95, String.format(Locale.ROOT, "%s: a person in only %.0f %% of frames", name, 100 * posed));

        // Hips and shoulders of a fully visible person stay in the frame and do not jump.
        int[] core = {PoseLandmark.LEFT_SHOULDER.ordinal(), PoseLandmark.RIGHT_SHOULDER.ordinal(),
                PoseLandmark.LEFT_HIP.ordinal(), PoseLandmark.RIGHT_HIP.ordinal()};
        TrackFrame previous = null;
        double maxJump = 0;
        for (TrackFrame f : track.frames()) {
            if (!f.hasPose()) {
                previous = null;
                continue;
            }
            for (int i : core) {
                float x = f.pose().x(i), y = f.pose().y(i);
                assertTrue(x > -0.05 && x < 1.05 && y > -0.05 && y < 1.05,
                        String.format(Locale.ROOT, "%s t=%.3f s: %s at (%.2f, %.2f) is outside the frame", name, f.timeSeconds(),
                                PoseLandmark.of(i).label(), x, y));
                if (previous != null && previous.hasPose()) {
                    double dx = (x - previous.pose().x(i)) * track.frameWidth();
                    double dy = (y - previous.pose().y(i)) * track.frameHeight();
                    maxJump = Math.max(maxJump, Math.hypot(dx, dy) / Math.max(track.frameWidth(), track.frameHeight()));
                }
            }
            previous = f;
        }
        System.out.printf(Locale.ROOT, "%s: %d frames, person in %.1f %%, largest core-landmark step %.3f of the frame%n",
                name, track.frames().size(), 100 * posed, maxJump);
        assertTrue(maxJump < 0.1, String.format(Locale.ROOT, "%s: a hip or shoulder jumped %.3f of the frame between frames", name, maxJump));

        Process p = new ProcessBuilder(SharedTestData.tool("ffprobe-inspect").toString(), overlay.toString()).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ffprobe-inspect rejected the overlay: " + json);
        JsonNode summary = new ObjectMapper().readTree(json).path("summary");
        assertEquals("h264", summary.path("video_codec").asText(), json);
        assertEquals("yuv420p", summary.path("pix_fmt").asText(), json);
        assertEquals(info.frameCount(), summary.path("frame_count").asLong(), name + ": overlay frame count");
        assertEquals(info.fps(), summary.path("fps").asDouble(), 0.01, name + ": overlay frame rate");
        assertTrue(new ObjectMapper().readTree(json).path("mp4").path("faststart").asBoolean(), "overlay is not faststart");
        assertTrue(Files.size(overlay) > 10_000, "overlay is suspiciously small");
    }

    @org.junit.jupiter.api.Test
    void sameInputGivesByteIdenticalFiles() throws Exception {
        Path input = SharedTestData.testdata("videos/single/basketball_portrait.mp4");
        for (String n : new String[] {"a", "b"}) {
            CliRun run = CliRun.of("landmarks", input.toString(), "-o", dir.resolve(n + ".dmpe").toString(),
                    "--overlay", dir.resolve(n + ".mp4").toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        assertEquals(-1L, Files.mismatch(dir.resolve("a.dmpe"), dir.resolve("b.dmpe")), "landmarks.dmpe differs between runs");
        assertEquals(-1L, Files.mismatch(dir.resolve("a.mp4"), dir.resolve("b.mp4")), "overlay differs between runs");
    }
}
