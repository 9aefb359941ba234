package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.testutil.ExternalTool;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs Blender headless with a script from the test resources, in the environment blender-inspect uses. */
final class BlenderRun {
    private BlenderRun() {
    }

    static ExternalTool.Result script(String resource, Path workDir, List<String> args) throws Exception {
        Path script = Path.of(BlenderRun.class.getResource(resource).toURI());
        Path home = Files.createDirectories(workDir.resolve("blender-home"));
        List<String> cmd = new ArrayList<>(List.of(SharedTestData.tool("blender").toString(), "-b", "-noaudio",
                "--factory-startup", "--python-exit-code", "1", "-P", script.toString(), "--"));
        cmd.addAll(args);
        // Blender takes its Python library from the first python3.11 on PATH: give it the system's.
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("TMPDIR", home.toString());
        env.put("XDG_CONFIG_HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.toString());
        env.put("XDG_DATA_HOME", home.toString());
        env.put("SDL_AUDIODRIVER", "dummy");
        env.put("PYTHONNOUSERSITE", "1");
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        env.put("PYTHONPATH", null);
        env.put("PYTHONHOME", null);
        return ExternalTool.run(cmd, env, workDir, 300);
    }

    /** A validator from shared/tools/validators with its arguments. */
    static ExternalTool.Result validator(String tool, Path workDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(SharedTestData.tool(tool).toString());
        cmd.addAll(List.of(args));
        return ExternalTool.run(cmd, Map.of(), workDir, 300);
    }
}
