package io.anim3d.formats.gltf;

import io.anim3d.formats.testutil.ExternalTool;
import io.anim3d.formats.testutil.MiniJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anim3d.motion.Humanoid;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our GLB files as three independent readers see them: the Khronos glTF-Validator (no errors, no
 * warnings), assimp (imports, with every bone and the animation) and Blender's glTF importer
 * (armature, skinned mesh, action and shape keys; no importer warnings; bone count, action
 * length, vertex count). Blender runs twice here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlbThirdPartyReadersTest {
    private Path dir;
    private GlbFixtures files;

    @BeforeAll
    void writeFiles(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        files = GlbFixtures.write(dir);
    }

    private int vertices(Path file) {
        return (file == files.root() ? files.rootCharacter() : files.plainCharacter()).meshes().stream()
                .mapToInt(m -> m.vertexCount()).sum();
    }

    @Test
    void khronosValidatorFindsNoErrorsAndNoWarnings() throws Exception {
        for (Path file : List.of(files.plain(), files.root(), files.restPose())) {
            ExternalTool.Result r = ExternalTool.run(List.of(SharedTestData.tool("gltf-validate").toString(),
                    "--max-warnings", "0", file.toString()), Map.of(), dir, 120);
            assertEquals(0, r.exitCode(), file.getFileName() + " rejected by the Khronos validator: " + r.describe());
            Map<String, Object> json = MiniJson.object(r.stdout());
            assertEquals(0.0, json.get("numErrors"), file.getFileName() + ": errors " + json.get("first_errors"));
            assertEquals(0.0, json.get("numWarnings"), file.getFileName() + ": warnings " + json.get("first_warnings"));
            Map<?, ?> info = (Map<?, ?>) json.get("info");
            assertEquals(Boolean.TRUE, info.get("hasSkins"), file.getFileName() + ": hasSkins");
            assertEquals(Boolean.TRUE, info.get("hasMorphTargets"), file.getFileName() + ": hasMorphTargets");
            assertEquals(file == files.restPose() ? 0.0 : 1.0, info.get("animationCount"), file.getFileName() + ": animations");
            assertEquals((double) vertices(file), info.get("totalVertexCount"), file.getFileName() + ": vertices");
            System.out.printf(Locale.ROOT, "[glb] gltf-validate %s (%d bytes): %s errors, %s warnings, %s infos %s, %s hints%n",
                    file.getFileName(), Files.size(file), json.get("numErrors"), json.get("numWarnings"), json.get("numInfos"),
                    json.get("first_infos"), json.get("numHints"));
        }
    }

    @Test
    void assimpImportsEveryFile() throws Exception {
        for (Path file : List.of(files.plain(), files.root(), files.restPose())) {
            ExternalTool.Result r = ExternalTool.run(List.of(SharedTestData.tool("assimp-inspect").toString(),
                    file.toString()), Map.of(), dir, 120);
            assertEquals(0, r.exitCode(), file.getFileName() + " rejected by assimp: " + r.describe());
            Map<String, Object> json = MiniJson.object(r.stdout());
            // assimp gives each skin joint that weights no vertex of a mesh one dummy 0 weight, then
            // warns about it (glTF2Importer.cpp); any other warning is ours to fix
            for (Object w : (List<?>) json.get("log_warnings")) {
                assertEquals("Warn: Validation warning: aiBone::mWeights[#].mWeight has an invalid value", w,
                        file.getFileName() + ": unexpected assimp warning");
            }
            List<?> anims = (List<?>) json.get("animations");
            assertEquals(file == files.restPose() ? 0 : 1, anims == null ? 0 : anims.size(), file.getFileName() + ": animations");
            int joints = file == files.root() ? Humanoid.JOINT_COUNT + 1 : Humanoid.JOINT_COUNT;
            assertEquals((double) joints, json.get("bone_count"), file.getFileName() + ": assimp bones");
            System.out.printf(Locale.ROOT, "[glb] assimp-inspect %s: bones %s, nodes %s, meshes %s, animations %s, warnings %s%n",
                    file.getFileName(), json.get("bone_count"), json.get("node_count"), summary(json.get("meshes")),
                    summary(anims), json.get("log_warnings"));
        }
    }

    private static String summary(Object list) {
        if (!(list instanceof List<?> l)) {
            return String.valueOf(list);
        }
        StringBuilder b = new StringBuilder("[");
        for (Object o : l) {
            Map<?, ?> m = (Map<?, ?>) o;
            m.forEach((k, v) -> {
                if (!(v instanceof List<?> || v instanceof Map<?, ?>)) {
                    b.append(k).append('=').append(v).append(' ');
                }
            });
            b.append("; ");
        }
        return b.append(']').toString();
    }

    @Test
    void blenderImportsArmatureSkinActionAndShapeKeys() throws Exception {
        for (Path file : List.of(files.plain(), files.root())) {
            ExternalTool.Result r = ExternalTool.run(List.of(SharedTestData.tool("blender-inspect").toString(),
                    "--require", "armature,mesh,skin,action,shapekeys", file.toString()), Map.of(), dir, 300);
            assertEquals(0, r.exitCode(), file.getFileName() + " rejected by Blender: " + r.describe());
            Map<String, Object> json = MiniJson.object(r.stdout());
            String name = file.getFileName().toString();
            assertEquals(List.of(), json.get("importer_warnings"), name + ": importer warnings");
            assertEquals(List.of(), json.get("importer_errors"), name + ": importer errors");
            int joints = file == files.root() ? Humanoid.JOINT_COUNT + 1 : Humanoid.JOINT_COUNT;
            Map<?, ?> arm = (Map<?, ?>) ((List<?>) json.get("armatures")).get(0);
            assertEquals((double) joints, arm.get("bone_count"), name + ": Blender bones (every joint, end joints included)");
            double blenderVertices = 0;
            for (Object m : (List<?>) json.get("meshes")) {
                blenderVertices += (Double) ((Map<?, ?>) m).get("vertices");
            }
            assertEquals((double) vertices(file), blenderVertices, name + ": Blender mesh vertices");
            double duration = (TestMotions.FRAMES - 1) / TestMotions.FPS;
            List<?> actions = (List<?>) json.get("actions");
            Map<?, ?> armatureAction = null;
            for (Object a : actions) {
                if ("OBJECT".equals(((Map<?, ?>) a).get("id_root")) && (Double) ((Map<?, ?>) a).get("bones_animated") > 0) {
                    armatureAction = (Map<?, ?>) a;
                }
            }
            assertEquals(true, armatureAction != null, name + ": no armature action among " + actions);
            assertEquals(duration, (Double) armatureAction.get("duration_seconds"), 1e-3, name + ": action duration");
            System.out.printf(Locale.ROOT, "[glb] blender-inspect %s: %s bones, %.0f vertices, actions %s, import %s s%n", name,
                    arm.get("bone_count"), blenderVertices, summary(actions), json.get("import_seconds"));
        }
    }
}
