package io.anim3d.formats.fbx;

import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a validator from ../shared/tools/validators and captures its JSON report. */
final class ExternalTool {
    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\nstdout: " + tail(stdout) + "\nstderr: " + tail(stderr);
        }

        private static String tail(String s) {
            return s.length() > 3000 ? "..." + s.substring(s.length() - 3000) : s;
        }
    }

    private ExternalTool() {
    }

    /** Runs {@code tool args... file}; output goes through files in {@code workDir} so no pipe can block. */
    static Result run(String tool, Path workDir, Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(SharedTestData.tool(tool).toString());
        command.addAll(List.of(args));
        command.add(file.toString());
        Path out = Files.createTempFile(workDir, tool, ".out");
        Path err = Files.createTempFile(workDir, tool, ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(tool + " did not finish within 180 s on " + file);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The report's lines (the validators print indented JSON, one key per line) without the
     * lines that must differ between two files: the path, timings, and with {@code dropped}
     * further keys; a list value under a dropped key is dropped whole.
     */
    static List<String> comparableLines(String json, String... dropped) {
        List<String> keep = new ArrayList<>();
        List<String> drop = new ArrayList<>(List.of("file", "import_seconds", "elapsed_seconds", "validate_ms"));
        drop.addAll(List.of(dropped));
        String[] lines = json.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            String key = t.startsWith("\"") && t.indexOf("\":") > 0 ? t.substring(1, t.indexOf("\":")) : null;
            if (key != null && drop.contains(key)) {
                if (t.endsWith("[") || t.endsWith("{")) {
                    int indent = lines[i].indexOf('"');
                    while (i + 1 < lines.length && !(lines[i + 1].indexOf(']') == indent
                            || lines[i + 1].indexOf('}') == indent)) {
                        i++;
                    }
                    i++;
                }
                continue;
            }
            keep.add(lines[i]);
        }
        return keep;
    }
}
