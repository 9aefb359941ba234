package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.formats.bvh.BvhReader;
import io.anim3d.motion.Motion;
import io.anim3d.testkit.SharedTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code anim3d process} end to end: the BVH of a real video passes the strict BVH checker and
 * imports in Blender with every joint and frame; rootAtOrigin adds the static Root; a still
 * image gives a one-frame pose; bad params fail before any work and leave nothing behind.
 */
class ProcessCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode validate(String tool, Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SharedTestData.tool(tool).toString()));
        cmd.addAll(List.of(args));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), tool + " rejected " + file.getFileName() + ": " + out);
        return JSON.readTree(out);
    }

    @Test
    void danceBecomesABvhThatBlenderAndTheCheckerAccept() throws Exception {
        Path in = SharedTestData.testdata("videos/single/dance_white_1080p.mp4");
        CliRun run = CliRun.of("process", in.toString(), "-o", dir.toString(), "-p", "formats=bvh", "-p", "poseFilteringStrength=0.5");
        assertEquals(0, run.exitCode(), run.err());
        Path bvh = dir.resolve("male-young.bvh");
        assertTrue(Files.exists(dir.resolve("landmarks.dmpe")), "landmarks.dmpe is always written");
        JsonNode check = validate("bvh-check", bvh);
        assertEquals(300, check.path("frames").asInt(), "frames in the BVH");
        assertEquals(29.97, check.path("fps").asDouble(), 0.01, "BVH frame rate");
        JsonNode blender = validate("blender-inspect", bvh, "--require", "armature,action");
        JsonNode armature = blender.path("armatures").get(0);
        // 65 joints, of which 13 leaves are End Sites: 52 bones.
        assertEquals(52, armature.path("bone_count").asInt(), "bones Blender made");
        assertEquals("Hips", armature.path("root_bones").get(0).asText());
        assertEquals(300.0, blender.path("actions").get(0).path("frame_range").get(1).asDouble(), 0.5, "action length");
        assertEquals(0, blender.path("importer_warnings").size(), "Blender warned: " + blender.path("importer_warnings"));
        Motion back = BvhReader.read(bvh).toMotion(0.01);
        assertEquals(65, back.skeleton().size(), "joints read back, end sites included");
    }

    @Test
    void rootAtOriginAddsAStaticRoot() throws Exception {
        Path in = SharedTestData.testdata("videos/single/basketball_portrait.mp4");
        CliRun run = CliRun.of("process", in.toString(), "-o", dir.toString(), "-p", "rootAtOrigin=1");
        assertEquals(0, run.exitCode(), run.err());
        Path bvh = dir.resolve("male-young.bvh");
        validate("bvh-check", bvh);
        JsonNode blender = validate("blender-inspect", bvh, "--require", "armature,action");
        assertEquals("Root", blender.path("armatures").get(0).path("root_bones").get(0).asText());
        Motion back = BvhReader.read(bvh).toMotion(0.01);
        assertEquals("Root", back.skeleton().name(0));
        assertEquals(back.skeleton().require("Hips"), back.translatedJoint(), "Hips carry the translation");
        for (int f = 0; f < back.frameCount(); f++) {
            assertTrue(back.worldPositions(f)[0].length() < 1e-9, "Root left the origin in frame " + f);
        }
        assertTrue(run.err().contains("camera moves"), "the hand-held pan is reported: " + run.err());
    }

    @Test
    void glbOfAStockCharacterPassesTheValidatorsAndEveryFileIsDeterministic() throws Exception {
        Path in = SharedTestData.testdata("videos/single/basketball_portrait.mp4");
        for (String run : new String[] {"a", "b"}) {
            CliRun r = CliRun.of("process", in.toString(), "-o", dir.resolve(run).toString(), "-p", "formats=bvh,glb,fbx",
                    "-p", "model=female-thin");
            assertEquals(0, r.exitCode(), r.err());
        }
        Path glb = dir.resolve("a/female-thin.glb");
        JsonNode gltf = validate("gltf-validate", glb, "--max-warnings", "0");
        assertEquals(0, gltf.path("numErrors").asInt());
        JsonNode blender = validate("blender-inspect", glb, "--require", "armature,mesh,skin,action,shapekeys");
        assertEquals(65, blender.path("armatures").get(0).path("bone_count").asInt(), "bones in Blender");
        assertEquals(0, blender.path("importer_warnings").size(), "Blender warned: " + blender.path("importer_warnings"));
        validate("assimp-inspect", glb);
        validate("bvh-check", dir.resolve("a/female-thin.bvh"));
        for (String f : new String[] {"female-thin.glb", "female-thin.bvh", "female-thin.fbx.zip", "landmarks.dmpe"}) {
            assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f + " differs between runs");
        }
    }

    @Test
    void fbxZipOfTheDanceImportsInBlenderAndAssimp() throws Exception {
        Path in = SharedTestData.testdata("videos/single/dance_white_1080p.mp4");
        CliRun r = CliRun.of("process", in.toString(), "-o", dir.toString(), "-p", "formats=fbx", "-p", "model=male-normal");
        assertEquals(0, r.exitCode(), r.err());
        Path zip = dir.resolve("male-normal.fbx.zip");
        Path fbx = dir.resolve("male-normal.fbx");
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            java.util.zip.ZipEntry e = z.getNextEntry();
            assertEquals("male-normal.fbx", e.getName(), "the zip holds the FBX named after the character");
            Files.write(fbx, z.readAllBytes());
            assertEquals(null, z.getNextEntry(), "nothing else in the zip");
        }
        JsonNode blender = validate("blender-inspect", fbx, "--strict-fbx", "--require", "armature,mesh,skin,action,shapekeys");
        assertEquals(0, blender.path("importer_warnings").size(), "Blender warned: " + blender.path("importer_warnings"));
        JsonNode armature = blender.path("armatures").get(0);
        assertEquals(65, armature.path("bone_count").asInt(), "bones in Blender");
        assertEquals("Hips", armature.path("root_bones").get(0).asText());
        JsonNode action = blender.path("actions").get(0);
        assertEquals(300.0, action.path("frame_range").get(1).asDouble() - action.path("frame_range").get(0).asDouble() + 1, 1.0,
                "action covers the 300 frames: " + action);
        validate("assimp-inspect", fbx);
        // The FBX-only request still writes the landmarks, and nothing else.
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("male-normal.fbx.zip", "male-normal.fbx", "landmarks.dmpe"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aStillImageGivesAOneFramePose() throws Exception {
        Path in = SharedTestData.testdata("blazepose_golden/tfjs-models/pose-detection/test_data/pose.jpg");
        CliRun run = CliRun.of("process", in.toString(), "-o", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode check = validate("bvh-check", dir.resolve("male-young.bvh"));
        assertEquals(1, check.path("frames").asInt());
    }

    @Test
    void badParamsFailBeforeAnyWorkAndWriteNothing() throws Exception {
        Path in = SharedTestData.testdata("videos/single/basketball_portrait.mp4");
        CliRun run = CliRun.of("process", in.toString(), "-o", dir.resolve("out").toString(),
                "-p", "videoSpeedMultiplier=9", "-p", "formats=bvh,mov");
        assertEquals(Main.EXIT_INPUT, run.exitCode());
        assertTrue(run.err().contains("error 503"), run.err());
        assertTrue(run.err().contains("videoSpeedMultiplier") && run.err().contains("mov"), "both problems named: " + run.err());
        assertFalse(Files.exists(dir.resolve("out")), "no output folder for a refused job");
    }
}
