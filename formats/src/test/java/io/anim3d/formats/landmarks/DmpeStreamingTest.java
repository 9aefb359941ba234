package io.anim3d.formats.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.TrackFrame;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer and the reader work frame by frame: bytes flow while frames are produced and consumed. */
class DmpeStreamingTest {
    private static final int FRAMES = 10_000;

    /** Counts bytes and keeps none of them. */
    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    private static TrackFrame frame(int k, Random noise) {
        double t = k / 30.0;
        return new TrackFrame(t, k % 50 == 49 ? null : SyntheticTracks.pose(t, noise));
    }

    @Test
    void writerEmitsBytesAsFramesArriveAndHoldsNoFrames(@TempDir Path dir) throws IOException {
        CountingOutputStream counter = new CountingOutputStream();
        long atHalf;
        Random noise = new Random(31);
        try (DmpeWriter writer = DmpeWriter.open(counter, new DmpeHeader(1920, 1080, 30, "full", Map.of()))) {
            for (int k = 0; k < FRAMES; k++) {
                writer.write(frame(k, noise));
            }
            assertEquals(FRAMES, writer.frameCount());
        }
        // Same frames again, noting how much had reached the stream half way.
        CountingOutputStream again = new CountingOutputStream();
        noise = new Random(31);
        try (DmpeWriter writer = DmpeWriter.open(again, new DmpeHeader(1920, 1080, 30, "full", Map.of()))) {
            for (int k = 0; k < FRAMES / 2; k++) {
                writer.write(frame(k, noise));
            }
            atHalf = again.count;
            for (int k = FRAMES / 2; k < FRAMES; k++) {
                writer.write(frame(k, noise));
            }
        }
        assertEquals(counter.count, again.count, "same frames, same size");
        double share = (double) atHalf / counter.count;
        assertTrue(share > 0.45 && share < 0.55, "after half the frames " + atHalf + " of " + counter.count
                + " bytes (" + share + ") had reached the stream; the writer must not hold frames back");
        assertNoCollectionFields(DmpeWriter.class);
        System.out.printf("[dmpe] %d frames streamed through the writer: %,d bytes (%.0f bytes/frame)%n",
                FRAMES, counter.count, (double) counter.count / FRAMES);
    }

    @Test
    void readerConsumesTheFileAsFramesAreRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("long.dmpe");
        Random noise = new Random(32);
        try (DmpeWriter writer = DmpeWriter.open(Files.newOutputStream(file), new DmpeHeader(1920, 1080, 30, "full", null))) {
            for (int k = 0; k < FRAMES; k++) {
                writer.write(frame(k, noise));
            }
        }
        long size = Files.size(file);
        CountingInputStream counter = new CountingInputStream(Files.newInputStream(file));
        noise = new Random(32);
        try (DmpeReader reader = DmpeReader.open(counter)) {
            for (int k = 0; k < FRAMES; k++) {
                assertTrue(reader.hasNext(), "frame " + k);
                TrackAssertions.assertFrameBitIdentical(k, frame(k, noise), reader.next());
                if (k == 100) {
                    assertTrue(counter.count < size / 20, "after 101 frames " + counter.count + " of " + size
                            + " bytes were read; the reader must not load the whole file");
                }
            }
            assertTrue(!reader.hasNext());
        }
        assertEquals(size, counter.count, "the whole file was read by the end");
        assertNoCollectionFields(DmpeReader.class);
    }

    /** A frame list would show up as a collection field; the only arrays are fixed-size buffers. */
    private static void assertNoCollectionFields(Class<?> type) {
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertTrue(!Collection.class.isAssignableFrom(f.getType()) && !Map.class.isAssignableFrom(f.getType()),
                        type.getSimpleName() + "." + f.getName() + " is a " + f.getType().getSimpleName());
            }
        }
    }
}
