package io.anim3d.render.scene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.read.FbxCharacterReader;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A character read from a third-party FBX file (Maya's Kenney character: another skeleton,
 * proportions and mesh layout than the stock ones; the Human IK sample has no mesh) renders in
 * its bind pose, framed on its mesh, with a plausible coverage; the preview goes to
 * {@code render/target/render-previews/imported-<file>.png}.
 */
class ImportedCharacterRenderTest {
    private static final int W = 960;
    private static final int H = 720;
    private static final double FOV = 40;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"maya_kenney_character_7700_binary.fbx"})
    void rendersInItsBindPose(String file) throws IOException {
        Character c = FbxCharacterReader.read(SharedTestData.testdata("characters/fbx/" + file));
        Quat[] identity = new Quat[c.skeleton().size()];
        java.util.Arrays.fill(identity, Quat.IDENTITY);
        Pose bind = Pose.of(c.skeleton(), identity, c.skeleton().offset(0));
        double[] box = bounds(c);
        Vec3 centre = new Vec3((box[0] + box[3]) / 2, (box[1] + box[4]) / 2, (box[2] + box[5]) / 2);
        double size = Math.max(box[4] - box[1], Math.max(box[3] - box[0], box[5] - box[2]));
        Camera camera = Camera.orbit(centre, 25, 10, Camera.distanceToFit(1.3 * size, FOV), FOV);
        RenderStyle style = RenderStyle.defaults();
        int[] px = Frames.render(c, bind, camera, style, W, H);
        Previews.write(px, W, H, Previews.dir().resolve("imported-" + file.replace(".fbx", ".png")));
        RenderStyle noShadow = new RenderStyle(style.backgroundRgb(), style.backdrop(), false);
        double cover = Frames.coverage(Frames.mask(Frames.render(c, bind, camera, noShadow, W, H),
                Frames.backdrop(camera, noShadow, W, H)));
        assertTrue(cover > 0.03 && cover < 0.6, file + ": the character covers " + cover + " of the frame");
    }

    /** min x, y, z, max x, y, z of every bind-pose vertex, metres. */
    private static double[] bounds(Character c) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Mesh m : c.meshes()) {
            float[] p = m.positions();
            for (int i = 0; i < p.length; i++) {
                b[i % 3] = Math.min(b[i % 3], p[i]);
                b[3 + i % 3] = Math.max(b[3 + i % 3], p[i]);
            }
        }
        return b;
    }
}
