package io.anim3d.formats.fbx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxFormatException;
import io.anim3d.formats.fbx.FbxReader;
import io.anim3d.formats.testutil.MiniJson;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other third-party FBX files: a skeleton-only HumanIK rig, two Blender-exported non-humanoid rigs, errors. */
class FbxCharacterReaderFilesTest {
    static final String HUMAN_IK = "characters/fbx/maya_human_ik_7400_binary.fbx";
    static final String HUMAN_IK_ASCII = "characters/fbx/maya_human_ik_7400_ascii.fbx";
    static final String HUESITOS = "characters/fbx/non_humanoid/huesitos.fbx";
    static final String ANIMATION_WITH_SKELETON = "characters/fbx/non_humanoid/animation_with_skeleton.fbx";
    static final String NO_BONES = "characters/fbx/non_humanoid/multiple_animations_test.fbx";

    @Test
    void humanIkSkeletonWithoutMesh(@TempDir Path dir) throws Exception {
        Path file = SharedTestData.testdata(HUMAN_IK);
        Character c = FbxCharacterReader.read(file);
        Skeleton s = c.skeleton();
        assertTrue(c.meshes().isEmpty(), "the file has no mesh");
        long bones = s.names().stream().filter(n -> n.startsWith("Character1_")).count();
        // Character1_Reference is a Null over the single root bone: the armature object, not a joint.
        assertEquals(62, s.size(), "the 62 Character1_* LimbNodes; joints: " + s.names());
        assertEquals(62, bones);
        CharacterChecks.parent(s, "Character1_Hips", null);
        CharacterChecks.parent(s, "Character1_Spine", "Character1_Hips");
        CharacterChecks.parent(s, "Character1_Spine1", "Character1_Spine");
        CharacterChecks.parent(s, "Character1_Spine2", "Character1_Spine1");
        CharacterChecks.parent(s, "Character1_Neck", "Character1_Spine2");
        CharacterChecks.parent(s, "Character1_Head", "Character1_Neck");
        for (String side : List.of("Left", "Right")) {
            String p = "Character1_" + side;
            CharacterChecks.parent(s, p + "Shoulder", "Character1_Spine2");
            CharacterChecks.parent(s, p + "Arm", p + "Shoulder");
            CharacterChecks.parent(s, p + "ForeArm", p + "Arm");
            CharacterChecks.parent(s, p + "Hand", p + "ForeArm");
            for (String finger : List.of("Thumb", "Index", "Middle", "Ring", "Pinky")) {
                CharacterChecks.parent(s, p + "Hand" + finger + "1", p + "Hand");
                for (int k = 2; k <= 4; k++) {
                    CharacterChecks.parent(s, p + "Hand" + finger + k, p + "Hand" + finger + (k - 1));
                }
            }
            CharacterChecks.parent(s, p + "UpLeg", "Character1_Hips");
            CharacterChecks.parent(s, p + "Leg", p + "UpLeg");
            CharacterChecks.parent(s, p + "Foot", p + "Leg");
            CharacterChecks.parent(s, p + "ToeBase", p + "Foot");
        }
        // Metres (UnitScaleFactor 100) with Maya's 0.01 scales on the reference and every joint
        // under segment scale compensation: the hips end up 1 m high, the head at 1.65 m.
        Vec3 hips = CharacterChecks.position(c, "Character1_Hips");
        Vec3 head = CharacterChecks.position(c, "Character1_Head");
        assertEquals(1.0, hips.y(), 1e-3, "hips height");
        assertEquals(1.65, head.y(), 1e-3, "head height");
        assertTrue(CharacterChecks.position(c, "Character1_LeftHand").x() > 0.5
                && CharacterChecks.position(c, "Character1_RightHand").x() < -0.5, "left hand on +X");
        assertTrue(CharacterChecks.position(c, "Character1_LeftToeBase").z() > 0.1, "toes point to +Z");
        CharacterChecks.sameBoneHeads(c, Validators.blenderBoneHeads(Validators.report("blender-inspect", file, dir)),
                0.001);
    }

    @Test
    void huesitosBlenderRig(@TempDir Path dir) throws Exception {
        checkNonHumanoid(HUESITOS, 11, false, dir);
    }

    @Test
    void animationWithSkeletonBlenderRig(@TempDir Path dir) throws Exception {
        checkNonHumanoid(ANIMATION_WITH_SKELETON, 16, true, dir);
    }

