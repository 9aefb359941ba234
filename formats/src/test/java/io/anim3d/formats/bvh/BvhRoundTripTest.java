package io.anim3d.formats.bvh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Motion;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance test: real third-party BVH files (CMU 31 joints at 120 Hz with other rotation
 * orders, a Mixamo-named file, a MocapBank file) read → Motion → written by us (ZXY) → read back
 * land every joint, End Sites included, within 0.01 mm of the original on every frame.
 */
class BvhRoundTripTest {
    private static final double TOLERANCE_METRES = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"01_01.bvh", "01_03.bvh", "test_freebvh.bvh", "test_mocapbank.bvh"})
    void realFileSurvivesOurWriterOnEveryFrame(String name) throws IOException {
        Path path = SharedTestData.testdata("mocap_bvh/" + name);
        BvhFile original = BvhReader.read(path);
        Motion motion = original.toMotion(0.01);
        String text = BvhWriter.toString(motion);
        BvhFile written = BvhReader.read(new StringReader(text));
        Motion back = written.toMotion(0.01);

        assertEquals(original.frameCount(), written.frameCount(), name + ": frame count");
        assertEquals(original.joints().size(), written.joints().size(), name + ": joints, End Sites included");
        for (int j = 0; j < original.joints().size(); j++) {
            BvhJoint o = original.joints().get(j);
            BvhJoint w = written.joints().get(j);
            assertEquals(o.endSite(), w.endSite(), name + ": joint " + j + " End Site");
            assertEquals(o.parent(), w.parent(), name + ": joint " + j + " parent");
            if (!o.endSite()) {
                assertEquals(o.name(), w.name(), name + ": joint " + j + " name");
            }
        }
        assertEquals(motion.frameRate(), back.frameRate(), motion.frameRate() * 1e-9, name + ": frame rate");
        MotionComparison c = MotionComparison.of(motion, back, 0);
        System.out.printf(Locale.ROOT, "[bvh] %s: %d joints, %d frames at %.4f fps: %s%n", name,
                motion.skeleton().size(), motion.frameCount(), motion.frameRate(), c.describe());
        assertTrue(c.maxErrorMetres() <= TOLERANCE_METRES, name + ": " + c.describe() + " > 0.01 mm");
    }
}
