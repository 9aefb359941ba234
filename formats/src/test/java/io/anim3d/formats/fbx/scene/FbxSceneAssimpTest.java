package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.testutil.ExternalTool;
import io.anim3d.formats.testutil.MiniJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assimp's FBX importer (with its data-structure validation) reads our files: meshes, every bone, the animation. */
class FbxSceneAssimpTest {
    @Test
    void assimpReadsMeshesBonesAndAnimation(@TempDir Path dir) throws Exception {
        SceneFiles files = SceneFiles.write(dir);
        record Case(Path file, int joints, boolean animated) {
        }
        for (Case c : List.of(new Case(files.plain(), 65, true), new Case(files.root(), 66, true),
                new Case(files.rest(), 65, false))) {
            String name = c.file().getFileName().toString();
            ExternalTool.Result r = BlenderRun.validator("assimp-inspect", dir, "--require",
                    c.animated() ? "mesh,bones,animation" : "mesh,bones", c.file().toString());
            assertEquals(0, r.exitCode(), name + " rejected by assimp: " + r.describe());
            Map<String, Object> json = MiniJson.object(r.stdout());
            assertEquals(List.of(), json.get("log_warnings"), name + ": assimp warnings");
            assertEquals("Autodesk FBX Importer", json.get("importer"), name + ": importer");
            // every joint weights some vertex of the box figure, so every joint is an assimp bone
            assertEquals((double) c.joints(), json.get("bone_count"), name + ": bones");
            List<?> meshes = (List<?>) json.get("meshes");
            assertEquals(2, meshes.size(), name + ": meshes");
            List<?> animations = (List<?>) json.get("animations");
            if (c.animated()) {
                Map<?, ?> a = (Map<?, ?>) animations.get(0);
                assertEquals("mocap", a.get("name"), name + ": animation name");
                assertEquals((SceneFixtures.FRAMES - 1) / SceneFixtures.FPS, (Double) a.get("duration_seconds"), 1e-5,
                        name + ": duration");
                assertEquals((double) SceneFixtures.ROTATED.size(), a.get("channels"), name + ": animated joints");
                assertTrue(((List<?>) a.get("channel_targets")).contains("Hips"), name + ": Hips animated");
            } else {
                assertEquals(List.of(), animations, name + ": no animation in the rest pose");
            }
            System.out.printf(Locale.ROOT, "[fbx] assimp-inspect %s: valid, %s bones, meshes %s, animations %s%n", name,
                    json.get("bone_count"), meshes.stream().map(m -> ((Map<?, ?>) m).get("name") + " "
                            + ((Map<?, ?>) m).get("faces") + " faces").toList(),
                    animations.stream().map(a -> ((Map<?, ?>) a).get("name") + " " + ((Map<?, ?>) a).get("duration_seconds")
                            + " s, " + ((Map<?, ?>) a).get("channels") + " channels").toList());
        }
    }
}
