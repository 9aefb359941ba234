package io.anim3d.capture.video;

import static io.anim3d.capture.video.TestMedia.args;
import static io.anim3d.capture.video.TestMedia.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs and bad options give typed errors with clear messages; damaged files end cleanly. */
class VideoDecoderErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingAndEmptyFilesAreConvertErrors() throws IOException {
        Path missing = dir.resolve("missing.mp4");
        assertError(ErrorCode.CONVERT, "is empty", () -> VideoDecoder.probe(missing));
        assertError(ErrorCode.CONVERT, "does not exist", () -> VideoDecoder.open(missing, VideoOptions.DEFAULT));
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertError(ErrorCode.CONVERT, "is empty", () -> VideoDecoder.probe(empty));
        assertError(ErrorCode.CONVERT, "is empty", () -> VideoDecoder.open(empty, VideoOptions.DEFAULT));
        assertError(ErrorCode.CONVERT, "directory", () -> VideoDecoder.probe(dir));
    }

    @Test
    void textFileNamedMp4IsNotAVideo() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "These are my dance notes, not a video.\n".repeat(50));
        assertError(ErrorCode.CONVERT, "not a video or image FFmpeg can read", () -> VideoDecoder.probe(text));
        assertError(ErrorCode.CONVERT, "not a video or image FFmpeg can read",
                () -> VideoDecoder.open(text, VideoOptions.DEFAULT));
    }

    /** An HLS playlist would make FFmpeg open other files; only listed demuxers are allowed. */
    @Test
    void playlistsAreRefused() throws IOException {
        TestMedia.assumeEncoder("libx264");
        Path segment = TestMedia.make(dir.resolve("seg.ts"), args(pattern(1, 10), new String[] {"-c:v", "libx264",
                "-f", "mpegts"}));
        Path playlist = Files.writeString(dir.resolve("list.m3u8"), "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n"
                + segment + "\n#EXT-X-ENDLIST\n");
        assertError(ErrorCode.CONVERT, "not a video or image FFmpeg can read", () -> VideoDecoder.probe(playlist));
    }

    /**
     * A truncated MP4 whose index (moov) is at the end has nothing to read: CONVERT at open. With
     * the index first (faststart), the frames before the cut decode, and reaching the cut long
     * before the length the index promises is a CONVERT error naming where the pictures end: half
     * a clip is never tracked silently. A trim that ends before the cut still works.
     */
    @Test
    void truncatedMp4() throws IOException {
        TestMedia.assumeEncoder("libx264");
        String[] encode = {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "10"};
        Path indexLast = TestMedia.make(dir.resolve("full.mp4"), args(pattern(4, 10), encode));
        Path cut = halve(indexLast, dir.resolve("cut.mp4"));
        assertError(ErrorCode.CONVERT, "cut.mp4", () -> VideoDecoder.open(cut, VideoOptions.DEFAULT));

        Path indexFirst = TestMedia.make(dir.resolve("fast.mp4"), args(pattern(4, 10), encode,
                new String[] {"-movflags", "+faststart"}));
        Path fastCut = halve(indexFirst, dir.resolve("fastcut.mp4"));
        VideoInfo info = VideoDecoder.probe(fastCut);
        assertEquals(40, info.frameCount(), "the index still lists every frame");
        int[] n = {0};
        assertError(ErrorCode.CONVERT, "truncated", () -> {
            try (VideoDecoder d = VideoDecoder.open(fastCut, VideoOptions.DEFAULT)) {
                double last = -1;
                for (Frame f = d.next(); f != null; f = d.next()) {
                    assertTrue(f.sourceTimeSeconds() > last, "times increase at frame " + n[0]);
                    last = f.sourceTimeSeconds();
                    n[0]++;
                }
            }
        });
        assertTrue(n[0] >= 10 && n[0] < 40, "half a 40-frame file should give some but not all frames, got " + n[0]);
        try (VideoDecoder d = VideoDecoder.open(fastCut, new VideoOptions(new Trim(0, 0.5), null, 1.0))) {
            int frames = 0;
            while (d.next() != null) {
                frames++;
            }
            assertEquals(6, frames, "a trim inside the intact part (0 to 0.5 s at 10 fps) decodes");
        }
    }

    @Test
    void fileWithoutVideoIsConvertError() {
        Path audio = TestMedia.make(dir.resolve("voice.mp4"), "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                "-c:a", "aac");
        assertError(ErrorCode.CONVERT, "no video stream", () -> VideoDecoder.probe(audio));
    }

    /** A PNG whose header says 0x0 pixels. */
    @Test
    void zeroPixelImageIsConvertError() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        writeChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(0).putInt(0).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        writeChunk(png, "IEND", new byte[0]);
        Path file = Files.write(dir.resolve("zero.png"), png.toByteArray());
        CaptureException e = assertThrows(CaptureException.class, () -> VideoDecoder.probe(file));
        assertEquals(ErrorCode.CONVERT, e.code(), e.getMessage());
    }

    /** An AVI whose FourCC no decoder knows. */
    @Test
    void unknownCodecIsConvertErrorNamingIt() throws IOException {
        Path avi = TestMedia.make(dir.resolve("m.avi"), args(pattern(1, 10), new String[] {"-c:v", "mpeg4"}));
        byte[] bytes = Files.readAllBytes(avi);
        String head = new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1).replace("FMP4", "ABCD");
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 0, 4096);
        Path unknown = Files.write(dir.resolve("unknown.avi"), bytes);
        assertEquals("unknown (FourCC 'ABCD')", VideoDecoder.probe(unknown).codec());
        assertError(ErrorCode.CONVERT, "FourCC 'ABCD'", () -> VideoDecoder.open(unknown, VideoOptions.DEFAULT));
    }

    @Test
    void optionsThatDoNotFitTheInputAreParamsErrors() {
        TestMedia.assumeEncoder("libx264");
        Path video = TestMedia.make(dir.resolve("v.mp4"), args(pattern(2, 10), new String[] {"-c:v", "libx264"}));
        assertError(ErrorCode.PARAMS, "starts after the video ends (duration 2.0 s)",
                () -> VideoDecoder.open(video, new VideoOptions(new Trim(2.0, 5.0), null, 1.0)));
        // 0.001 of 320 pixels rounds to 0 columns.
        assertError(ErrorCode.PARAMS, "at least 1x1",
                () -> VideoDecoder.open(video, new VideoOptions(null, new Crop(0.5, 0, 0.501, 1), 1.0)));
        Path still = TestMedia.make(dir.resolve("s.png"), args(pattern(1, 10), new String[] {"-frames:v", "1"}));
        assertError(ErrorCode.PARAMS, "still image",
                () -> VideoDecoder.open(still, new VideoOptions(new Trim(0, 1), null, 1.0)));
    }

    @Test
    void closedDecoderRefusesNextAndClosesTwice() {
        Path still = TestMedia.make(dir.resolve("s.bmp"), args(pattern(1, 10), new String[] {"-frames:v", "1"}));
        VideoDecoder d = VideoDecoder.open(still, VideoOptions.DEFAULT);
        d.close();
        d.close();
        assertThrows(IllegalStateException.class, d::next);
        assertThrows(IllegalArgumentException.class, () -> VideoDecoder.open(still, null));
    }

    private static void assertError(ErrorCode code, String fragment, Executable call) {
        CaptureException e = assertThrows(CaptureException.class, call);
        assertEquals(code, e.code(), "error code of: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message should contain '" + fragment + "': " + e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), "message carries a stack trace: " + e.getMessage());
    }

    private static Path halve(Path file, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(out, Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
