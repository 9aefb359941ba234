package io.anim3d.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

/** Runs the third-party readers (ffprobe-inspect, ffprobe, ffmpeg) on files the tests wrote. */
final class VideoTools {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VideoTools() {
    }

    /** ffprobe-inspect's JSON verdict; fails the test with its errors when the file is invalid. */
    static JsonNode inspect(Path file) throws IOException, InterruptedException {
        Path tool = SharedTestData.tool("ffprobe-inspect");
        Result r = run(List.of(tool.toString(), file.toString()), file.getParent());
        JsonNode json = JSON.readTree(r.stdout);
        assertEquals(0, r.exit, () -> "ffprobe-inspect rejected " + file + ": " + json.path("errors") + "\n"
                + r.stderr);
        return json;
    }

    /** {@code ffprobe -show_streams -show_format} of the first video stream and the container. */
    static JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        Path ffprobe = SharedTestData.tool("ffprobe");
        Result r = run(List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_streams",
                "-show_format", "-count_frames", file.toString()), file.getParent());
        assertEquals(0, r.exit, () -> "ffprobe failed on " + file + ": " + r.stderr);
        return JSON.readTree(r.stdout);
    }

    /**
     * Decodes every frame of {@code file} to RGB24 with the ffmpeg CLI and hands each to
     * {@code frames} with its index; returns the number of frames decoded.
     */
    static int decodeRgb(Path file, int width, int height, ObjIntConsumer<byte[]> frames)
            throws IOException, InterruptedException {
        Path ffmpeg = SharedTestData.tool("ffmpeg");
        Path err = Files.createTempFile(file.getParent(), "ffmpeg", ".log");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", file.toString(),
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-")
                .redirectError(err.toFile()).start();
        int count = 0;
        try (InputStream in = p.getInputStream()) {
            int size = width * height * 3;
            while (true) {
                byte[] frame = in.readNBytes(size);
                if (frame.length == 0) {
                    break;
                }
                assertEquals(size, frame.length, "decoded frame " + count + " of " + file + " is truncated");
                frames.accept(frame, count++);
            }
        }
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), () -> "ffmpeg could not decode " + file + ": " + readQuietly(err));
        return count;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "tool", ".err");
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " timed out");
        }
        return new Result(p.exitValue(), out, Files.readString(err));
    }
}
