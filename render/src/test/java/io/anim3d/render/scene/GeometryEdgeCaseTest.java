package io.anim3d.render.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Material;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Geometry the stock characters do not exercise: triangles crossing the near plane, degenerate
 * triangles, a camera inside the character, textures.
 */
class GeometryEdgeCaseTest {
    private static final int W = 320;
    private static final int H = 240;
    private static final RenderStyle PLAIN = new RenderStyle(0x000000, RenderStyle.Backdrop.GROUND, false);
    /** Level camera at eye height 1 m looking along −Z: the top half of the frame is sky. */
    private static final Camera LEVEL = new Camera(new Vec3(0, 1, 3), new Vec3(0, 1, 0), Vec3.Y, 60);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A one-joint character holding one mesh (vertices × 3, triangles counter-clockwise seen from outside). */
    private static Character single(float[] positions, float[] normals, float[] uvs, int[] triangles, Material material) {
        Skeleton s = new Skeleton(List.of("Root"), new int[] {-1}, List.of(Vec3.ZERO));
        int n = positions.length / 3;
        float[] weights = new float[4 * n];
        for (int v = 0; v < n; v++) {
            weights[4 * v] = 1;
        }
        Mesh mesh = new Mesh("Test", positions, normals, uvs, triangles, new int[4 * n], weights, 0, List.of());
        return new Character("test", s, List.of(mesh), List.of(material), Map.of());
    }

    private static Pose identity(Character c) {
        return Pose.of(c.skeleton(), new Quat[] {Quat.IDENTITY}, Vec3.ZERO);
    }

    private static Material red() {
        return new Material("Red", new float[] {0.8f, 0.02f, 0.02f, 1}, 0.9f, null);
    }

    /**
     * A long triangle lying 0.5 m below the eye, from 2 m in front of the target to 7 m behind the
     * eye: it crosses the near plane, so only its clipped front part is drawn, filling the lower
     * middle of the frame; a zero-area triangle (a repeated vertex) and a sliver of collinear
     * points draw nothing and do not fail.
     */
    @Test
    void clipsTrianglesCrossingTheNearPlaneAndSkipsDegenerateOnes() {
        float[] pos = {
            -1, 0.5f, -2, 0, 0.5f, 10, 1, 0.5f, -2,
            0, 1, 0, 0, 1, 0, 0.2f, 1.2f, 0,
            -0.5f, 1.5f, 0, 0, 1.5f, 0, 0.5f, 1.5f, 0};
        float[] normals = new float[pos.length];
        for (int v = 0; v < pos.length / 3; v++) {
            normals[3 * v + 1] = v < 3 ? 1 : 0;
            normals[3 * v + 2] = v < 3 ? 0 : 1;
        }
        Character c = single(pos, normals, null, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, red());
        int[] px = Frames.render(c, identity(c), LEVEL, PLAIN, W, H);
        int covered = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = px[y * W + x];
                int red = (p >> 16) & 255;
                boolean redPixel = red > 60 && red > 2 * (p & 255) && red > 2 * ((p >> 8) & 255);
                if (y < H / 2) {
                    assertTrue(!redPixel, "pixel " + x + "," + y + " above the horizon is red: " + Frames.hex(p));
                } else if (redPixel) {
                    covered++;
                }
            }
        }
        // The bottom-centre pixel looks at (0, 0.5, ~2.2): on the triangle, which reaches behind the eye.
        int bottomCentre = px[(H - 1) * W + W / 2];
        assertTrue(((bottomCentre >> 16) & 255) > 60, "bottom centre shows the clipped triangle: " + Frames.hex(bottomCentre));
        assertTrue(covered > W * H / 10, "the clipped triangle covers only " + covered + " pixels");
    }

    @Test
    void aCameraInsideTheCharacterOrBehindItRendersWithoutFailing() {
        Character c = StockCharacters.create("male-fat");
        Pose pose = TestPoses.tPose(c);
        Vec3 chest = pose.position(c.skeleton().require(Humanoid.SPINE1));
        Vec3 head = pose.position(c.skeleton().require(Humanoid.HEAD));
        int[] px = new int[W * H];
        try (CharacterRenderer r = new CharacterRenderer(c, W, H, RenderStyle.defaults())) {
            r.render(pose, new Camera(chest, chest.plus(new Vec3(0, 0, 1)), Vec3.Y, 90), px);
            r.render(pose, new Camera(head, head.plus(new Vec3(0.3, -1, 0.2)), Vec3.Y, 120), px);
            r.render(pose, new Camera(new Vec3(0, 1, -3), chest, Vec3.Y, 40), px);
            // Looking straight down from above needs an up vector that is not vertical.
            r.render(pose, new Camera(new Vec3(0, 4, 0), Vec3.ZERO, Vec3.Z.times(-1), 40), px);
            // From below the floor: no floor, the character against the background.
            r.render(pose, new Camera(new Vec3(0, -1, 3), chest, Vec3.Y, 40), px);
        }
        assertEquals(0xFF000000 | RenderStyle.DEFAULT_BACKGROUND_RGB, px[0], "seen from below the floor the corner is the background");
    }

    /** A square with a texture whose left half is red and right half blue: each half shows its colour, base colour white. */
    @Test
    void texturedMaterialsShowTheirTexture() throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, x < 4 ? 0xE01010 : 0x1010E0);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Material textured = new Material("Painted", new float[] {1, 1, 1, 1}, 1f, png.toByteArray());
        float[] pos = {-0.5f, 0.5f, 0, 0.5f, 0.5f, 0, 0.5f, 1.5f, 0, -0.5f, 1.5f, 0};
        float[] normals = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
        float[] uvs = {0, 1, 1, 1, 1, 0, 0, 0};
        Character c = single(pos, normals, uvs, new int[] {0, 1, 2, 0, 2, 3}, textured);
        // Seen at an angle, so perspective-correct interpolation matters.
        Camera oblique = new Camera(new Vec3(1.2, 1, 1.5), new Vec3(0, 1, 0), Vec3.Y, 50);
        int[] px = Frames.render(c, identity(c), oblique, PLAIN, W, H);
        Vec3 leftQuarter = new Vec3(-0.25, 1, 0);
        Vec3 rightQuarter = new Vec3(0.25, 1, 0);
        int l = px[pixel(oblique, leftQuarter)];
        int r = px[pixel(oblique, rightQuarter)];
        assertTrue(((l >> 16) & 255) > 3 * (l & 255), "left half should be red, got " + Frames.hex(l));
        assertTrue((r & 255) > 3 * ((r >> 16) & 255), "right half should be blue, got " + Frames.hex(r));
        // Just either side of the seam at u = 0.5 (x = 0): a wrong (affine) interpolation would shift it sideways.
        int justLeft = px[pixel(oblique, new Vec3(-0.04, 1, 0))];
        int justRight = px[pixel(oblique, new Vec3(0.04, 1, 0))];
        assertTrue(((justLeft >> 16) & 255) > (justLeft & 255), "left of the seam: " + Frames.hex(justLeft));
        assertTrue((justRight & 255) > ((justRight >> 16) & 255), "right of the seam: " + Frames.hex(justRight));
    }

    private static int pixel(Camera camera, Vec3 p) {
        double[] s = Frames.project(camera, W, H, p);
        return (int) Math.floor(s[1]) * W + (int) Math.floor(s[0]);
    }
}
