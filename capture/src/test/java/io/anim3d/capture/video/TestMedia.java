package io.anim3d.capture.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.anim3d.testkit.SharedTestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;

/** Makes test inputs with the ffmpeg tool and decodes references with it (an independent reader). */
final class TestMedia {
    private static String encoders;

    private TestMedia() {
    }

    static Path ffmpeg() {
        return SharedTestData.tool("ffmpeg");
    }

    /** Skips the calling test when the installed ffmpeg lacks {@code encoder}. */
    static void assumeEncoder(String encoder) {
        if (encoders == null) {
            encoders = new String(run(List.of(ffmpeg().toString(), "-hide_banner", "-encoders")),
                    StandardCharsets.UTF_8);
        }
        boolean present = Arrays.stream(encoders.split("\n"))
                .map(String::strip)
                .anyMatch(l -> l.split("\\s+").length > 1 && l.split("\\s+")[1].equals(encoder));
        Assumptions.assumeTrue(present, "ffmpeg at " + ffmpeg() + " has no " + encoder + " encoder; skipping");
    }

    /** Runs ffmpeg quietly with {@code args}, writing {@code out}; fails the test with ffmpeg's stderr on error. */
    static Path make(Path out, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg().toString(), "-hide_banner", "-v", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        cmd.add(out.toString());
        run(cmd);
        return out;
    }

    /** A 320x240 test pattern of {@code seconds} at {@code fps}, as lavfi input arguments. */
    static String[] pattern(double seconds, int fps) {
        return new String[] {"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=" + fps + ":duration=" + seconds};
    }

    /** Concatenates argument arrays. */
    static String[] args(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    /** Frame {@code index} of {@code file} as RGB24 decoded (and autorotated) by the ffmpeg tool. */
    static byte[] referenceRgb(Path file, int index, int width, int height) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg().toString(), "-hide_banner", "-v", "error", "-i",
                file.toString(), "-vf", "select=eq(n\\," + index + ")", "-frames:v", "1", "-f", "rawvideo",
                "-pix_fmt", "rgb24", "-"));
        byte[] rgb = run(cmd);
        assertEquals(width * height * 3, rgb.length, "ffmpeg reference frame " + index + " of " + file
                + " is not " + width + "x" + height + " RGB24");
        return rgb;
    }

    /** Mean absolute difference per byte of two RGB24 pictures of equal size. */
    static double meanAbsDiff(byte[] a, byte[] b) {
        assertEquals(a.length, b.length, "picture sizes differ");
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }

    /** Mean colour (r, g, b) of the rectangle [x0, x1) x [y0, y1) of an RGB24 picture. */
    static double[] meanColour(byte[] rgb, int width, int x0, int y0, int x1, int y1) {
        double[] c = new double[3];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int k = 0; k < 3; k++) {
                    c[k] += rgb[(y * width + x) * 3 + k] & 0xff;
                }
            }
        }
        int n = (x1 - x0) * (y1 - y0);
        for (int k = 0; k < 3; k++) {
            c[k] /= n;
        }
        return c;
    }

    /** Runs a command, returning its stdout; fails the test with its stderr when it exits non-zero. */
    static byte[] run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            int code = p.waitFor();
            if (code != 0) {
                fail(String.join(" ", cmd) + " exited " + code + ": " + new String(err.join(), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
