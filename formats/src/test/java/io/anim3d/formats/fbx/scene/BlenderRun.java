package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.testutil.Blender;
import io.anim3d.formats.testutil.ExternalTool;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs Blender headless with a script from the test resources, in the environment blender-inspect uses. */
final class BlenderRun {
    private BlenderRun() {
    }

    static ExternalTool.Result script(String resource, Path workDir, List<String> args) throws Exception {
        return Blender.runScript(Path.of(BlenderRun.class.getResource(resource).toURI()), workDir, args);
    }

    /** A validator from shared/tools/validators with its arguments. */
    static ExternalTool.Result validator(String tool, Path workDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(SharedTestData.tool(tool).toString());
        cmd.addAll(List.of(args));
        return ExternalTool.run(cmd, Map.of(), workDir, 300);
    }
}
