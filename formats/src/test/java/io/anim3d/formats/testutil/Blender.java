package io.anim3d.formats.testutil;

import io.anim3d.testkit.SharedTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a Python script of ours inside Debian's Blender in background mode, isolated from the
 * user's settings and with the system's Python on PATH (Blender takes its Python library from
 * the first python3.11 there; the glTF importer needs the system's numpy).
 */
public final class Blender {
    private Blender() {
    }

    /** {@code blender -b --factory-startup -P script -- args}, working and home folders under {@code workDir}. */
    public static ExternalTool.Result runScript(Path script, Path workDir, List<String> args) throws Exception {
        Path home = Files.createDirectories(workDir.resolve("blender-home"));
        List<String> cmd = new ArrayList<>(List.of(SharedTestData.tool("blender").toString(), "-b", "-noaudio",
                "--factory-startup", "--python-exit-code", "1", "-P", script.toString(), "--"));
        cmd.addAll(args);
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
}
