package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.render.video.SideBySideLayout.Rect;
import io.anim3d.testkit.SharedTestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PNG and JPG of a still input's pose: pose.jpg (1000x667, a yoga photo), read back by ffprobe and ImageIO. */
class StillImageTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, side by side {1}")
    @CsvSource({"PNG, true, 0.5", "JPG, true, 2.5", "PNG, false, 0", "JPG, false, 0"})
    void stillShowsTheOriginalBesideTheCharacter(StillImage.Format format, boolean sbs, double maxLeftDifference)
            throws Exception {
        OriginalFrame still = photo();
        SideBySideLayout layout = SideBySideLayout.of(still.width(), still.height(), sbs);
        assertEquals(666, layout.height(), "667 rounds down to even");
        assertEquals(sbs ? 1996 : 998, layout.width(), "halves of 666 * 1000/667 = 998.5 -> 998");
        TestCharacter character = new TestCharacter(1);
        Path out = dir.resolve("pose." + format.extension());
        StillImage.write(out, format, layout, sbs ? still : null, character, 0);

        JsonNode summary = Media.inspect(out).path("summary");
        assertEquals(format == StillImage.Format.PNG ? "png" : "mjpeg", summary.path("video_codec").asText());
        assertEquals(layout.width(), summary.path("width").asInt());
        assertEquals(layout.height(), summary.path("height").asInt());

        BufferedImage image = ImageIO.read(out.toFile());
        byte[] rgb = rgb(image);
        Pictures.assertCharacter(rgb, layout.width(), layout.character(), 0, character, format + " image");
        if (sbs) {
            double d = Pictures.difference(Pictures.grid(rgb, layout.width(), layout.original()),
                    Pictures.grid(still.rgb(), still.width(), new Rect(0, 0, still.width(), still.height())));
            assertTrue(d <= maxLeftDifference, "left half differs from the photo by " + d + " levels (grid means)");
        }
        if (format == StillImage.Format.PNG) {
            // Lossless: the character's background is exact.
            int p = image.getRGB(layout.character().x() + 3, 3) & 0xffffff;
            assertEquals(TestCharacter.BACKGROUND, p, String.format("background pixel #%06X", p));
        }
    }

    @Test
    void sameInputGivesByteIdenticalImagesAndNoPartialFile() throws Exception {
        OriginalFrame still = photo();
        SideBySideLayout layout = SideBySideLayout.of(still.width(), still.height(), true);
        for (StillImage.Format format : StillImage.Format.values()) {
            Path a = dir.resolve("a." + format.extension());
            Path b = dir.resolve("b." + format.extension());
            StillImage.write(a, format, layout, still, new TestCharacter(1), 0);
            StillImage.write(b, format, layout, still, new TestCharacter(1), 0);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), format + " images of the same pose differ");
            assertFalse(Files.exists(dir.resolve("a." + format.extension() + ".partial")));
        }
        Path c = dir.resolve("c.png");
        assertThrows(IllegalArgumentException.class,
                () -> StillImage.write(c, StillImage.Format.PNG, layout, null, new TestCharacter(1), 0),
                "side by side without the original");
        assertFalse(Files.exists(c));
    }

    private static OriginalFrame photo() throws Exception {
        Path jpg = SharedTestData.testdata("blazepose_golden/tfjs-models/pose-detection/test_data/pose.jpg");
        BufferedImage image = ImageIO.read(jpg.toFile());
        return new OriginalFrame(0, image.getWidth(), image.getHeight(), rgb(image));
    }

    private static byte[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (row[x] >> 16);
                rgb[i + 1] = (byte) (row[x] >> 8);
                rgb[i + 2] = (byte) row[x];
            }
        }
        return rgb;
    }
}
