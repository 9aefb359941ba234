package io.anim3d.render.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class LandmarkOverlayTest {
    private static final int W = 1920;
    private static final int H = 1080;
    private static final int BACKGROUND = 0x101010;
    private static final OverlayStyle STYLE = OverlayStyle.DEFAULT;

    /** A person facing the camera, in pixels of a 1920x1080 frame: their left is on the image right. */
    private static final double[][] STANDING = {
        {960, 200}, {975, 185}, {985, 185}, {995, 185}, {945, 185}, {935, 185}, {925, 185}, {1010, 195},
        {910, 195}, {975, 225}, {945, 225}, {1060, 320}, {860, 320}, {1100, 470}, {820, 470}, {1120, 600},
        {800, 600}, {1125, 640}, {795, 640}, {1115, 645}, {805, 645}, {1105, 625}, {815, 625}, {1020, 620},
        {900, 620}, {1030, 800}, {890, 800}, {1035, 960}, {885, 960}, {1025, 990}, {895, 990}, {1070, 1000},
        {850, 1000}};

    /** Kept when a test fails, so its overlay PNG can be looked at. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void bonesAreColouredBySideAndUnsureBonesAreFaded() throws Exception {
        float[] visibility = filled(0.95f);
        visibility[PoseLandmark.LEFT_ANKLE.ordinal()] = 0.2f;
        byte[] frame = blank();
        LandmarkOverlay.draw(frame, W, H, pose(STANDING, visibility, new Roi(0.5f, 0.5f, 0.3f, 0.9f, 0.1f)), STYLE);
        writePng(frame, dir.resolve("overlay_blank.png"));

        assertPixel(frame, 1080, 395, STYLE.leftColour(), "left upper arm (shoulder 11 to elbow 13) midpoint");
        assertPixel(frame, 840, 395, STYLE.rightColour(), "right upper arm (12 to 14) midpoint");
        assertPixel(frame, 960, 320, STYLE.centreColour(), "shoulder line (11 to 12) midpoint");
        assertPixel(frame, 1030, 800, STYLE.leftColour(), "confident left knee joint centre");
        assertPixel(frame, 100, 100, BACKGROUND, "top-left background");
        assertPixel(frame, 1800, 1000, BACKGROUND, "bottom-right background");
        assertPixel(frame, 960, 500, BACKGROUND, "between the arms");
        // Left shin 25 to 27 ends at the unsure ankle: drawn at unsureAlpha over the background.
        assertBlend(frame, 1032, 880, STYLE.leftColour(), STYLE.unsureAlpha(), "left shin (25 to unsure 27) midpoint");
        assertPixel(frame, 887, 880, STYLE.rightColour(), "right shin (26 to 28) midpoint");
    }

    @Test
    void unsureJointsAreHollowAndFadedConfidentOnesFilled() throws Exception {
        double[][] two = new double[PoseLandmark.COUNT][];
        Arrays.fill(two, new double[] {Double.NaN, Double.NaN});
        int sure = PoseLandmark.LEFT_KNEE.ordinal();
        int unsure = PoseLandmark.RIGHT_KNEE.ordinal();
        two[sure] = new double[] {1200.5, 500.5};
        two[unsure] = new double[] {700.5, 500.5};
        float[] visibility = filled(0.9f);
        visibility[unsure] = 0.3f;
        byte[] frame = blank();
        LandmarkOverlay.draw(frame, W, H, pose(two, visibility, new Roi(0.5f, 0.5f, 0.1f, 0.1f, 0f)),
                STYLE.withDrawRoi(false));
        writePng(frame, dir.resolve("overlay_joints.png"));

        double line = STYLE.lineWidthPx(H);
        double radius = line * STYLE.jointRadiusPerLine();
        int ringOffset = (int) Math.floor(radius - 1); // pixel centre 1.5 px inside the rim: on the ring
        assertPixel(frame, 1200, 500, STYLE.leftColour(), "confident left knee centre");
        assertPixel(frame, 1200 + ringOffset, 500, STYLE.leftColour(), "confident left knee near its rim");
        assertPixel(frame, 700, 500, BACKGROUND, "unsure right knee centre (hollow)");
        assertBlend(frame, 700 + ringOffset, 500, STYLE.rightColour(), STYLE.unsureAlpha(), "unsure right knee ring");
        assertPixel(frame, 400, 500, BACKGROUND, "background");
    }

    @Test
    void roiIsARectangleRotatedClockwise() {
        double[][] none = new double[PoseLandmark.COUNT][];
        Arrays.fill(none, new double[] {Double.NaN, Double.NaN});
        byte[] frame = blank();
        // 0.2 W = 384 px wide, 0.5 H = 540 px high, turned a quarter clockwise: 540 wide, 384 high.
        Roi roi = new Roi(0.5f, 0.5f, 0.2f, 0.5f, (float) (Math.PI / 2));
        LandmarkOverlay.draw(frame, W, H, pose(none, filled(1f), roi), STYLE);
        int cx = W / 2;
        int cy = H / 2;
        assertTrue(differs(frame, cx + 269, cy) || differs(frame, cx + 270, cy), "right edge at x = centre + 270");
        assertTrue(differs(frame, cx - 271, cy) || differs(frame, cx - 270, cy), "left edge at x = centre - 270");
        assertTrue(differs(frame, cx, cy - 193) || differs(frame, cx, cy - 192), "top edge at y = centre - 192");
        assertPixel(frame, cx, cy - 270, BACKGROUND, "where the unrotated top edge would be");
        assertPixel(frame, cx, cy, BACKGROUND, "ROI centre");
    }

    @Test
    void drawingIsDeterministicAndFastAt1080p() {
        PoseObservation pose = pose(STANDING, filled(0.8f), new Roi(0.5f, 0.5f, 0.3f, 0.9f, 0.1f));
        byte[] first = blank();
        LandmarkOverlay.draw(first, W, H, pose, STYLE);
        byte[] second = blank();
        LandmarkOverlay.draw(second, W, H, pose, STYLE);
        assertArrayEquals(first, second, "two draws of the same pose differ");

        byte[] frame = blank();
        int warmup = 200;
        int runs = 500;
        for (int i = 0; i < warmup; i++) {
            LandmarkOverlay.draw(frame, W, H, pose, STYLE);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            LandmarkOverlay.draw(frame, W, H, pose, STYLE);
        }
        System.out.printf("LandmarkOverlay 1920x1080: %.3f ms/frame (33 joints, 35 bones, ROI)%n",
                (System.nanoTime() - t0) / 1e6 / runs);
    }

    @Test
    void rejectsFramesOfTheWrongSize() {
        PoseObservation pose = pose(STANDING, filled(1f), new Roi(0.5f, 0.5f, 0.3f, 0.9f, 0f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LandmarkOverlay.draw(new byte[10], W, H, pose, STYLE));
        assertTrue(e.getMessage().contains("1920x1080"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new OverlayStyle(0x1FF0000, 0, 0, 0, 0, 0.01, 1, 1, 0.5f, 0.5, true));
        assertThrows(IllegalArgumentException.class,
                () -> new OverlayStyle(0, 0, 0, 0, 0, 0.01, 1, 1, 1.5f, 0.5, true));
    }

    private static PoseObservation pose(double[][] pixels, float[] visibility, Roi roi) {
        float[] image = new float[3 * PoseLandmark.COUNT];
        for (int i = 0; i < PoseLandmark.COUNT; i++) {
            image[3 * i] = (float) (pixels[i][0] / W);
            image[3 * i + 1] = (float) (pixels[i][1] / H);
        }
        return new PoseObservation(image, new float[3 * PoseLandmark.COUNT], visibility, filled(1f), roi);
    }

    private static float[] filled(float v) {
        float[] a = new float[PoseLandmark.COUNT];
        Arrays.fill(a, v);
        return a;
    }

    private static byte[] blank() {
        byte[] rgb = new byte[W * H * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (BACKGROUND >> (16 - 8 * (i % 3)));
        }
        return rgb;
    }

    private static int pixel(byte[] rgb, int x, int y) {
        int i = (y * W + x) * 3;
        return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
    }

    private static boolean differs(byte[] rgb, int x, int y) {
        return pixel(rgb, x, y) != BACKGROUND;
    }

    private static void assertPixel(byte[] rgb, int x, int y, int expected, String what) {
        assertEquals(String.format("%06X", expected), String.format("%06X", pixel(rgb, x, y)),
                what + " at (" + x + ", " + y + ")");
    }

    /** The pixel is {@code colour} blended over the background at {@code alpha}, ±3 levels per channel. */
    private static void assertBlend(byte[] rgb, int x, int y, int colour, double alpha, String what) {
        int actual = pixel(rgb, x, y);
        for (int shift = 16; shift >= 0; shift -= 8) {
            int bg = (BACKGROUND >> shift) & 0xff;
            double expected = bg + (((colour >> shift) & 0xff) - bg) * alpha;
            int got = (actual >> shift) & 0xff;
            assertTrue(Math.abs(got - expected) <= 3, String.format("%s at (%d, %d): %06X, expected %06X at alpha %.2f "
                    + "over %06X (channel shift %d: %d vs %.1f)", what, x, y, actual, colour, alpha, BACKGROUND,
                    shift, got, expected));
        }
    }

    private static void writePng(byte[] rgb, Path file) throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, pixel(rgb, x, y));
            }
        }
        assertTrue(ImageIO.write(image, "png", file.toFile()), "no PNG writer");
        assertTrue(Files.size(file) > 0);
        System.out.println("LandmarkOverlay test image: " + file);
    }
}
