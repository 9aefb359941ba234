package io.anim3d.render.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pixel tests of whole frames of a stock character: background colour in the corners, the
 * character present and centred, a symmetric T-pose, the shadow, z-order and determinism.
 */
class CharacterRendererTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final double FOV = 40;

    private static Character male;
    private static Pose tPose;
    private static Camera front;

    @BeforeAll
    static void setUp() {
        System.setProperty("java.awt.headless", "true");
        male = StockCharacters.create("male-normal");
        tPose = TestPoses.tPose(male);
        front = frontCamera(tPose);
    }

    /** In front of the character at hips height, 5° above, framing 2.2 m. */
    private static Camera frontCamera(Pose pose) {
        return Camera.orbit(pose.position(0), 0, 5, Camera.distanceToFit(2.2, FOV), FOV);
    }

    static List<Arguments> looks() {
        List<Arguments> a = new ArrayList<>();
        for (int bg : new int[] {RenderStyle.DEFAULT_BACKGROUND_RGB, 0x000000, 0xFFFFFF, 0x00B140}) {
            for (RenderStyle.Backdrop b : RenderStyle.Backdrop.values()) {
                for (boolean shadow : new boolean[] {false, true}) {
                    a.add(Arguments.of(new RenderStyle(bg, b, shadow)));
                }
            }
        }
        return a;
    }

    /**
     * The top corners (and the whole top row) are exactly bgColor: with GROUND they look above the
     * horizon; with STUDIO they see the back wall above the height where its tint has become the
     * background colour. The bottom corners see the floor, a tint of it.
     */
    @ParameterizedTest
    @MethodSource("looks")
    void topCornersAreExactlyTheBackgroundColourAndTheFloorIsATint(RenderStyle style) {
        int[] px = Frames.render(male, tPose, front, style, W, H);
        int bg = 0xFF000000 | style.backgroundRgb();
        for (int x = 0; x < W; x++) {
            assertEquals(bg, px[x], "top row x=" + x + " with " + style + ": " + Frames.hex(px[x]) + " instead of " + Frames.hex(bg));
        }
        assertEquals(bg, px[W - 1], "top-right corner");
        int bottomLeft = px[(H - 1) * W];
        int bottomRight = px[H * W - 1];
        assertNotEquals(bg, bottomLeft, "bottom-left corner should see the tinted floor with " + style);
        assertNotEquals(bg, bottomRight, "bottom-right corner should see the tinted floor with " + style);
        // Light backgrounds get a darker floor, black a lighter one: both let a shadow show.
        double floorLuma = Frames.luma(bottomLeft);
        double bgLuma = Frames.luma(bg);
        assertTrue(bgLuma > 100 ? floorLuma < bgLuma : floorLuma > bgLuma || bgLuma > 40,
                "floor " + Frames.hex(bottomLeft) + " against background " + Frames.hex(bg));
    }

    @Test
    void backgroundAlphaIsIgnored() {
        RenderStyle withAlpha = new RenderStyle(0x80123456, RenderStyle.Backdrop.GROUND, true);
        assertEquals(0x123456, withAlpha.backgroundRgb());
        int[] px = Frames.render(male, tPose, front, withAlpha, W, H);
        assertEquals(0xFF123456, px[0]);
    }

    @ParameterizedTest
    @MethodSource("stockNames")
    void characterIsPresentAndCentredWhenTheCameraLooksAtTheHips(String name) {
        Character c = StockCharacters.create(name);
        // Also off the origin: the camera follows the hips, so does the picture's centre.
        Pose pose = TestPoses.pose(c.skeleton(), Map.of(), new Vec3(0.8, 0, -1.5));
        Camera camera = Camera.orbit(pose.position(0), 0, 5, Camera.distanceToFit(2.2, FOV), FOV);
        RenderStyle style = new RenderStyle(RenderStyle.DEFAULT_BACKGROUND_RGB, RenderStyle.Backdrop.GROUND, false);
        boolean[] mask = Frames.mask(Frames.render(c, pose, camera, style, W, H), Frames.backdrop(camera, style, W, H));
        double sumX = 0;
        int n = 0;
        int top = H;
        int bottom = -1;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (mask[y * W + x]) {
                    sumX += x + 0.5;
                    n++;
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        double coverage = (double) n / (W * H);
        assertTrue(coverage > 0.03 && coverage < 0.4, name + ": the character covers " + coverage + " of the frame");
        double centreX = sumX / n;
        assertEquals(W / 2.0, centreX, W * 0.01, name + ": the silhouette's centre is at x=" + centreX);
        assertTrue(mask[(H / 2) * W + W / 2], name + ": the hips (image centre) are not drawn");
        assertTrue(top < H / 2 - 0.2 * H && bottom > H / 2 + 0.2 * H,
                name + ": the silhouette spans rows " + top + ".." + bottom + ", not around the centre");
    }

    static List<String> stockNames() {
        return StockCharacters.NAMES;
    }

    @ParameterizedTest
    @MethodSource("stockNames")
    void tPoseSilhouetteIsSymmetricFromTheFront(String name) {
        Character c = StockCharacters.create(name);
        Pose pose = TestPoses.tPose(c);
        Camera camera = frontCamera(pose);
        RenderStyle style = new RenderStyle(0x404040, RenderStyle.Backdrop.STUDIO, false);
        boolean[] mask = Frames.mask(Frames.render(c, pose, camera, style, W, H), Frames.backdrop(camera, style, W, H));
        int inside = 0;
        int asymmetric = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean here = mask[y * W + x];
                inside += here ? 1 : 0;
                if (here != mask[y * W + (W - 1 - x)]) {
                    asymmetric++;
                }
            }
        }
        // Only anti-aliased edge pixels may differ (lighting differs left to right, so their blend can round either way).
        assertTrue(asymmetric < 0.02 * inside, name + ": " + asymmetric + " of " + inside + " silhouette pixels have no mirror image");
    }

    /**
     * The floor between the feet (contact shadow) and where the head's shadow falls (key light)
     * are darker than with shadow=0, and darker than the ground beside the character, which the
     * shadow leaves exactly as it was.
     */
    @Test
    void shadowUnderTheFeetIsDarkerThanTheGroundBesideThem() {
        Camera camera = Camera.orbit(tPose.position(0), 0, 25, Camera.distanceToFit(2.4, FOV), FOV);
        RenderStyle on = RenderStyle.defaults();
        RenderStyle off = new RenderStyle(on.backgroundRgb(), on.backdrop(), false);
        int[] lit = Frames.render(male, tPose, camera, off, W, H);
        int[] shaded = Frames.render(male, tPose, camera, on, W, H);
        boolean[] mask = Frames.mask(lit, Frames.backdrop(camera, off, W, H));
        Vec3 leftFoot = tPose.position(male.skeleton().require(Humanoid.foot(0)));
        Vec3 rightFoot = tPose.position(male.skeleton().require(Humanoid.foot(1)));
        Vec3 between = new Vec3(0, 0, (leftFoot.z() + rightFoot.z()) / 2);
        Vec3 beside = new Vec3(-1.1, 0, between.z());
        int under = floorPixel(camera, between, mask);
        int side = floorPixel(camera, beside, mask);
        assertEquals(lit[side], shaded[side], "the ground beside the character changed with the shadow on");
        double underLuma = Frames.luma(shaded[under]);
        double sideLuma = Frames.luma(shaded[side]);
        // 10% less luma on sRGB levels is about 20% less light: a shadow anyone sees.
        assertTrue(underLuma < 0.9 * sideLuma, "between the feet " + Frames.hex(shaded[under]) + " (luma " + underLuma
                + ") is not clearly darker than beside them " + Frames.hex(shaded[side]) + " (" + sideLuma + ")");
        assertTrue(underLuma < 0.9 * Frames.luma(lit[under]), "between the feet with and without shadow: "
                + Frames.hex(shaded[under]) + " vs " + Frames.hex(lit[under]));

        // The head's shadow along the key light.
        View view = new View(camera, W, H);
        Vec3 head = tPose.position(male.skeleton().require(Humanoid.HEAD));
        Vec3 headShadow = head.minus(view.key.times(head.y() / view.key.y()));
        int cast = floorPixel(camera, headShadow, mask);
        assertTrue(Frames.luma(shaded[cast]) < 0.9 * Frames.luma(lit[cast]), "the head's shadow at " + headShadow + ": "
                + Frames.hex(shaded[cast]) + " vs " + Frames.hex(lit[cast]) + " without shadow");
    }

    /** Index of the pixel showing floor point {@code p}, which must not be covered by the character. */
    private static int floorPixel(Camera camera, Vec3 p, boolean[] mask) {
        double[] s = Frames.project(camera, W, H, p);
        int x = (int) Math.floor(s[0]);
        int y = (int) Math.floor(s[1]);
        assertTrue(x >= 0 && y >= 0 && x < W && y < H, p + " is off the frame at " + x + "," + y);
        assertFalse(mask[y * W + x], "floor point " + p + " at pixel " + x + "," + y + " is hidden by the character");
        return y * W + x;
    }

    /** shadow=0: everything outside the character's own pixel box is the bare backdrop; shadow=1 darkens some of it. */
    @Test
    void noShadowWhenShadowIsOff() {
        Camera camera = Camera.orbit(tPose.position(0), 20, 20, Camera.distanceToFit(2.6, FOV), FOV);
        for (RenderStyle.Backdrop b : RenderStyle.Backdrop.values()) {
            RenderStyle off = new RenderStyle(RenderStyle.DEFAULT_BACKGROUND_RGB, b, false);
            RenderStyle on = new RenderStyle(RenderStyle.DEFAULT_BACKGROUND_RGB, b, true);
            int[] bare = Frames.backdrop(camera, off, W, H);
            int[] withoutShadow = Frames.render(male, tPose, camera, off, W, H);
            int[] withShadow = Frames.render(male, tPose, camera, on, W, H);
            int[] box = restPoseBox(camera);
            int darkened = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    boolean outside = x < box[0] || x > box[2] || y < box[1] || y > box[3];
                    if (outside) {
                        assertEquals(bare[i], withoutShadow[i],
                                b + ": pixel " + x + "," + y + " outside the character changed with shadow=0");
                        if (withShadow[i] != bare[i]) {
                            assertTrue(Frames.luma(withShadow[i]) <= Frames.luma(bare[i]),
                                    b + ": the shadow brightened " + x + "," + y);
                            darkened++;
                        }
                    }
                }
            }
            assertTrue(darkened > 500, b + ": the shadow darkened only " + darkened + " pixels outside the character");
        }
    }

    /** Pixel box (x0, y0, x1, y1) of the T-pose's vertices (bind pose = rest pose), one pixel wider each way. */
    private static int[] restPoseBox(Camera camera) {
        double x0 = W, y0 = H, x1 = 0, y1 = 0;
        for (Mesh m : male.meshes()) {
            float[] p = m.positions();
            for (int v = 0; v < p.length; v += 3) {
                double[] s = Frames.project(camera, W, H, new Vec3(p[v], p[v + 1], p[v + 2]));
                x0 = Math.min(x0, s[0]);
                y0 = Math.min(y0, s[1]);
                x1 = Math.max(x1, s[0]);
                y1 = Math.max(y1, s[1]);
            }
        }
        return new int[] {(int) Math.floor(x0) - 1, (int) Math.floor(y0) - 1, (int) Math.ceil(x1) + 1, (int) Math.ceil(y1) + 1};
    }

    /** The left hand held in front of the chest shows over the (blue) suit from the front, and is hidden by the torso from behind. */
    @Test
    void nearSurfacesCoverFarOnes() {
        Pose pose = TestPoses.pose(male.skeleton(), TestPoses.handOnChest(), Vec3.ZERO);
        Vec3 wrist = pose.position(male.skeleton().require(Humanoid.hand(0)));
        Vec3 knuckles = pose.position(male.skeleton().require(Humanoid.finger(0, "Middle", 1)));
        Vec3 palm = wrist.lerp(knuckles, 0.5);
        Vec3 chest = pose.position(male.skeleton().require(Humanoid.SPINE2));
        assertTrue(palm.z() > chest.z() + 0.1 && Math.abs(palm.x() - chest.x()) < 0.2,
                "the test pose should put the hand in front of the chest: hand " + palm + ", chest " + chest);
        RenderStyle style = new RenderStyle(0xFFFFFF, RenderStyle.Backdrop.STUDIO, false);

        Camera fromFront = Camera.orbit(chest, 0, 0, 2.0, FOV);
        int[] front = Frames.render(male, pose, fromFront, style, W, H);
        int seen = front[pixel(fromFront, palm)];
        assertTrue(red(seen) > blue(seen) + 30, "from the front the hand (skin) should cover the suit, got " + Frames.hex(seen));

        Camera fromBack = Camera.orbit(chest, 180, 0, 2.0, FOV);
        int[] back = Frames.render(male, pose, fromBack, style, W, H);
        int hidden = back[pixel(fromBack, palm)];
        assertTrue(blue(hidden) > red(hidden), "from behind the torso (blue suit) should hide the hand, got " + Frames.hex(hidden));
    }

    private static int pixel(Camera camera, Vec3 p) {
        double[] s = Frames.project(camera, W, H, p);
        return (int) Math.floor(s[1]) * W + (int) Math.floor(s[0]);
    }

    private static int red(int argb) {
        return (argb >> 16) & 255;
    }

    private static int blue(int argb) {
        return argb & 255;
    }

    /** Twice with one renderer, with a fresh one, with 2 and 3 threads, and after another camera: the same bytes. */
    @Test
    void rendersAreByteIdentical() {
        Pose pose = TestPoses.pose(male.skeleton(), TestPoses.armsRaised(), Vec3.ZERO);
        Camera camera = Camera.orbit(pose.position(0), 30, 10, 3.5, FOV);
        Camera other = Camera.orbit(pose.position(0), -60, 30, 4, 50);
        RenderStyle style = RenderStyle.defaults();
        int[] first = new int[W * H];
        int[] again = new int[W * H];
        try (CharacterRenderer r = new CharacterRenderer(male, W, H, style)) {
            r.render(pose, camera, first);
            r.render(pose, camera, again);
            assertArrayEquals(first, again, "a second render with the same renderer");
            r.render(tPose, other, again);
            r.render(pose, camera, again);
            assertArrayEquals(first, again, "after a render with another pose and camera");
        }
        assertArrayEquals(first, Frames.render(male, pose, camera, style, W, H), "a fresh renderer");
        for (int threads : new int[] {2, 3}) {
            int[] parallel = new int[W * H];
            try (CharacterRenderer r = new CharacterRenderer(male, W, H, style, threads)) {
                r.render(pose, camera, parallel);
                r.render(pose, camera, parallel);
            }
            assertArrayEquals(first, parallel, threads + " threads");
        }
    }

    @Test
    void rejectsAPoseOfAnotherSkeletonAndAWronglySizedFrame() {
        Character withRoot = StockCharacters.create("male-normal", true);
        Pose other = TestPoses.tPose(withRoot);
        try (CharacterRenderer r = new CharacterRenderer(male, W, H, RenderStyle.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.render(other, front, new int[W * H]));
            assertTrue(e.getMessage().contains("66 joints") && e.getMessage().contains("65"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> r.render(tPose, front, new int[W * H - 1]));
            assertTrue(e.getMessage().contains("640x480"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new CharacterRenderer(male, 0, H, RenderStyle.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new Camera(Vec3.ZERO, Vec3.ZERO, Vec3.Y, FOV));
        assertThrows(IllegalArgumentException.class, () -> new Camera(Vec3.Y, Vec3.ZERO, Vec3.Y, FOV));
        assertThrows(IllegalArgumentException.class, () -> new Camera(Vec3.Z, Vec3.ZERO, Vec3.Y, 180));
    }
}
