package io.anim3d.server.characters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Real character files from ../shared/testdata read as the server reads an upload, good and bad. */
class CharacterFilesTest {

    private static byte[] file(String relative) throws IOException {
        return Files.readAllBytes(SharedTestData.testdata("characters/" + relative));
    }

    private static void accepted(String relative, String declared, CharacterFacts expected) throws IOException {
        CharacterFacts got = CharacterFiles.inspect(file(relative), declared);
        assertEquals(expected, got, relative + ": format, rig, joints, mesh, skin");
    }

    /** Refused with 400 and a message containing each of {@code words} (case-insensitive). */
    private static String refused(byte[] bytes, String declared, String what, String... words) {
        CharacterException e = assertThrows(CharacterException.class, () -> CharacterFiles.inspect(bytes, declared), what);
        assertTrue(!e.notFound(), what + ": must be a 400, not a 404");
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        for (String w : words) {
            assertTrue(message.contains(w.toLowerCase(Locale.ROOT)), what + ": message must mention '" + w + "': " + e.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void fbxCharactersAreReadWithTheirRig() throws IOException {
        // Kenney: Hips, Spine, Chest, Neck, Head, Left/RightArm ... LeftUpLeg: Mixamo's names, 59 joints with IK helpers
        accepted("fbx/maya_kenney_character_7700_binary.fbx", "fbx", new CharacterFacts("fbx", "mixamo", 59, true, true));
        // HumanIK skeleton without mesh: Character1_Hips ... the same bone names behind a prefix
        accepted("fbx/maya_human_ik_7400_binary.fbx", "fbx", new CharacterFacts("fbx", "mixamo", 62, false, false));
        accepted("fbx/non_humanoid/huesitos.fbx", "fbx", new CharacterFacts("fbx", "custom", 11, true, true));
        accepted("fbx/non_humanoid/huesitos.fbx", null, new CharacterFacts("fbx", "custom", 11, true, true));
        accepted("fbx/non_humanoid/huesitos.fbx", "glb", new CharacterFacts("fbx", "custom", 11, true, true)); // bytes win
    }

    @Test
    void glbAndVrmCharactersAreReadWithTheirRig() throws IOException {
        accepted("gltf/brunette-t.glb", "glb", new CharacterFacts("glb", "mixamo", 67, true, true));
        accepted("gltf/mannequiny.glb", "glb", new CharacterFacts("glb", "custom", 45, true, true));
        accepted("gltf/RobotExpressive.glb", "fbx", new CharacterFacts("glb", "custom", 43, true, true)); // bytes win over the declaration
        accepted("gltf/simple_skin/quad_skin.glb", null, new CharacterFacts("glb", "custom", 10, true, true));
        accepted("vrm/pose_rotation_scale_shape_key_skinned.vrm", "vrm", new CharacterFacts("vrm", "vrm", 17, true, true));
        accepted("vrm/basic_armature_vrm1.vrm", "vrm", new CharacterFacts("vrm", "vrm", 54, false, false));
        // VRM 0.x without skin: the humanoid bones are the skeleton
        accepted("vrm/minimal.vrm", "vrm", new CharacterFacts("vrm", "vrm", 17, false, false));
        // lists Draco in extensionsUsed but applies it to nothing: readable
        accepted("vrm/broken/extensions_required.vrm", "vrm", new CharacterFacts("vrm", "vrm", 18, true, true));
    }

    @Test
    void mixamoRigIsOneNamespaceOverTheCoreBones() {
        List<String> core = RigIds.MIXAMO_CORE;
        assertEquals("mixamo", RigIds.ofJointNames(core.stream().map(n -> "mixamorig:" + n).toList()), "mixamorig: prefix");
        assertEquals("mixamo", RigIds.ofJointNames(core.stream().map(n -> "mixamorig1:" + n).toList()), "mixamorig1: prefix");
        List<String> mixed = new ArrayList<>(core.stream().map(n -> "mixamorig:" + n).toList());
        mixed.set(5, core.get(5)); // one bone without the namespace
        assertEquals("custom", RigIds.ofJointNames(mixed), "prefixes must agree");
        assertEquals("custom", RigIds.ofJointNames(core.subList(0, core.size() - 1)), "a core bone missing");
        assertEquals("custom", RigIds.ofJointNames(List.of("pelvis", "spine_01", "thigh.l")), "UE-style names");
    }

    @Test
    void unreadableFilesAreRefusedSayingWhatWasWrong() throws IOException {
        refused(file("fbx/maya_human_ik_7400_ascii.fbx"), "fbx", "ASCII FBX", "ASCII FBX is not supported", "binary FBX");
        refused("just some notes\n".getBytes(StandardCharsets.UTF_8), "fbx", "text named .fbx", "not an FBX file");
        refused(file("fbx/non_humanoid/multiple_animations_test.fbx"), "fbx", "FBX without bones", "no skeleton");
        refused(new byte[0], "fbx", "empty file", "empty");
        byte[] brunette = file("gltf/brunette-t.glb");
        refused(Arrays.copyOf(brunette, brunette.length / 2), "glb", "truncated GLB", "GLB", "header says");
        refused(file("gltf/simple_skin/simple_skin.gltf"), "glb", "glTF JSON", ".glb");
        refused(file("vrm/broken/empty.vrm"), "vrm", "empty glTF", "no skeleton");
        refused(file("vrm/broken/draco.vrm"), "vrm", "Draco VRM", "KHR_draco_mesh_compression", "without mesh compression");
        refused(file("vrm/broken/human_bone.vrm"), "vrm", "VRM bone pointing nowhere", "12345", "nodes");
    }

    @Test
    void hostileGlbJsonIsRefusedBeforeParsing() {
        String deep = "[".repeat(100_000);
        refused(glb(deep), "glb", "100000 nested arrays", "nests deeper");
        String external = "{\"asset\":{\"version\":\"2.0\"},\"buffers\":[{\"byteLength\":4,\"uri\":\"../../etc/passwd\"}]}";
        refused(glb(external), "glb", "external buffer", "external file");
        String noSkin = "{\"asset\":{\"version\":\"2.0\"},\"nodes\":[{\"name\":\"Hips\"}]}";
        refused(glb(noSkin), "glb", "nodes without skin", "no skeleton");
        String badJoint = "{\"asset\":{\"version\":\"2.0\"},\"nodes\":[{}],\"skins\":[{\"joints\":[0, 7]}]}";
        refused(glb(badJoint), "glb", "joint index out of range", "skins[0].joints[1] is 7", "1 nodes");
        String required = "{\"asset\":{\"version\":\"2.0\"},\"extensionsRequired\":[\"EXT_weird\"]}";
        refused(glb(required), "glb", "unknown required extension", "EXT_weird");
    }

    /** A GLB holding only this JSON chunk (padded with spaces), header lengths correct. */
    private static byte[] glb(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46546C67).putInt(2).putInt(12 + 8 + padded).putInt(padded).putInt(0x4E4F534A).put(text);
        while (b.hasRemaining()) {
            b.put((byte) ' ');
        }
        return b.array();
    }
}
