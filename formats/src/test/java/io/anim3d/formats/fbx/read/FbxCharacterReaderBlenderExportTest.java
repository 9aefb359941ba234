package io.anim3d.formats.fbx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.MorphTarget;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rig Blender builds and exports itself (the validators' sample script: known bone heads in
 * Blender's Z-up metres, rigid vertex groups, a "Smile" shape key that scales the head boxes' x
 * by 1.5), read back: exact positions after the axis change, the blend shape, the skin.
 */
class FbxCharacterReaderBlenderExportTest {

    @Test
    void blenderExportedRigWithShapeKey(@TempDir Path dir) throws Exception {
        Path script = SharedTestData.require("tools/validators/lib/make_samples_blender.py");
        Path blender = SharedTestData.tool("blender");
        Validators.run(dir, List.of("env", "-u", "DISPLAY", "HOME=" + dir, blender.toString(), "-b", "-noaudio",
                "--factory-startup", "--python-exit-code", "1", "-P", script.toString(), "--", dir.toString()));
        Path file = dir.resolve("blender_rig.fbx");
        Character c = FbxCharacterReader.read(file);

        // Blender heads (x, y, z) in its Z-up world are (x, z, −y) in ours.
        Map<String, Vec3> expected = Map.of("Hips", new Vec3(0, 1.0, 0), "Head", new Vec3(0, 1.6, 0),
                "UpperArm.L", new Vec3(0.15, 1.45, 0), "LowerArm.L", new Vec3(0.45, 1.45, 0),
                "LowerArm.R", new Vec3(-0.45, 1.45, 0), "LowerLeg.R", new Vec3(-0.1, 0.5, 0));
        for (Map.Entry<String, Vec3> e : expected.entrySet()) {
            Vec3 p = CharacterChecks.position(c, e.getKey());
            assertTrue(p.distance(e.getValue()) < 1e-5, e.getKey() + " at " + p + ", Blender built it at " + e.getValue());
        }
        // "Rig" is the armature object (a Null over the single root bone), not a joint.
        CharacterChecks.parent(c.skeleton(), "Hips", null);
        CharacterChecks.parent(c.skeleton(), "LowerArm.L", "UpperArm.L");
        CharacterChecks.sameBoneHeads(c, Validators.blenderBoneHeads(Validators.report("blender-inspect", file, dir)),
                0.001);

        assertEquals(1, c.meshes().size());
        Mesh m = c.meshes().get(0);
        assertEquals(13 * 6 * 2, m.triangleCount(), "13 boxes of 6 quads");
        CharacterChecks.weightsValid(c);
        CharacterChecks.normalsUnit(c);
        assertEquals(1, m.morphs().size(), "one shape key besides the basis");
        MorphTarget smile = m.morphs().get(0);
        assertEquals("Smile", smile.name());
        float[] d = smile.positionDeltas();
        float[] p = m.positions();
        int[] joints = m.joints();
        int head = c.skeleton().require("Head");
        int moved = 0;
        for (int v = 0; v < m.vertexCount(); v++) {
            double len = Math.abs(d[3 * v]) + Math.abs(d[3 * v + 1]) + Math.abs(d[3 * v + 2]);
            if (len > 0) {
                moved++;
                assertEquals(head, joints[Mesh.INFLUENCES * v], "moved vertex " + v + " belongs to the head box");
                assertEquals(0.5 * p[3 * v], d[3 * v], 1e-6, "vertex " + v + ": x scaled by 1.5 gives dx = x / 2");
                assertEquals(0, d[3 * v + 1], 1e-6, "vertex " + v + " dy");
                assertEquals(0, d[3 * v + 2], 1e-6, "vertex " + v + " dz");
            }
        }
        assertTrue(moved >= 8, "the 8 head-box corners move (split per face), moved " + moved);
        // Each box vertex is bound rigidly to its bone: the vertex lies within 0.1 m of the bone segment's head…tail.
        for (int v = 0; v < m.vertexCount(); v++) {
            assertEquals(1f, m.weights()[Mesh.INFLUENCES * v], "vertex " + v + " is rigidly bound");
        }
    }
}
