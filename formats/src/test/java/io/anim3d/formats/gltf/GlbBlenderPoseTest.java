package io.anim3d.formats.gltf;

import io.anim3d.formats.testutil.Blender;
import io.anim3d.formats.testutil.ExternalTool;
import io.anim3d.formats.testutil.MiniJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The animation survives the trip through Blender's glTF importer: one Blender run imports the
 * three fixture files, and at several frames every bone head lands where our forward kinematics
 * puts the joint, and every skinned, shape-keyed mesh has the centroid and bounding box our own
 * linear-blend skinning predicts, within 1 mm.
 */
class GlbBlenderPoseTest {
    private static final int[] FRAMES = {0, 23, 59};
    private static final double TOLERANCE_METRES = 1e-3;

    @Test
    void blenderPosesBonesAndSkinnedMeshesAsOurForwardKinematics(@TempDir Path dir) throws Exception {
        GlbFixtures files = GlbFixtures.write(dir);
        Path script = Path.of(GlbBlenderPoseTest.class.getResource("blender_glb_pose.py").toURI());
        Path out = dir.resolve("blender_pose.json");
        StringBuilder frames = new StringBuilder();
        for (int f : FRAMES) {
            frames.append(frames.length() == 0 ? "" : ",").append(f);
        }
        ExternalTool.Result r = Blender.runScript(script, dir, List.of(out.toString(), frames.toString(),
                files.plain().toString(), files.root().toString(), files.restPose().toString()));
        assertEquals(0, r.exitCode(), "Blender script failed: " + r.describe());
        Map<String, Object> json = MiniJson.object(Files.readString(out));
        List<?> results = (List<?>) json.get("files");
        assertEquals(3, results.size(), "files Blender reported");
        List<String> failures = new ArrayList<>();
        double[] worst = new double[2];
        compare(files.plainCharacter(), files.plainMotion(), GlbFixtures.MORPH_OPTIONS.morphWeights(),
                (Map<?, ?>) results.get(0), failures, worst);
        compare(files.rootCharacter(), files.rootMotion(), Map.of(), (Map<?, ?>) results.get(1), failures, worst);
        compare(files.plainCharacter(), null, Map.of(), (Map<?, ?>) results.get(2), failures, worst);
        System.out.printf(Locale.ROOT, "[glb] Blender %s vs our FK at frames %s: bone heads max %.4f mm, skinned mesh "
                + "centroid/bounds max %.4f mm%n", json.get("blender_version"), frames, worst[0] * 1000, worst[1] * 1000);
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.subList(0, Math.min(8, failures.size())));
    }

    /** worst[0]: bone heads, worst[1]: mesh statistics. */
    private static void compare(Character c, Motion motion, Map<String, float[]> weights, Map<?, ?> entry,
                                List<String> failures, double[] worst) {
        Skeleton s = c.skeleton();
        String file = Path.of((String) entry.get("file")).getFileName().toString();
        for (Object o : (List<?>) entry.get("frames")) {
            Map<?, ?> fr = (Map<?, ?>) o;
            int f = ((Double) fr.get("frame")).intValue();
            Map<?, ?> heads = (Map<?, ?>) fr.get("heads");
            assertEquals(s.size(), heads.size(), file + " frame " + f + ": Blender bones");
            Vec3[] expected = motion == null ? s.restPositions() : motion.worldPositions(f);
            for (int j = 0; j < s.size(); j++) {
                List<?> p = (List<?>) heads.get(s.name(j));
                if (p == null) {
                    failures.add(file + ": Blender has no bone " + s.name(j));
                    continue;
                }
                double d = vec(p).distance(expected[j]);
                worst[0] = Math.max(worst[0], d);
                if (d > TOLERANCE_METRES) {
                    failures.add(String.format(Locale.ROOT, "%s frame %d bone %s: Blender %s, ours %s, %.3f mm apart", file, f,
                            s.name(j), vec(p), expected[j], d * 1000));
                }
            }
            Map<?, ?> meshes = (Map<?, ?>) fr.get("meshes");
            assertEquals(c.meshes().size(), meshes.size(), file + " frame " + f + ": Blender mesh objects " + meshes.keySet());
            for (int m = 0; m < c.meshes().size(); m++) {
                Mesh mesh = c.meshes().get(m);
                Map<?, ?> got = (Map<?, ?>) meshes.get(mesh.name()); // Blender mesh data name = glTF mesh name
                if (got == null) {
                    failures.add(file + ": Blender has no mesh " + mesh.name() + " (has " + meshes.keySet() + ")");
                    continue;
                }
                ExpectedSkinning.Stats want = ExpectedSkinning.posed(c, mesh, motion, f, weights);
                assertEquals((double) want.vertices(), got.get("vertices"), file + " " + mesh.name() + ": vertices");
                for (String key : List.of("centroid", "min", "max")) {
                    Vec3 ours = key.equals("centroid") ? want.centroid() : key.equals("min") ? want.min() : want.max();
                    double d = vec((List<?>) got.get(key)).distance(ours);
                    worst[1] = Math.max(worst[1], d);
                    if (d > TOLERANCE_METRES) {
                        failures.add(String.format(Locale.ROOT, "%s frame %d mesh %s %s: Blender %s, ours %s, %.3f mm apart",
                                file, f, mesh.name(), key, vec((List<?>) got.get(key)), ours, d * 1000));
                    }
                }
            }
        }
    }

    private static Vec3 vec(List<?> p) {
        return new Vec3((Double) p.get(0), (Double) p.get(1), (Double) p.get(2));
    }
}
