package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.render.AudioClip;
import io.anim3d.render.video.AnimationVideo.Options;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our MP4s play in a browser: Debian's headless Chromium (package {@code chromium}, which decodes
 * H.264 and AAC through its bundled FFmpeg) loads each in a {@code <video>} element, and a script
 * on the page reports its duration and size, a pixel of the character's half read back through a
 * canvas after seeking, and whether audio was decoded while it played. No browser is downloaded:
 * without {@code chromium} on the PATH the test fails under CI=true and is skipped elsewhere.
 */
class BrowserPlaybackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void sideBySideVideoWithAudioPlaysInChromium() throws Exception {
        Path chromium = SharedTestData.tool("chromium");
        Path input = SharedTestData.testdata("videos/single/dance_white_1080p.mp4");
        double fps = 30000.0 / 1001;
        int frames = 30;
        SideBySideLayout layout = SideBySideLayout.of(1920, 1080, true);
        Path out = dir.resolve("dance.mp4");
        try (Media.FrameStream originals = Media.frames(input, 1920, 1080, fps, 0)) {
            AnimationVideo.write(out, Options.of(layout, frames, fps).withAudio(new AudioClip(input, 0)), originals,
                    new TestCharacter(frames));
        }
        JsonNode r = play(chromium, out);
        assertEquals(3840, r.path("width").asInt(), "videoWidth in Chromium: " + r);
        assertEquals(1080, r.path("height").asInt(), "videoHeight in Chromium: " + r);
        // The longer track sets the duration: the audio's last AAC frame may end up to 23 ms after the video.
        assertEquals(frames / fps, r.path("duration").asDouble(), 0.03, "duration in Chromium: " + r);
        assertBackground(r);
        assertTrue(r.path("audioBytes").asLong() > 0, "Chromium decoded no audio: " + r);
    }

    @Test
    void characterOnlyVideoWithoutAudioPlaysInChromium() throws Exception {
        Path chromium = SharedTestData.tool("chromium");
        int frames = 24;
        SideBySideLayout layout = SideBySideLayout.of(1080, 1920, false);
        Path out = dir.resolve("portrait.mp4");
        AnimationVideo.write(out, Options.of(layout, frames, 12), null, new TestCharacter(frames));
        JsonNode r = play(chromium, out);
        assertEquals(608, r.path("width").asInt(), "videoWidth in Chromium: " + r);
        assertEquals(1080, r.path("height").asInt(), "videoHeight in Chromium: " + r);
        assertEquals(2.0, r.path("duration").asDouble(), 1e-3, "duration in Chromium: " + r);
        assertBackground(r);
        assertEquals(0, r.path("audioBytes").asLong(), "audio decoded from a video without audio: " + r);
    }

    /** The pixel read at 55 % across (the character's half in both layouts, away from the disc at 0.5 s) is the test background. */
    private static void assertBackground(JsonNode r) {
        JsonNode px = r.path("pixel");
        assertEquals(4, px.size(), "no pixel read back: " + r);
        for (int c = 0; c < 3; c++) {
            int expected = (TestCharacter.BACKGROUND >> (16 - 8 * c)) & 0xff;
            assertEquals(expected, px.get(c).asInt(), Pictures.FLAT_TOLERANCE, "channel " + "RGB".charAt(c)
                    + " of the character's background as Chromium shows it: " + r);
        }
    }

    /** Loads {@code video} in a page in headless Chromium and returns what the page's script found. */
    private JsonNode play(Path chromium, Path video) throws Exception {
        Path page = video.resolveSibling(video.getFileName() + ".html");
        Files.writeString(page, """
                <!doctype html><html><body><pre id="result">pending</pre>
                <video id="v" src="%s" muted preload="auto"></video>
                <script>
                const v = document.getElementById('v'), out = document.getElementById('result'), r = {};
                const done = () => { out.textContent = JSON.stringify(r); };
                v.addEventListener('error', () => { r.error = v.error ? v.error.code + ' ' + v.error.message : 'unknown'; done(); });
                v.addEventListener('loadedmetadata', () => {
                  r.duration = v.duration; r.width = v.videoWidth; r.height = v.videoHeight; v.currentTime = 0.5;
                });
                v.addEventListener('seeked', () => {
                  const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
                  const g = c.getContext('2d'); g.drawImage(v, 0, 0);
                  try { r.pixel = Array.from(g.getImageData(Math.floor(c.width * 0.55), Math.floor(c.height * 0.1), 1, 1).data); }
                  catch (e) { r.canvasError = String(e); }
                  v.play().then(() => setTimeout(() => {
                    r.audioBytes = v.webkitAudioDecodedByteCount; r.videoBytes = v.webkitVideoDecodedByteCount; done();
                  }, 300)).catch(e => { r.playError = String(e); done(); });
                });
                </script></body></html>
                """.formatted(video.getFileName()));
        Media.Result run = Media.run(List.of(chromium.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--user-data-dir=" + dir.resolve("chromium-profile"),
                "--autoplay-policy=no-user-gesture-required", "--allow-file-access-from-files",
                "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()), dir);
        Matcher m = RESULT.matcher(run.stdout());
        if (run.exit() != 0 || !m.find() || !m.group(1).startsWith("{")) {
            fail("Chromium did not report on " + video.getFileName() + " (exit " + run.exit() + "): " + run.stdout() + "\n"
                    + run.stderr());
        }
        JsonNode r = JSON.readTree(m.group(1));
        assertTrue(r.path("error").isMissingNode() && r.path("playError").isMissingNode()
                && r.path("canvasError").isMissingNode(), "Chromium could not play " + video.getFileName() + ": " + r);
        assertTrue(r.path("videoBytes").asLong() > 0, "Chromium decoded no video: " + r);
        return r;
    }
}
