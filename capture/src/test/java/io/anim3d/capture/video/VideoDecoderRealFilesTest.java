package io.anim3d.capture.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Probing and decoding the shared real videos and image; speed and memory on a 1080p clip. */
class VideoDecoderRealFilesTest {
    private static final String DANCE = "videos/single/dance_white_1080p.mp4";
    private static final double DANCE_FRAME_SECONDS = 1001.0 / 30000;

    @Test
    void probeDance1080p() throws IOException {
        Path file = SharedTestData.testdata(DANCE);
        VideoInfo info = VideoDecoder.probe(file);
        assertEquals(1920, info.width(), "width");
        assertEquals(1080, info.height(), "height");
        assertEquals(30000.0 / 1001, info.fps(), 1e-6, "fps");
        assertEquals(300, info.frameCount(), "frameCount");
        assertEquals(10.01, info.durationSeconds(), 0.001, "duration");
        assertEquals("h264", info.codec());
        assertEquals(Files.size(file), info.sizeBytes(), "sizeBytes");
        assertTrue(info.hasAudio(), "dance has an AAC track");
        assertEquals(0, info.rotationDegrees());
        assertTrue(info.container().contains("mp4"), info.container());
        assertFalse(info.still());
    }

    @Test
    void probePortraitVp9AndJpeg() {
        VideoInfo basket = VideoDecoder.probe(SharedTestData.testdata("videos/single/basketball_portrait.mp4"));
        assertEquals(1080, basket.width());
        assertEquals(1920, basket.height());
        assertEquals(12.0, basket.fps(), 1e-9);
        assertEquals(40, basket.frameCount());
        assertFalse(basket.hasAudio());

        VideoInfo parkour = VideoDecoder.probe(SharedTestData.testdata("videos/multi/parkour_two_people_vp9.mp4"));
        assertEquals("vp9", parkour.codec());
        assertEquals(1768, parkour.width());
        assertEquals(994, parkour.height());
        assertEquals(30.0, parkour.fps(), 1e-9);
        assertEquals(230, parkour.frameCount());

        VideoInfo pose = VideoDecoder.probe(
                SharedTestData.testdata("blazepose_golden/tfjs-models/pose-detection/test_data/pose.jpg"));
        assertEquals(1000, pose.width());
        assertEquals(667, pose.height());
        assertEquals("mjpeg", pose.codec());
        assertTrue(pose.still());
        assertEquals(1, pose.frameCount());
    }

    @Test
    void stillJpegGivesOneFrameMatchingFfmpeg() {
        Path file = SharedTestData.testdata("blazepose_golden/tfjs-models/pose-detection/test_data/pose.jpg");
        try (VideoDecoder d = VideoDecoder.open(file, VideoOptions.DEFAULT)) {
            Frame f = d.next();
            assertNotNull(f, "a still image gives one frame");
            assertEquals(0, f.index());
            assertEquals(0.0, f.timeSeconds());
            assertEquals(1000, f.width());
            assertEquals(667, f.height());
            assertNull(d.next(), "a still image gives exactly one frame");
            double diff = TestMedia.meanAbsDiff(TestMedia.referenceRgb(file, 0, 1000, 667), f.rgb());
            assertTrue(diff < 2.0, "pose.jpg differs from ffmpeg's decode by " + diff + " per byte");
        }
    }

    @Test
    void decodesAllVp9FramesInOrder() {
        Path file = SharedTestData.testdata("videos/multi/parkour_two_people_vp9.mp4");
        try (VideoDecoder d = VideoDecoder.open(file, VideoOptions.DEFAULT)) {
            int n = 0;
            for (Frame f = d.next(); f != null; f = d.next()) {
                assertEquals(n / 30.0, f.sourceTimeSeconds(), 1e-3, "source time of frame " + n);
                n++;
            }
            assertEquals(230, n, "vp9 frames");
        }
    }

    /**
     * Decodes the 300-frame 1080p clip twice and prints the second (warm) pass's ms/frame; not
     * asserted: benchmarks measure speed. Also checks every frame's index, size and time.
     */
    @Test
    void decodes1080pAndPrintsSpeed() {
        Path file = SharedTestData.testdata(DANCE);
        double msPerFrame = 0;
        for (int pass = 0; pass < 2; pass++) {
            long start = System.nanoTime();
            int n = 0;
            try (VideoDecoder d = VideoDecoder.open(file, VideoOptions.DEFAULT)) {
                assertEquals(1920, d.outputWidth());
                assertEquals(1080, d.outputHeight());
                assertEquals(30000.0 / 1001, d.outputFrameRate(), 1e-6);
                for (Frame f = d.next(); f != null; f = d.next()) {
                    assertEquals(n, f.index(), "frame index");
                    assertEquals(n * DANCE_FRAME_SECONDS, f.sourceTimeSeconds(), 1e-3, "source time of frame " + n);
                    assertEquals(f.sourceTimeSeconds(), f.timeSeconds(), 1e-12, "no trim, speed 1: frame " + n);
                    assertEquals(1920 * 1080 * 3, f.rgb().length);
                    n++;
                }
            }
            assertEquals(300, n, "frames of " + DANCE);
            msPerFrame = (System.nanoTime() - start) / 1e6 / n;
        }
        System.out.printf("dance_white_1080p.mp4: %.2f ms/frame open+decode+RGB, 1920x1080, warm pass%n", msPerFrame);
    }

