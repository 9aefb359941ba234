package io.anim3d.formats.bvh;

import io.anim3d.formats.testutil.Blender;
import io.anim3d.formats.testutil.ExternalTool;
import io.anim3d.formats.testutil.MiniJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our writer's output for the standard humanoid, (a) without and (b) with the static Root, in a
 * hard synthetic motion: accepted by the strict bvh-check and by Blender's importer, Euler curves
 * continuous, and Blender's own evaluation of the imported armature lands every joint where our
 * forward kinematics puts it. Blender runs three times in all (two inspections, one batch).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BvhSyntheticTest {
    private static final int FRAMES = 240;
    private static final int[] BLENDER_FRAMES = {0, 10, 57, 123, 239};
    /** Blender keeps keyframes as float32; 0.1 mm is the bound. */
    private static final double BLENDER_TOLERANCE_METRES = 1e-4;
    /** Joints that are End Sites in the file (HeadTop_End, 10 finger tips, 2 toe ends). */
    private static final int LEAVES = 13;

    private Path dir;
    private Motion plain;
    private Motion withRoot;
    private Path plainFile;
    private Path rootFile;

    @BeforeAll
    void writeFiles(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        plain = SyntheticMotions.humanoid(false, false, FRAMES);
        // The solver's rootAtOrigin layout: Root static at the origin, Hips translating.
        withRoot = SyntheticMotions.humanoid(true, false, FRAMES);
        plainFile = dir.resolve("humanoid.bvh");
        rootFile = dir.resolve("humanoid_root.bvh");
        BvhWriter.write(plain, plainFile);
        BvhWriter.write(withRoot, rootFile);
    }

    @Test
    void strictCheckerAcceptsBothFiles() throws Exception {
        for (Path file : List.of(plainFile, rootFile)) {
            ExternalTool.Result r = ExternalTool.run(List.of(SharedTestData.tool("bvh-check").toString(), file.toString()),
                    Map.of(), dir, 60);
            assertEquals(0, r.exitCode(), file.getFileName() + " rejected by bvh-check: " + r.describe());
            Map<String, Object> json = MiniJson.object(r.stdout());
            int joints = file == plainFile ? Humanoid.JOINT_COUNT : Humanoid.JOINT_COUNT + 1;
            assertEquals(Boolean.TRUE, json.get("valid"), file.getFileName() + ": " + r.stdout());
            assertEquals((double) FRAMES, json.get("frames"), file.getFileName() + ": frames");
            assertEquals((double) LEAVES, json.get("end_sites"), file.getFileName() + ": End Sites");
            assertEquals((double) (joints - LEAVES), json.get("joint_count"), file.getFileName()
                    + ": ROOT/JOINT count (joints less End Sites)");
            assertEquals(SyntheticMotions.FPS, (Double) json.get("fps"), 1e-6, file.getFileName() + ": fps");
            assertEquals(List.of(), json.get("warnings"), file.getFileName() + ": warnings");
        }
    }

    @Test
    void blenderImportsBothFilesWithEveryBoneAndFrame() throws Exception {
        for (Path file : List.of(plainFile, rootFile)) {
            ExternalTool.Result r = ExternalTool.run(List.of(SharedTestData.tool("blender-inspect").toString(),
                    "--require", "armature,action", file.toString()), Map.of(), dir, 300);
            assertEquals(0, r.exitCode(), file.getFileName() + " rejected by Blender: " + r.describe());
            Map<String, Object> json = MiniJson.object(r.stdout());
            int bones = (file == plainFile ? Humanoid.JOINT_COUNT : Humanoid.JOINT_COUNT + 1) - LEAVES;
            Map<?, ?> arm = (Map<?, ?>) ((List<?>) json.get("armatures")).get(0);
            assertEquals((double) bones, arm.get("bone_count"), file.getFileName() + ": Blender bones");
            Map<?, ?> action = (Map<?, ?>) ((List<?>) json.get("actions")).get(0);
            assertEquals(List.of(1.0, (double) FRAMES), action.get("frame_range"), file.getFileName()
                    + ": Blender frame range (frame 1 = our frame 0)");
            Map<?, ?> scene = (Map<?, ?>) json.get("scene");
            assertEquals(SyntheticMotions.FPS, (Double) scene.get("fps"), 1e-6, file.getFileName() + ": scene fps");
            assertEquals(List.of(), json.get("importer_errors"), file.getFileName() + ": importer errors");
        }
    }

    @Test
    void eulerCurvesNeverJumpMoreThan90Degrees() throws Exception {
        for (Path file : List.of(plainFile, rootFile)) {
            BvhFile bvh = BvhReader.read(file);
            double worst = 0;
            String where = "";
            for (BvhJoint j : bvh.joints()) {
                for (int i = 0; i < j.channels().size(); i++) {
                    if (!j.channels().get(i).isRotation()) {
                        continue;
                    }
                    int c = j.firstChannel() + i;
                    for (int f = 1; f < bvh.frameCount(); f++) {
                        double d = Math.abs(bvh.value(f, c) - bvh.value(f - 1, c));
                        if (d > worst) {
                            worst = d;
                            where = j.name() + " " + j.channels().get(i).fileName() + " frames " + (f - 1) + "→" + f;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "[bvh] %s: largest Euler step %.3f° (%s)%n", file.getFileName(), worst, where);
            assertTrue(worst <= 90, file.getFileName() + ": Euler channel jumps " + worst + "° at " + where);
        }
    }

    @Test
    void ourReaderGivesBackTheSamePositions() throws Exception {
        MotionComparison a = MotionComparison.of(plain, BvhReader.read(plainFile).toMotion(0.01), 0);
        assertTrue(a.maxErrorMetres() <= 1e-6, "humanoid.bvh: " + a.describe());
        // Root static at the origin and Hips translating comes back exactly, Root included.
        Motion back = BvhReader.read(rootFile).toMotion(0.01);
        MotionComparison b = MotionComparison.of(withRoot, back, 0);
        assertTrue(b.maxErrorMetres() <= 1e-6, "humanoid_root.bvh: " + b.describe());
        assertEquals(back.skeleton().require("Hips"), back.translatedJoint(), "the Hips carry the translation when read back");
        // A moving Root is written into the Hips: every joint but Root keeps its position.
        Motion moving = SyntheticMotions.humanoid(true, true, 60);
        MotionComparison c = MotionComparison.of(moving, BvhReader.read(new java.io.StringReader(BvhWriter.toString(moving)))
                .toMotion(0.01), 1);
        assertTrue(c.maxErrorMetres() <= 1e-6, "moving Root: " + c.describe());
        System.out.printf(Locale.ROOT, "[bvh] synthetic round trip: %s; static Root, moving Hips: %s; moving Root: %s%n",
                a.describe(), b.describe(), c.describe());
    }

    @Test
    void blenderPosesEveryJointWhereOurForwardKinematicsDoes() throws Exception {
        Path script = Path.of(BvhSyntheticTest.class.getResource("blender_bvh_positions.py").toURI());
        Path out = dir.resolve("blender_positions.json");
        StringBuilder frames = new StringBuilder();
        for (int f : BLENDER_FRAMES) {
            frames.append(frames.length() == 0 ? "" : ",").append(f);
        }
        ExternalTool.Result r = Blender.runScript(script, dir, List.of(out.toString(), frames.toString(),
                plainFile.toString(), rootFile.toString()));
        assertEquals(0, r.exitCode(), "Blender script failed: " + r.describe());
        Map<String, Object> json = MiniJson.object(Files.readString(out));
        List<?> files = (List<?>) json.get("files");
        double worstPlain = compareWithBlender(plain, (Map<?, ?>) files.get(0), false);
        double worstRoot = compareWithBlender(withRoot, (Map<?, ?>) files.get(1), true);
        System.out.printf(Locale.ROOT, "[bvh] Blender %s vs our FK at frames %s: max %.6f mm (humanoid), %.6f mm (with Root)%n",
                json.get("blender_version"), frames, worstPlain * 1000, worstRoot * 1000);
    }

    /** Largest distance between Blender's bone heads/tails and our FK; fails past the tolerance. */
    private double compareWithBlender(Motion motion, Map<?, ?> entry, boolean staticRoot) {
        Skeleton s = motion.skeleton();
        List<String> failures = new ArrayList<>();
        double worst = 0;
        List<?> frames = (List<?>) entry.get("frames");
        assertEquals(BLENDER_FRAMES.length, frames.size(), "frames reported by Blender");
        for (Object o : frames) {
            Map<?, ?> fr = (Map<?, ?>) o;
            int f = ((Double) fr.get("frame")).intValue();
            Map<?, ?> heads = (Map<?, ?>) fr.get("heads");
            Map<?, ?> tails = (Map<?, ?>) fr.get("tails");
            Vec3[] fk = motion.worldPositions(f);
            for (int j = 0; j < s.size(); j++) {
                boolean leaf = s.isLeaf(j);
                // an End Site is its parent bone's tail (each of our End Sites is an only child)
                List<?> p = (List<?>) (leaf ? tails.get(s.name(s.parent(j))) : heads.get(s.name(j)));
                if (p == null) {
                    failures.add("frame " + f + ": Blender has no bone for " + s.name(j));
                    continue;
                }
                Vec3 blender = new Vec3((Double) p.get(0), (Double) p.get(1), (Double) p.get(2));
                Vec3 expected = staticRoot && j == 0 ? Vec3.ZERO : fk[j];
                double d = blender.distance(expected);
                worst = Math.max(worst, d);
                if (d > BLENDER_TOLERANCE_METRES) {
                    failures.add(String.format(Locale.ROOT, "frame %d %s: Blender %s, ours %s, %.4f mm apart", f,
                            s.name(j), blender, expected, d * 1000));
                }
            }
        }
        assertTrue(failures.isEmpty(), entry.get("file") + ": " + failures.size() + " joints off, first: "
                + failures.subList(0, Math.min(5, failures.size())));
        return worst;
    }
}
