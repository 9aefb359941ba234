package io.anim3d.formats.fbx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anim3d.formats.testutil.MiniJson;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the third-party readers in ../shared/tools/validators and extracts what the reader tests compare. */
final class Validators {
    private Validators() {
    }

    /** Runs {@code command...}; output goes through files in {@code workDir} so no pipe can block. */
    static String run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "tool", ".out");
        Path err = Files.createTempFile(workDir, "tool", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish within 180 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + " failed\nstdout: " + stdout + "\nstderr: "
                + Files.readString(err, StandardCharsets.UTF_8));
        return stdout;
    }

    /** The JSON report of a validator ({@code blender-inspect}, {@code assimp-inspect}) on {@code file}. */
    static Map<String, Object> report(String tool, Path file, Path workDir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SharedTestData.tool(tool).toString(), file.toString()));
        return MiniJson.asObject(MiniJson.parse(run(workDir, cmd)));
    }

    /**
     * Bone heads as Blender imported them, in world space converted to ours: Blender's world is
     * Z up, metres, characters facing −Y, so (x, y, z) becomes (x, z, −y).
     */
    static Map<String, Vec3> blenderBoneHeads(Map<String, Object> report) {
        Map<String, Vec3> heads = new LinkedHashMap<>();
        for (Object a : MiniJson.asList(report.get("armatures"))) {
            Map<String, Object> arm = MiniJson.asObject(a);
            List<Object> m = MiniJson.asList(arm.get("matrix_world"));
            for (Object b : MiniJson.asList(arm.get("bones"))) {
                Map<String, Object> bone = MiniJson.asObject(b);
                List<Object> h = MiniJson.asList(bone.get("head"));
                double[] w = new double[3];
                for (int r = 0; r < 3; r++) {
                    List<Object> row = MiniJson.asList(m.get(r));
                    w[r] = (Double) row.get(3);
                    for (int c = 0; c < 3; c++) {
                        w[r] += (Double) row.get(c) * (Double) h.get(c);
                    }
                }
                heads.put((String) bone.get("name"), new Vec3(w[0], w[2], -w[1]));
            }
        }
        return heads;
    }
}