    /**
     * Streaming: neither the Java heap nor the process's resident memory grows with the number of
     * frames decoded. Three full passes over the 1080p clip (900 frames); holding the frames would
     * add 6 MB each to the heap, and a leaked native picture or codec context per frame or per
     * decoder would add megabytes to the resident size from pass 1 to pass 3.
     */
    @Test
    void memoryStaysFlatOverManyFrames() {
        Path file = SharedTestData.testdata(DANCE);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapAfterFirst = 0;
        long rssAfterFirst = 0;
        for (int pass = 0; pass < 3; pass++) {
            long heapAt30 = 0;
            int n = 0;
            try (VideoDecoder d = VideoDecoder.open(file, VideoOptions.DEFAULT)) {
                for (Frame f = d.next(); f != null; f = d.next()) {
                    if (++n == 30) {
                        System.gc();
                        heapAt30 = memory.getHeapMemoryUsage().getUsed();
                    }
                }
                System.gc();
                long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapAt30;
                assertTrue(heapGrowth < 64_000_000, "pass " + pass + ": heap grew by " + heapGrowth
                        + " bytes from frame 30 to " + n);
            }
            if (pass == 0) {
                System.gc();
                heapAfterFirst = memory.getHeapMemoryUsage().getUsed();
                rssAfterFirst = residentBytes();
            }
        }
        System.gc();
        long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapAfterFirst;
        long rssGrowth = residentBytes() - rssAfterFirst;
        System.out.printf("memory growth over passes 2-3 (600 frames of 1080p): heap %.1f MB, resident %.1f MB%n",
                heapGrowth / 1e6, rssGrowth / 1e6);
        assertTrue(heapGrowth < 64_000_000, "heap grew by " + heapGrowth + " bytes over 600 frames");
        assertTrue(rssGrowth < 120_000_000, "resident memory grew by " + rssGrowth
                + " bytes over 600 frames: native memory leaks");
    }

    @Test
    void trimSpeedAndCropOnDance() {
        Path file = SharedTestData.testdata(DANCE);
        byte[] full;
        try (VideoDecoder d = VideoDecoder.open(file, new VideoOptions(new Trim(1.0, 2.6), null, 1.0))) {
            Frame first = d.next();
            assertNotNull(first);
            // frame i is at i * 1001/30000 s: the first at or after 1.0 s is frame 30 (1.001 s)
            assertEquals(30 * DANCE_FRAME_SECONDS, first.sourceTimeSeconds(), 1e-4, "first trimmed frame");
            assertEquals(30 * DANCE_FRAME_SECONDS - 1.0, first.timeSeconds(), 1e-4);
            full = first.rgb();
            int n = 1;
            Frame last = first;
            for (Frame f = d.next(); f != null; f = d.next()) {
                last = f;
                n++;
            }
            assertEquals(48, n, "frames 30..77 lie in [1.0, 2.6] s");
            assertEquals(77 * DANCE_FRAME_SECONDS, last.sourceTimeSeconds(), 1e-4, "last trimmed frame");
        }
        Crop crop = new Crop(0.25, 0.5, 0.75, 1.0);
        try (VideoDecoder d = VideoDecoder.open(file, new VideoOptions(new Trim(1.0, 2.6), crop, 2.0))) {
            assertEquals(960, d.outputWidth());
            assertEquals(540, d.outputHeight());
            assertEquals(2 * 30000.0 / 1001, d.outputFrameRate(), 1e-6);
            Frame first = d.next();
            assertEquals((30 * DANCE_FRAME_SECONDS - 1.0) / 2, first.timeSeconds(), 1e-4, "time at speed 2");
            Frame second = d.next();
            assertEquals(DANCE_FRAME_SECONDS / 2, second.timeSeconds() - first.timeSeconds(), 1e-4,
                    "frame interval at speed 2");
            // The crop is the same pixels as the uncropped frame's region: x 480..1440, y 540..1080.
            byte[] expected = new byte[960 * 540 * 3];
            for (int y = 0; y < 540; y++) {
                System.arraycopy(full, ((540 + y) * 1920 + 480) * 3, expected, y * 960 * 3, 960 * 3);
            }
            assertArrayEquals(expected, first.rgb(), "cropped frame differs from the uncropped frame's region");
        }
    }

    @Test
    void cropExampleOnPortraitVideo() {
        Crop crop = new Crop(0.239, 0.121, 0.742, 0.981);
        try (VideoDecoder d = VideoDecoder.open(SharedTestData.testdata("videos/single/basketball_portrait.mp4"),
                new VideoOptions(null, crop, 1.0))) {
            assertEquals(543, d.outputWidth());
            assertEquals(1652, d.outputHeight());
            assertEquals(12.0, d.outputFrameRate(), 1e-9);
            int n = 0;
            for (Frame f = d.next(); f != null; f = d.next()) {
                assertEquals(543, f.width());
                assertEquals(1652, f.height());
                n++;
            }
            assertEquals(40, n);
        }
    }

    /** Resident set size of this process, bytes, from /proc (Linux). */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/self/status", e);
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }
}