    /**
     * Counts from the raw arrays and from Blender, weights, and Blender's bone heads within 1 mm.
     *
     * @param armatureKept whether the Armature null stays a joint: it is dropped when it parents
     *                     a single root bone (it is the armature object, as importers read it),
     *                     kept when it joins several
     */
    private static void checkNonHumanoid(String relative, int limbNodes, boolean armatureKept, Path dir) throws Exception {
        Path file = SharedTestData.testdata(relative);
        FbxDocument doc = FbxReader.standard().read(file);
        Character c = FbxCharacterReader.read(file);
        assertEquals(limbNodes + (armatureKept ? 1 : 0), c.skeleton().size(), relative + ": LimbNodes"
                + (armatureKept ? " + the Armature null" : "") + "; joints: " + c.skeleton().names());
        if (armatureKept) {
            CharacterChecks.parent(c.skeleton(), "Armature", null);
        } else {
            assertEquals(-1, c.skeleton().indexOf("Armature"), "the Armature null is the armature object, not a joint");
        }
        List<RawGeometry> raw = RawGeometry.meshes(doc);
        assertEquals(raw.size(), c.meshes().size(), relative + ": one mesh per geometry (one material each)");
        assertEquals(raw.stream().mapToInt(RawGeometry::triangles).sum(), c.triangleCount(), relative + " triangles");
        int minVertices = raw.stream().mapToInt(RawGeometry::controlPoints).sum();
        int maxVertices = raw.stream().mapToInt(g -> g.polygonVertexIndex().length).sum();
        int vertices = c.meshes().stream().mapToInt(Mesh::vertexCount).sum();
        assertTrue(vertices >= minVertices && vertices <= maxVertices, relative + ": " + vertices
                + " vertices, expected between the control points (" + minVertices + ") and the corners ("
                + maxVertices + ")");
        CharacterChecks.weightsValid(c);
        CharacterChecks.normalsUnit(c);
        Map<String, Object> report = Validators.report("blender-inspect", file, dir);
        CharacterChecks.sameBoneHeads(c, Validators.blenderBoneHeads(report), 0.001);
        Map<String, Object> mesh = MiniJson.asObject(MiniJson.asList(report.get("meshes")).get(0));
        assertEquals(c.triangleCount(), ((Double) mesh.get("triangles")).intValue(), relative + ": Blender's triangles");
        assertEquals(minVertices, ((Double) mesh.get("vertices")).intValue(), relative + ": Blender's vertices");
    }

    @Test
    void fileWithoutBonesIsRejected() {
        FbxSceneException e = assertThrows(FbxSceneException.class,
                () -> FbxCharacterReader.read(SharedTestData.testdata(NO_BONES)));
        assertTrue(e.getMessage().contains("no skeleton (no LimbNode models)"), e.getMessage());
    }

    @Test
    void asciiFbxIsRejected() {
        FbxFormatException e = assertThrows(FbxFormatException.class,
                () -> FbxCharacterReader.read(SharedTestData.testdata(HUMAN_IK_ASCII)));
        assertTrue(e.getMessage().contains("ASCII FBX"), e.getMessage());
    }

    @Test
    void limitsAreEnforcedWithClearMessages() throws Exception {
        FbxDocument doc = FbxReader.standard().read(SharedTestData.testdata(FbxCharacterReaderKenneyTest.FILE));
        FbxCharacterReader.Limits d = FbxCharacterReader.Limits.defaults();
        FbxSceneException bones = assertThrows(FbxSceneException.class, () -> FbxCharacterReader.read(doc, "k",
                new FbxCharacterReader.Limits(20, d.maxVertices(), d.maxPolygonCorners(), d.maxInfluences(),
                        d.maxMorphValues())));
        assertTrue(bones.getMessage().contains("59 bones, more than the 20 allowed"), bones.getMessage());
        FbxSceneException vertices = assertThrows(FbxSceneException.class, () -> FbxCharacterReader.read(doc, "k",
                new FbxCharacterReader.Limits(d.maxBones(), 1000, d.maxPolygonCorners(), d.maxInfluences(),
                        d.maxMorphValues())));
        assertTrue(vertices.getMessage().contains("over 1000 vertices"), vertices.getMessage());
        FbxSceneException influences = assertThrows(FbxSceneException.class, () -> FbxCharacterReader.read(doc, "k",
                new FbxCharacterReader.Limits(d.maxBones(), d.maxVertices(), d.maxPolygonCorners(), 100,
                        d.maxMorphValues())));
        assertTrue(influences.getMessage().contains("influences"), influences.getMessage());
    }

    @Test
    void characterNameFollowsTheNameRule() {
        assertEquals("my_char__1_", FbxCharacterReader.characterName(Path.of("/x/my char (1).fbx")));
        assertEquals("a".repeat(64), FbxCharacterReader.characterName(Path.of("a".repeat(80) + ".fbx")));
        assertEquals("character", FbxCharacterReader.characterName(Path.of(".fbx")));
        assertEquals("character", FbxCharacterReader.characterName(Path.of("...fbx")));
    }
}
