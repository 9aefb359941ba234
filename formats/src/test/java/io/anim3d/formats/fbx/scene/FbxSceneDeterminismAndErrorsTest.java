package io.anim3d.formats.fbx.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxProperty;
import io.anim3d.formats.fbx.FbxReader;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same input, same bytes; frame-rate enums; bad input refused with a message that says what to do; Euler conversion. */
class FbxSceneDeterminismAndErrorsTest {
    @Test
    void independentBuildsGiveIdenticalBytesInMemoryAndOnDisk(@TempDir Path dir) throws Exception {
        byte[] a = FbxSceneWriter.toBytes(SceneFixtures.character(Humanoid.standard()), SceneFixtures.motion(false, 60),
                FbxSceneOptions.defaults());
        byte[] b = FbxSceneWriter.toBytes(SceneFixtures.character(Humanoid.standard()), SceneFixtures.motion(false, 60),
                FbxSceneOptions.defaults());
        assertArrayEquals(a, b, "two builds of the same scene differ");
        Path file = dir.resolve("same.fbx");
        FbxSceneWriter.write(SceneFixtures.character(Humanoid.standard()), SceneFixtures.motion(false, 60), file);
        assertArrayEquals(a, Files.readAllBytes(file), "the file on disk differs from toBytes");
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "the atomic write left a temporary file behind");
        }
    }

    @Test
    void typicalCharacterWithTenSecondsOfMotionStaysSmall() throws Exception {
        Character c = SceneFixtures.character(Humanoid.standard());
        int size = FbxSceneWriter.toBytes(c, SceneFixtures.motion(false, 300), FbxSceneOptions.defaults()).length;
        int rest = FbxSceneWriter.toBytes(c, null, FbxSceneOptions.defaults()).length;
        // as the solver's output: every joint that has children rotates in every frame
        Motion.Builder all = Motion.builder(c.skeleton(), 30, 300);
        for (int f = 0; f < 300; f++) {
            for (int j = 0; j < c.skeleton().size(); j++) {
                if (!c.skeleton().isLeaf(j)) {
                    all.rotation(f, j, Quat.exp(new Vec3(0.3 * Math.sin(0.1 * f + j), 0.2 * Math.cos(0.07 * f + 2 * j), 0.1 * j / 65.0)));
                }
            }
            all.rootPosition(f, new Vec3(0, 0.95, 0.01 * f));
        }
        int full = FbxSceneWriter.toBytes(c, all.build(), FbxSceneOptions.defaults()).length;
        System.out.printf(Locale.ROOT, "[fbx] box figure (%d vertices, 65 joints), 300 frames: %d bytes with 17 rotated joints,"
                + " %d bytes with all 52 non-end joints rotated; %d bytes in the rest pose%n",
                c.meshes().stream().mapToInt(m -> m.vertexCount()).sum(), size, full, rest);
        assertTrue(full < 2_000_000, "300 frames of every joint take " + full + " bytes");
    }

    @Test
    void frameRatesMapToFbxTimeModes() throws Exception {
        for (Object[] e : new Object[][] {{30.0, 6}, {24.0, 11}, {25.0, 10}, {60.0, 3}, {29.97, 9}, {30 / 1.001, 9},
            {23.976, 13}, {59.94, 17}, {17.0, 14}, {12.5, 14}}) {
            double fps = (Double) e[0];
            Motion m = Motion.builder(Humanoid.standard(), fps, 3).rootPosition(1, new Vec3(0, 1, 0)).build();
            FbxDocument doc = FbxReader.standard().read(FbxSceneWriter.toBytes(SceneFixtures.character(Humanoid.standard()),
                    m, FbxSceneOptions.defaults()));
            Map<String, FbxNode> p = FbxSceneStructureTest.props(doc.node("GlobalSettings").orElseThrow());
            assertEquals(e[1], ((FbxProperty.Int32) p.get("TimeMode").property(4)).value(), fps + " fps TimeMode");
            assertEquals(fps, FbxSceneStructureTest.dbl(p.get("CustomFrameRate"), 4), fps + " fps CustomFrameRate");
            assertEquals(Math.round(2 / fps * 46_186_158_000L), FbxSceneStructureTest.lng(p.get("TimeSpanStop"), 4),
                    fps + " fps TimeSpanStop");
        }
    }

    @Test
    void motionOnAnotherSkeletonIsRefusedNamingTheProblem() {
        Character plain = SceneFixtures.character(Humanoid.standard());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FbxSceneWriter.scene(plain, SceneFixtures.motion(true, 5), FbxSceneOptions.defaults()));
        assertTrue(e.getMessage().contains("66 joints") && e.getMessage().contains("retarget"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FbxSceneOptions.defaults().withAnimationName("a|b"));
        assertThrows(IllegalArgumentException.class, () -> FbxSceneOptions.defaults().withAnimationName(""));
        assertThrows(IllegalArgumentException.class, () -> new FbxSceneOptions("mocap", "", true));
    }

    @Test
    void eulerXyzGivesBackRandomRotationsAndStaysContinuousThroughGimbalLock() {
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Quat q = new Quat(r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalized();
            double[] e = new EulerXyz().next(q);
            double angle = EulerXyz.toQuat(e[0], e[1], e[2]).angleTo(q);
            assertTrue(angle < 1e-9, "random rotation " + i + " " + q + " comes back " + angle + " rad off");
        }
        // exactly at ±90° about Y (gimbal lock), after some X and Z
        for (double y : new double[] {Math.PI / 2, -Math.PI / 2}) {
            Quat q = EulerXyz.toQuat(0.3, y, -0.7);
            EulerXyz euler = new EulerXyz();
            euler.next(EulerXyz.toQuat(0.3, y * 0.9, -0.7));
            double[] e = euler.next(q);
            assertTrue(EulerXyz.toQuat(e[0], e[1], e[2]).angleTo(q) < 1e-9, "gimbal lock at y = " + y);
            assertEquals(0.3, e[0], 1e-9, "gimbal lock keeps the previous X at y = " + y);
        }
        // two full turns about X: the angle keeps growing instead of wrapping at ±180°
        EulerXyz euler = new EulerXyz();
        double[] last = null;
        for (int f = 0; f <= 720; f += 5) {
            last = euler.next(Quat.axisAngle(Vec3.X, Math.toRadians(f)));
        }
        assertEquals(720, Math.toDegrees(last[0]), 1e-6, "X after two full turns");
    }
}
