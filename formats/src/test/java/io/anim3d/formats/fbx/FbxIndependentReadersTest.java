package io.anim3d.formats.fbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blender's importer and assimp read our output exactly as they read the original file: their
 * reports (bones, objects, meshes, actions, counts) must be identical apart from the file name,
 * timings and, for a file whose version we changed, the version.
 */
class FbxIndependentReadersTest {

    @Test
    void humanIkSkeletonRewrittenAs7400(@TempDir Path dir) throws Exception {
        Path ours = rewrite(FbxTestFiles.HUMAN_IK, FbxWriter.standard(), dir);
        ExternalTool.Result blender = blender(ours, dir, "armature");
        assertTrue(blender.stdout().contains("\"bone_count\": 62"), "Blender sees 62 bones:\n" + blender.describe());
        assertTrue(blender.stdout().contains("\"footer_ok\": true"), "container check: footer\n" + blender.describe());
        sameReport(FbxTestFiles.HUMAN_IK, blender, blender(FbxTestFiles.path(FbxTestFiles.HUMAN_IK), dir, "armature"));
        // assimp normalises offsets in its warnings only partly, so the warning text differs.
        sameReport(FbxTestFiles.HUMAN_IK, assimp(ours, dir), assimp(FbxTestFiles.path(FbxTestFiles.HUMAN_IK), dir),
                "log_warnings");
    }

    @Test
    void kenney7700MeshAndSkinRewrittenAs7400(@TempDir Path dir) throws Exception {
        Path ours = rewrite(FbxTestFiles.KENNEY, FbxWriter.standard(), dir);
        ExternalTool.Result blender = blender(ours, dir, "armature,mesh,skin");
        assertTrue(blender.stdout().contains("\"fbx_version\": 7400"), blender.describe());
        sameReport(FbxTestFiles.KENNEY, blender, blender(FbxTestFiles.path(FbxTestFiles.KENNEY), dir,
                "armature,mesh,skin"), "fbx_version", "importer_log_head", "version");
        sameReport(FbxTestFiles.KENNEY, assimp(ours, dir, "--require", "mesh,bones"),
                assimp(FbxTestFiles.path(FbxTestFiles.KENNEY), dir, "--require", "mesh,bones"));
    }

    @Test
    void huesitosRewrittenAs7500(@TempDir Path dir) throws Exception {
        Path ours = rewrite(FbxTestFiles.HUESITOS, new FbxWriter(FbxWriter.Options.defaults().withVersion(7500)), dir);
        ExternalTool.Result blender = blender(ours, dir, "armature,mesh,skin,action");
        assertTrue(blender.stdout().contains("\"fbx_version\": 7500"), blender.describe());
        sameReport(FbxTestFiles.HUESITOS, blender, blender(FbxTestFiles.path(FbxTestFiles.HUESITOS), dir,
                "armature,mesh,skin,action"), "fbx_version", "importer_log_head", "version");
        sameReport(FbxTestFiles.HUESITOS, assimp(ours, dir), assimp(FbxTestFiles.path(FbxTestFiles.HUESITOS), dir));
    }

    private static Path rewrite(String file, FbxWriter writer, Path dir) throws Exception {
        FbxDocument doc = FbxReader.standard().read(FbxTestFiles.path(file));
        Path out = dir.resolve("ours.fbx");
        writer.write(doc.nodes(), out);
        return out;
    }

    private static ExternalTool.Result blender(Path file, Path dir, String require) throws Exception {
        ExternalTool.Result r = ExternalTool.run("blender-inspect", dir, file, "--strict-fbx", "--require", require);
        assertEquals(0, r.exitCode(), "blender-inspect --strict-fbx --require " + require + " " + file + "\n"
                + r.describe());
        return r;
    }

    private static ExternalTool.Result assimp(Path file, Path dir, String... args) throws Exception {
        ExternalTool.Result r = ExternalTool.run("assimp-inspect", dir, file, args);
        assertEquals(0, r.exitCode(), "assimp-inspect " + file + "\n" + r.describe());
        return r;
    }

    private static void sameReport(String file, ExternalTool.Result ours, ExternalTool.Result original,
            String... dropped) {
        List<String> a = ExternalTool.comparableLines(ours.stdout(), dropped);
        List<String> b = ExternalTool.comparableLines(original.stdout(), dropped);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                fail(file + ": report line " + i + " differs\n  original: " + b.get(i) + "\n  ours:     " + a.get(i));
            }
        }
        assertEquals(b.size(), a.size(), file + ": report line count");
        assertTrue(a.size() > 20, file + ": a report of " + a.size() + " lines is too short to mean anything");
    }
}
