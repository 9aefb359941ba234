package io.anim3d.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.testkit.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The third-party validators of ../shared/tools/validators, run on a file; their JSON report. */
final class Validators {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Validators() {
    }

    static JsonNode check(String tool, Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SharedTestData.tool(tool).toString()));
        cmd.addAll(List.of(args));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), tool + " rejected " + file.getFileName() + ": " + out);
        return JSON.readTree(out);
    }
}
