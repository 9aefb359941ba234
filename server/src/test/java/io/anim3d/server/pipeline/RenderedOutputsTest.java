package io.anim3d.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.capture.video.Frame;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoOptions;
import io.anim3d.capture.vision.PoseModel;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.TrackFrame;
import io.anim3d.server.params.Features;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.params.ProcessParamsParser;
import io.anim3d.testkit.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered MP4 and stills of real jobs, checked with ffprobe and on their pixels: stream
 * properties equal to the input's, audio exactly when asked and available, bgColor in the top
 * corners, the character centred in cinematic mode and following the dancer sideways in fixed
 * mode, the shadow darkening the ground, the halves where they belong.
 */
class RenderedOutputsTest {
    static final Path DANCE = SharedTestData.testdata("videos/single/dance_white_1080p.mp4");
    static final Path BASKETBALL = SharedTestData.testdata("videos/single/basketball_portrait.mp4");
    private static final ObjectMapper JSON = new ObjectMapper();
    static PoseModels models;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        models = PoseModels.load(PoseModel.FULL);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    ProcessPipeline.Outputs run(Path input, String out, String... params) throws Exception {
        ProcessParams p = ProcessParamsParser.parse(List.of(params), Features.CURRENT);
        return ProcessPipeline.run(models, input, p, 1, dir.resolve(out), (f, pose, total) -> { });
    }

