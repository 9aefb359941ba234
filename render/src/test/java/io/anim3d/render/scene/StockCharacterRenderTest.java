package io.anim3d.render.scene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Vec3;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stock character renders in the T-pose (front, ground) and in a posed frame (three-quarter
 * view, studio), with a plausible share of the frame covered; the frames are written to
 * {@code render/target/render-previews/<name>-tpose.png} and {@code <name>-posed.png} for people
 * to look at.
 */
class StockCharacterRenderTest {
    private static final int W = 1280;
    private static final int H = 720;
    private static final double FOV = 40;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static java.util.List<String> names() {
        return StockCharacters.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersInTPoseAndPosed(String name) throws IOException {
        Character c = StockCharacters.create(name);
        Path dir = Previews.dir();

        Pose tPose = TestPoses.tPose(c);
        // Framed to the character's height, so the child fills the frame like the adults.
        double tall = tPose.position(c.skeleton().require(Humanoid.HEAD_TOP)).y();
        Camera front = Camera.orbit(tPose.position(0), 0, 5, Camera.distanceToFit(1.3 * tall, FOV), FOV);
        RenderStyle ground = RenderStyle.defaults();
        int[] t = Frames.render(c, tPose, front, ground, W, H);
        Previews.write(t, W, H, dir.resolve(name + "-tpose.png"));
        double tCover = coverage(c, tPose, front, ground);
        assertTrue(tCover > 0.03 && tCover < 0.35, name + ": the T-pose covers " + tCover + " of the frame");

        Pose posed = TestPoses.pose(c.skeleton(), TestPoses.armsRaised(), new Vec3(0.3, 0, 0.2));
        Vec3 hips = posed.position(0);
        Camera threeQuarter = Camera.orbit(new Vec3(hips.x(), hips.y() * 1.1, hips.z()), 30, 8,
                Camera.distanceToFit(1.45 * tall, FOV), FOV);
        RenderStyle studio = new RenderStyle(RenderStyle.DEFAULT_BACKGROUND_RGB, RenderStyle.Backdrop.STUDIO, true);
        int[] p = Frames.render(c, posed, threeQuarter, studio, W, H);
        Previews.write(p, W, H, dir.resolve(name + "-posed.png"));
        double pCover = coverage(c, posed, threeQuarter, studio);
        assertTrue(pCover > 0.02 && pCover < 0.35, name + ": the posed frame covers " + pCover + " of the frame");
    }

    private static double coverage(Character c, Pose pose, Camera camera, RenderStyle style) {
        RenderStyle noShadow = new RenderStyle(style.backgroundRgb(), style.backdrop(), false);
        return Frames.coverage(Frames.mask(Frames.render(c, pose, camera, noShadow, W, H), Frames.backdrop(camera, noShadow, W, H)));
    }
}
