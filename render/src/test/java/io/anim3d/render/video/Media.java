package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The third-party tools the video tests check with (ffprobe-inspect, ffprobe, the ffmpeg CLI),
 * and the ffmpeg CLI as the test's stand-in for capture's decoder (render does not depend on
 * capture).
 */
final class Media {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Media() {
    }

    /** ffprobe-inspect's JSON report; fails the test with its errors when the file is invalid. */
    static JsonNode inspect(Path file) throws IOException, InterruptedException {
        Path tool = SharedTestData.tool("ffprobe-inspect");
        Result r = run(List.of(tool.toString(), file.toString()), file.getParent());
        JsonNode json = JSON.readTree(r.stdout);
        assertEquals(0, r.exit, () -> "ffprobe-inspect rejected " + file + ": " + json.path("errors") + "\n" + r.stderr);
        return json;
    }

    /** {@code ffprobe -show_streams -show_format -count_frames}. */
    static JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        Result r = run(List.of(SharedTestData.tool("ffprobe").toString(), "-v", "error", "-print_format", "json",
                "-show_streams", "-show_format", "-count_frames", file.toString()), file.getParent());
        assertEquals(0, r.exit, () -> "ffprobe failed on " + file + ": " + r.stderr);
        return JSON.readTree(r.stdout);
    }

    /** The first stream of {@code type} ("video", "audio") in an ffprobe report, or a missing node. */
    static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (type.equals(s.path("codec_type").asText())) {
                return s;
            }
        }
        return probe.path("no " + type + " stream");
    }

    /** Runs the ffmpeg CLI (test inputs); fails the test when it fails. */
    static void ffmpeg(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SharedTestData.tool("ffmpeg").toString(), "-v", "error",
                "-nostdin", "-y"));
        command.addAll(List.of(args));
        Result r = run(command, dir);
        assertEquals(0, r.exit, () -> "ffmpeg " + String.join(" ", args) + " failed: " + r.stderr);
    }

    /**
     * Decodes {@code file}'s video to RGB24 frames with the ffmpeg CLI, from the frame at
     * {@code fromSeconds} on. Frame times are {@code i / fps}; the caller chooses a start that
     * falls on a frame, so they match capture's (source time − trim start).
     */
    static FrameStream frames(Path file, int width, int height, double fps, double fromSeconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(SharedTestData.tool("ffmpeg").toString(), "-v", "error",
                "-nostdin", "-i", file.toString()));
        if (fromSeconds > 0) {
            // trim keeps frames with pts >= start, as capture's decoder does; setpts restarts at 0.
            command.addAll(List.of("-vf", "trim=start=" + fromSeconds + ",setpts=PTS-STARTPTS"));
        }
        command.addAll(List.of("-f", "rawvideo", "-pix_fmt", "rgb24", "-"));
        // A failing ffmpeg gives fewer frames than expected, which the tests report.
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        return new FrameStream(p, width, height, fps);
    }

    /** An ffmpeg CLI process's raw frames as {@link OriginalFrames}; close it to stop the process. */
    static final class FrameStream implements OriginalFrames, AutoCloseable {
        private final Process process;
        private final InputStream in;
        private final int width;
        private final int height;
        private final double fps;
        private int index;

        FrameStream(Process process, int width, int height, double fps) {
            this.process = process;
            this.in = process.getInputStream();
            this.width = width;
            this.height = height;
            this.fps = fps;
        }

        @Override
        public OriginalFrame next() throws IOException {
            byte[] rgb = in.readNBytes(width * height * 3);
            if (rgb.length < width * height * 3) {
                return null;
            }
            return new OriginalFrame(index++ / fps, width, height, rgb);
        }

        /** Reads the next frame's pixels, or null at the end. */
        byte[] nextRgb() throws IOException {
            OriginalFrame f = next();
            return f == null ? null : f.rgb();
        }

        @Override
        public void close() throws IOException {
            in.close();
            process.destroy();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Width, height and frame rate of {@link #flashAndBeep} inputs. */
    static final int SYNTH_WIDTH = 640;
    static final int SYNTH_HEIGHT = 360;
    static final int SYNTH_FPS = 30;
    /** When the flash and the beep of {@link #flashAndBeep} start, seconds; they last 0.1 s. */
    static final double SYNTH_EVENT_SECONDS = 2.0;

    /**
     * Makes a 4 s test input in {@code dir}: black 640x360 frames at 30 fps (H.264) that turn
     * white for 0.1 s at 2.0 s, with a 1 kHz beep (48 kHz mono) at exactly the same time, its
     * audio encoded with {@code audioArgs} (e.g. "-c:a", "aac"); {@code name} picks the container.
     */
    static Path flashAndBeep(Path dir, String name, String... audioArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "-f", "lavfi", "-i", "color=c=black:s=" + SYNTH_WIDTH + "x" + SYNTH_HEIGHT + ":r=" + SYNTH_FPS + ":d=4",
                "-f", "lavfi", "-i", "aevalsrc='if(between(t,2,2.1),0.5*sin(2*PI*1000*t),0)':s=48000:d=4",
                "-vf", "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='between(t,2,2.099)'",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "30"));
        args.addAll(List.of(audioArgs));
        args.addAll(List.of("-shortest", name));
        ffmpeg(dir, args.toArray(String[]::new));
        return dir.resolve(name);
    }

    /** The first audio stream of {@code file} as mono 48 kHz samples in [-1, 1]. */
    static float[] audioSamples(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SharedTestData.tool("ffmpeg").toString(), "-v", "error", "-nostdin", "-i",
                file.toString(), "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "s16le", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] raw = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "ffmpeg could not decode the audio of " + file);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[raw.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = b.getShort() / 32768f;
        }
        return samples;
    }

    /** Seconds at which {@code samples} (48 kHz) first exceed {@code level} in magnitude, or -1. */
    static double onsetSeconds(float[] samples, float level) {
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) > level) {
                return i / 48000.0;
            }
        }
        return -1;
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "tool", ".err");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " timed out");
            }
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