    static JsonNode probe(Path file) throws Exception {
        Process p = new ProcessBuilder(SharedTestData.tool("ffprobe-inspect").toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ffprobe-inspect rejected " + file + ": " + out);
        return JSON.readTree(out);
    }

    static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (s.path("type").asText().equals(type)) {
                return s;
            }
        }
        return null;
    }

    /** Every decoded frame of a file (RGB bytes). */
    static List<Frame> frames(Path file) {
        List<Frame> frames = new ArrayList<>();
        try (VideoDecoder d = VideoDecoder.open(file, VideoOptions.DEFAULT)) {
            Frame f;
            while ((f = d.next()) != null) {
                frames.add(new Frame(f.index(), f.timeSeconds(), f.sourceTimeSeconds(), f.width(), f.height(),
                        f.rgb().clone()));
            }
        }
        return frames;
    }

    static int[] rgb(Frame f, int x, int y) {
        int i = 3 * (y * f.width() + x);
        byte[] b = f.rgb();
        return new int[] {b[i] & 0xff, b[i + 1] & 0xff, b[i + 2] & 0xff};
    }

    static int diff(int[] a, int[] b) {
        return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
    }

    /**
     * Mean x of the character's pixels in columns [x0, x1), as a fraction of that width: pixels that
     * differ strongly from the background at the left edge of their own row (the backdrop changes
     * only from row to row).
     */
    static double characterCentre(Frame f, int x0, int x1) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < f.height(); y += 2) {
            int[] ref = rgb(f, x0 + 2, y);
            for (int x = x0; x < x1; x += 2) {
                if (diff(rgb(f, x, y), ref) > 90) {
                    sum += x - x0;
                    n++;
                }
            }
        }
        assertTrue(n > 200, "the character is in the picture (" + n + " pixels)");
        return sum / n / (x1 - x0);
    }

    @Test
    void sideBySideVideoMatchesTheInputAndPlaysFaststart() throws Exception {
        ProcessPipeline.Outputs out = run(BASKETBALL, "sbs", "formats=mp4");
        Path mp4 = dir.resolve("sbs/male-young.mp4");
        assertTrue(out.files().contains(mp4), "files: " + out.files());
        JsonNode probe = probe(mp4);
        JsonNode v = stream(probe, "video");
        assertEquals("h264", v.path("codec").asText());
        assertEquals("yuv420p", v.path("pix_fmt").asText());
        assertEquals(12.0, v.path("avg_frame_rate").asDouble(), 1e-9, "the input's frame rate");
        assertEquals(40, v.path("nb_read_frames").asInt(), "the input's frame count");
        assertEquals(1080, v.path("height").asInt(), "the input's height (1920) capped at 1080");
        assertEquals(2 * 608, v.path("width").asInt(), "two halves of the input's 9:16 aspect at 1080 high");
        assertEquals(3.33, probe.path("format").path("duration").asDouble(), 0.01, "duration");
        assertEquals(null, stream(probe, "audio"), "the basketball clip has no audio: none in the output");
        List<String> boxes = new ArrayList<>();
        probe.path("mp4").path("top_level_boxes").forEach(b -> boxes.add(b.isTextual() ? b.asText() : b.path("type").asText()));
        assertTrue(boxes.indexOf("moov") >= 0 && boxes.indexOf("moov") < boxes.indexOf("mdat"), "faststart: " + boxes);
        // Left half: the original picture; right half: the character on the default background.
        List<Frame> frames = frames(mp4);
        List<Frame> input = frames(BASKETBALL);
        Frame o = frames.get(20);
        Frame in = input.get(20);
        double err = 0;
        for (int y = 100; y < 1000; y += 50) {
            for (int x = 50; x < 560; x += 50) {
                err += diff(rgb(o, x, y), rgb(in, x * in.width() / 608, y * in.height() / 1080));
            }
        }
        err /= 18 * 11;
        assertTrue(err < 40, "the left half is the original frame (mean channel-sum difference " + err + ")");
        double c = characterCentre(o, 608, 1216);
        assertTrue(Math.abs(c - 0.5) < 0.12, "cinematic: the character is centred in its half: " + c);
    }

    @Test
    void characterAloneOnTheBackgroundColourWithAudioRules() throws Exception {
        ProcessPipeline.Outputs out = run(DANCE, "green", "formats=mp4", "render.sbs=0", "render.bgColor=0,177,64,0",
                "trim=0,3");
        Path mp4 = dir.resolve("green/male-young.mp4");
        JsonNode probe = probe(mp4);
        JsonNode v = stream(probe, "video");
        assertEquals(1920, v.path("width").asInt(), "sbs=0: one picture of the input's aspect");
        assertEquals(1080, v.path("height").asInt());
        assertEquals(30000.0 / 1001, v.path("avg_frame_rate").asDouble(), 1e-3, "the input's rate");
        assertEquals(90, v.path("nb_read_frames").asInt(), "3 s of 29.97 fps after trim");
        assertTrue(stream(probe, "audio") != null, "the dance has audio: copied by default");
        for (Frame f : List.of(frames(mp4).get(0), frames(mp4).get(60))) {
            for (int[] corner : new int[][] {{3, 3}, {f.width() - 4, 3}}) {
                int[] px = rgb(f, corner[0], corner[1]);
                assertTrue(diff(px, new int[] {0, 177, 64}) <= 12, "bgColor in the top corners: " + Arrays.toString(px));
            }
            double c = characterCentre(f, 0, f.width());
            assertTrue(Math.abs(c - 0.5) < 0.1, "cinematic: the character centred: " + c);
        }

        run(DANCE, "mute", "formats=mp4", "render.sbs=0", "render.includeAudio=0", "trim=0,1");
        assertEquals(null, stream(probe(dir.resolve("mute/male-young.mp4")), "audio"), "includeAudio=0: no audio");
        ProcessPipeline.Outputs fast = run(DANCE, "fast", "formats=mp4", "render.sbs=0", "videoSpeedMultiplier=2",
                "trim=0,2");
        JsonNode fastProbe = probe(dir.resolve("fast/male-young.mp4"));
        assertEquals(null, stream(fastProbe, "audio"), "speed ≠ 1: no audio");
        assertTrue(fast.warnings().stream().anyMatch(w -> w.contains("no audio")), "warned: " + fast.warnings());
        assertEquals(60000.0 / 1001, stream(fastProbe, "video").path("avg_frame_rate").asDouble(), 1e-3,
                "plays at motion speed (2×)");
    }

    @Test
    void fixedCameraFollowsTheDancerSideways() throws Exception {
        run(DANCE, "fixed", "formats=mp4", "render.CamMode=1", "render.includeAudio=0");
        ProcessPipeline.Outputs landmarks = run(DANCE, "lm", "formats=bvh");
        List<Frame> frames = frames(dir.resolve("fixed/male-young.mp4"));
        List<TrackFrame> track = landmarks.landmarks().frames();
        int half = frames.get(0).width() / 2;
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += 3) {
            PoseObservation p = track.get(Math.min(i, track.size() - 1)).pose();
            if (p == null) {
                continue;
            }
            double dancer = 0; // the body's mean landmark x, the closest match to a pixel centroid
            for (int k = 0; k < 33; k++) {
                dancer += p.x(k) / 33;
            }
            double character = characterCentre(frames.get(i), half, 2 * half);
            pairs.add(new double[] {dancer, character});
        }
        double r = correlation(pairs);
        double slope = slope(pairs);
        double spread = pairs.stream().mapToDouble(q -> q[0]).max().orElseThrow()
                - pairs.stream().mapToDouble(q -> q[0]).min().orElseThrow();
        System.out.printf("[render] fixed camera: dancer x spread %.3f of the frame (%.0f px), correlation with the"
                + " character's x %.3f, slope %.2f%n", spread, spread * half, r, slope);
        assertTrue(spread * half > 40, "the dancer moves sideways in the clip: " + spread * half + " px");
        assertTrue(r > 0.9, "the character's screen x follows the dancer's: r = " + r);
        assertTrue(slope > 0.8 && slope < 1.25, "by about as much (same picture size): slope " + slope);
    }

    @Test
    void shadowDarkensTheGroundAndStillsHaveTheirHalves() throws Exception {
        run(DANCE, "lit", "formats=mp4", "render.sbs=0", "render.shadow=1", "render.includeAudio=0", "trim=0,0.5");
        run(DANCE, "unlit", "formats=mp4", "render.sbs=0", "render.shadow=0", "render.includeAudio=0", "trim=0,0.5");
        Frame lit = frames(dir.resolve("lit/male-young.mp4")).get(5);
        Frame unlit = frames(dir.resolve("unlit/male-young.mp4")).get(5);
        long darker = 0;
        long lighter = 0;
        for (int y = lit.height() / 2; y < lit.height(); y += 2) {
            for (int x = 0; x < lit.width(); x += 2) {
                int[] a = rgb(lit, x, y);
                int[] b = rgb(unlit, x, y);
                int d = (b[0] + b[1] + b[2]) - (a[0] + a[1] + a[2]);
                if (d > 30) {
                    darker++;
                } else if (d < -30) {
                    lighter++;
                }
            }
        }
        assertTrue(darker > 500, "the shadow darkens the ground under the character: " + darker + " pixels");
        assertTrue(lighter < darker / 20, "a shadow only darkens: " + lighter + " lighter pixels");

        Path still = SharedTestData.testdata("blazepose_golden/tfjs-models/pose-detection/test_data/pose.jpg");
        ProcessPipeline.Outputs out = run(still, "still", "formats=png,jpg,mp4");
        assertTrue(Files.exists(dir.resolve("still/male-young.png")) && Files.exists(dir.resolve("still/male-young.jpg")));
        assertFalse(Files.exists(dir.resolve("still/male-young.mp4")), "a still gives no mp4");
        assertTrue(out.warnings().stream().anyMatch(w -> w.contains("png or jpg")), "warned: " + out.warnings());
        for (String name : List.of("male-young.png", "male-young.jpg")) {
            JsonNode v = stream(probe(dir.resolve("still/" + name)), "video");
            Frame f = frames(dir.resolve("still/" + name)).get(0);
            Frame in = frames(still).get(0);
            assertEquals(in.height() - in.height() % 2, v.path("height").asInt(), name + " height");
            double c = characterCentre(f, f.width() / 2, f.width());
            assertTrue(Math.abs(c - 0.5) < 0.15, name + ": the character in the right half: " + c);
        }
    }

    /** Least-squares slope of the second value over the first. */
    static double slope(List<double[]> pairs) {
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxy / sxx;
    }

    static double correlation(List<double[]> pairs) {
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
