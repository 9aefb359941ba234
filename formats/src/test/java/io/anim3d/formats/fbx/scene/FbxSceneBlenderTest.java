package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.testutil.ExternalTool;
import io.anim3d.formats.testutil.MiniJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
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
 * Blender's own FBX importer accepts our files without a single warning (blender-inspect with
 * --strict-fbx), finds every bone, both skinned meshes with their vertex groups and shape keys,
 * and the action over the motion's frames; and, in one more Blender run, poses every bone head
 * and every skinned mesh where our forward kinematics and linear-blend skinning put them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FbxSceneBlenderTest {
    private static final int[] FRAMES = {0, 23, 59};
    private static final double TOLERANCE_METRES = 1e-3;

    private Path dir;
    private SceneFiles files;

    @BeforeAll
    void writeFiles(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        files = SceneFiles.write(dir);
    }

    @Test
    void blenderInspectImportsEveryFileWithoutWarnings() throws Exception {
        record Case(Path file, Character character, boolean animated) {
        }
        for (Case c : List.of(new Case(files.plain(), files.plainCharacter(), true),
                new Case(files.root(), files.rootCharacter(), true), new Case(files.rest(), files.plainCharacter(), false))) {
            String name = c.file().getFileName().toString();
            ExternalTool.Result r = BlenderRun.validator("blender-inspect", dir, "--strict-fbx", "--require",
                    c.animated() ? "armature,mesh,skin,action,shapekeys" : "armature,mesh,skin,shapekeys", c.file().toString());
            assertEquals(0, r.exitCode(), name + " rejected by Blender: " + r.describe());
            Map<String, Object> json = MiniJson.object(r.stdout());
            assertEquals(List.of(), json.get("importer_warnings"), name + ": importer warnings");
            assertEquals(List.of(), json.get("importer_errors"), name + ": importer errors");
            Map<?, ?> arm = (Map<?, ?>) ((List<?>) json.get("armatures")).get(0);
            int joints = c.character().skeleton().size();
            assertEquals((double) joints, arm.get("bone_count"), name + ": Blender bones (every joint, end joints included)");
            List<?> meshes = (List<?>) json.get("meshes");
            assertEquals(c.character().meshes().size(), meshes.size(), name + ": mesh objects");
            for (Mesh m : c.character().meshes()) {
                Map<?, ?> bm = meshes.stream().map(o -> (Map<?, ?>) o).filter(o -> m.name().equals(o.get("object")))
                        .findFirst().orElseThrow(() -> new AssertionError(name + ": no mesh object " + m.name() + " in " + meshes));
                assertEquals((double) m.vertexCount(), bm.get("vertices"), name + " " + m.name() + ": vertices");
                assertEquals((double) m.triangleCount(), bm.get("faces"), name + " " + m.name() + ": faces");
                assertEquals((double) m.vertexCount(), bm.get("weighted_vertices"), name + " " + m.name() + ": weighted vertices");
                assertEquals(2.0, bm.get("max_influences"), name + " " + m.name() + ": influences per vertex");
                assertEquals(1.0, bm.get("materials"), name + " " + m.name() + ": materials");
                assertEquals(m.uvs() == null ? 0.0 : 1.0, bm.get("uv_layers"), name + " " + m.name() + ": UV layers");
                List<String> keys = new ArrayList<>();
                if (!m.morphs().isEmpty()) {
                    keys.add("Basis");
                    m.morphs().forEach(t -> keys.add(t.name()));
                }
                assertEquals(keys, bm.get("shape_keys"), name + " " + m.name() + ": shape keys");
            }
            Map<?, ?> scene = (Map<?, ?>) json.get("scene");
            assertEquals(SceneFixtures.FPS, (Double) scene.get("fps"), 1e-6, name + ": scene fps");
            if (c.animated()) {
                Map<?, ?> action = ((List<?>) json.get("actions")).stream().map(a -> (Map<?, ?>) a)
                        .filter(a -> (Double) a.get("bones_animated") > 0).findFirst()
                        .orElseThrow(() -> new AssertionError(name + ": no action animates a bone: " + json.get("actions")));
                assertEquals((double) SceneFixtures.ROTATED.size(), action.get("bones_animated"), name + ": animated bones");
                assertEquals(List.of(1.0, (double) SceneFixtures.FRAMES), action.get("frame_range"),
                        name + ": action frame range (KTime 0 = Blender frame 1)");
                assertTrue(((String) action.get("name")).endsWith("|mocap"), name + ": action name " + action.get("name"));
            }
            System.out.printf(Locale.ROOT, "[fbx] blender-inspect %s: valid, %s bones, meshes %s, actions %s, warnings %s%n",
                    name, arm.get("bone_count"), meshes.stream().map(o -> ((Map<?, ?>) o).get("object") + "="
                            + ((Map<?, ?>) o).get("vertices")).toList(),
                    ((List<?>) json.get("actions")).stream().map(o -> ((Map<?, ?>) o).get("name") + " "
                            + ((Map<?, ?>) o).get("frame_range")).toList(), json.get("importer_warnings"));
        }
    }

    @Test
    void blenderPosesBonesAndSkinnedMeshesAsOurForwardKinematics() throws Exception {
        Path out = dir.resolve("blender_pose.json");
        StringBuilder frames = new StringBuilder();
        for (int f : FRAMES) {
            frames.append(frames.length() == 0 ? "" : ",").append(f);
        }
        ExternalTool.Result r = BlenderRun.script("blender_fbx_pose.py", dir, List.of(out.toString(), frames.toString(),
                files.plain().toString(), files.root().toString()));
        assertEquals(0, r.exitCode(), "Blender script failed: " + r.describe());
        Map<String, Object> json = MiniJson.object(Files.readString(out));
        List<?> entries = (List<?>) json.get("files");
        double[] plain = compare(files.plainCharacter(), files.plainMotion(), (Map<?, ?>) entries.get(0));
        double[] root = compare(files.rootCharacter(), files.rootMotion(), (Map<?, ?>) entries.get(1));
        System.out.printf(Locale.ROOT, "[fbx] Blender %s vs our FK at frames %s: bone heads max %.4f mm / %.4f mm (with Root),"
                        + " skinned mesh centroids max %.4f mm / %.4f mm%n", json.get("blender_version"), frames,
                plain[0] * 1000, root[0] * 1000, plain[1] * 1000, root[1] * 1000);
    }

    /** Largest bone-head and mesh-centroid distances (metres); fails past the tolerance, naming the joint and frame. */
    private static double[] compare(Character character, Motion motion, Map<?, ?> entry) {
        Skeleton s = motion.skeleton();
        List<String> failures = new ArrayList<>();
        double worstHead = 0;
        double worstMesh = 0;
        assertEquals(SceneFixtures.FPS, (Double) entry.get("fps"), 1e-6, entry.get("file") + ": Blender scene fps");
        for (Object o : (List<?>) entry.get("frames")) {
            Map<?, ?> fr = (Map<?, ?>) o;
            int f = ((Double) fr.get("frame")).intValue();
            Map<?, ?> heads = (Map<?, ?>) fr.get("heads");
            Pose pose = motion.worldTransforms(f);
            for (int j = 0; j < s.size(); j++) {
                List<?> p = (List<?>) heads.get(s.name(j));
                if (p == null) {
                    failures.add("frame " + f + ": Blender has no bone " + s.name(j));
                    continue;
                }
                Vec3 blender = fromBlender(p);
                double d = blender.distance(pose.position(j));
                worstHead = Math.max(worstHead, d);
                if (d > TOLERANCE_METRES) {
                    failures.add(String.format(Locale.ROOT, "frame %d %s: Blender %s, ours %s, %.3f mm apart", f, s.name(j),
                            blender, pose.position(j), d * 1000));
                }
            }
            Map<?, ?> meshes = (Map<?, ?>) fr.get("meshes");
            for (Mesh m : character.meshes()) {
                Map<?, ?> bm = (Map<?, ?>) meshes.get(m.name());
                if (bm == null) {
                    failures.add("frame " + f + ": Blender has no mesh " + m.name() + " in " + meshes.keySet());
                    continue;
                }
                Vec3 blender = fromBlender((List<?>) bm.get("centroid"));
                Vec3 ours = skinnedCentroid(m, s, pose);
                double d = blender.distance(ours);
                worstMesh = Math.max(worstMesh, d);
                if (d > TOLERANCE_METRES) {
                    failures.add(String.format(Locale.ROOT, "frame %d mesh %s centroid: Blender %s, ours %s, %.3f mm apart", f,
                            m.name(), blender, ours, d * 1000));
                }
            }
        }
        assertTrue(failures.isEmpty(), entry.get("file") + ": " + failures.size() + " mismatches, first: "
                + failures.subList(0, Math.min(5, failures.size())));
        return new double[] {worstHead, worstMesh};
    }

    /** Blender's importer turns our Y up into its Z up (ours = (bx, bz, −by)) and applies UnitScaleFactor (cm → m). */
    private static Vec3 fromBlender(List<?> p) {
        return new Vec3((Double) p.get(0), (Double) p.get(2), -(Double) p.get(1));
    }

    /** Linear-blend skinning with zero rest rotations: v' = Σ w (R_j (v − rest_j) + p_j), averaged over vertices. */
    private static Vec3 skinnedCentroid(Mesh m, Skeleton s, Pose pose) {
        Vec3[] rest = s.restPositions();
        float[] pos = m.positions();
        int[] js = m.joints();
        float[] ws = m.weights();
        Vec3 sum = Vec3.ZERO;
        for (int v = 0; v < m.vertexCount(); v++) {
            Vec3 p = new Vec3(pos[3 * v], pos[3 * v + 1], pos[3 * v + 2]);
            Vec3 out = Vec3.ZERO;
            for (int k = 0; k < Mesh.INFLUENCES; k++) {
                float w = ws[4 * v + k];
                if (w > 0) {
                    int j = js[4 * v + k];
                    out = out.plus(pose.rotation(j).rotate(p.minus(rest[j])).plus(pose.position(j)).times(w));
                }
            }
            sum = sum.plus(out);
        }
        return sum.times(1.0 / m.vertexCount());
    }
}
