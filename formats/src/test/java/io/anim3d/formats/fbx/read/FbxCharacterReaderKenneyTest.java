package io.anim3d.formats.fbx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxReader;
import io.anim3d.formats.testutil.MiniJson;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maya's Kenney character (FBX 7.7 binary, Y up, centimetres; the rig and mesh sit under a Root
 * node rotated −90° about X and scaled 100): skeleton, mesh, skin and placement, checked against
 * the file's raw arrays, Blender's importer and assimp.
 */
class FbxCharacterReaderKenneyTest {
    static final String FILE = "characters/fbx/maya_kenney_character_7700_binary.fbx";

    private static Path path;
    private static FbxDocument doc;
    private static Character character;

    @BeforeAll
    static void read() throws Exception {
        path = SharedTestData.testdata(FILE);
        doc = FbxReader.standard().read(path);
        character = FbxCharacterReader.read(path);
    }

    @Test
    void nameComesFromTheFile() {
        assertEquals("maya_kenney_character_7700_binary", character.name());
    }

    @Test
    void humanoidHierarchy() {
        Skeleton s = character.skeleton();
        CharacterChecks.parent(s, "Spine", "Hips");
        CharacterChecks.parent(s, "Chest", "Spine");
        CharacterChecks.parent(s, "UpperChest", "Chest");
        CharacterChecks.parent(s, "Neck", "UpperChest");
        CharacterChecks.parent(s, "Head", "Neck");
        for (String side : List.of("Left", "Right")) {
            CharacterChecks.parent(s, side + "Shoulder", "UpperChest");
            CharacterChecks.parent(s, side + "Arm", side + "Shoulder");
            CharacterChecks.parent(s, side + "ForeArm", side + "Arm");
            CharacterChecks.parent(s, side + "Hand", side + "ForeArm");
            CharacterChecks.parent(s, side + "HandIndex1", side + "Hand");
            CharacterChecks.parent(s, side + "HandIndex2", side + "HandIndex1");
            CharacterChecks.parent(s, side + "HandIndex3", side + "HandIndex2");
            CharacterChecks.parent(s, side + "HandThumb1", side + "Hand");
            CharacterChecks.parent(s, side + "HandThumb2", side + "HandThumb1");
            CharacterChecks.parent(s, side + "UpLeg", "Hips");
            CharacterChecks.parent(s, side + "Leg", side + "UpLeg");
            CharacterChecks.parent(s, side + "Foot", side + "Leg");
            CharacterChecks.parent(s, side + "Toes", side + "Foot");
            // IK controls are LimbNodes too, so they are joints (under the Root null).
            CharacterChecks.parent(s, side + "FootCtrl", "Root");
        }
        CharacterChecks.parent(s, "Hips", "HipsCtrl");
        CharacterChecks.parent(s, "Root", null);
        long limbNodes = doc.node("Objects").orElseThrow().children("Model").stream()
                .filter(m -> ((io.anim3d.formats.fbx.FbxProperty.Str) m.property(2)).text().equals("LimbNode")).count();
        assertEquals(limbNodes + 1, s.size(), "joints = every LimbNode model + the Root null above them");
        for (String n : s.names()) {
            assertTrue(!n.contains("\u0000") && !n.contains("Model"), "joint name keeps the class suffix: " + n);
        }
    }

    @Test
    void meshCountsMatchTheRawArrays() {
        List<RawGeometry> raw = RawGeometry.meshes(doc);
        assertEquals(1, raw.size(), "the file has one mesh geometry");
        RawGeometry g = raw.get(0);
        assertEquals(1, character.meshes().size(), "one mesh, one material");
        Mesh m = character.meshes().get(0);
        assertEquals(g.triangles(), m.triangleCount(), "triangles = Σ (corners − 2) over PolygonVertexIndex");

        // Normals are per control point and UVs per corner here, so a vertex is a distinct
        // (control point, UV value) pair of the corners.
        FbxNode normals = g.node().child("LayerElementNormal").orElseThrow();
        FbxNode uvLayer = g.node().child("LayerElementUV").orElseThrow();
        assertEquals("ByVertice", RawGeometry.text(normals, "MappingInformationType"));
        assertEquals("ByPolygonVertex", RawGeometry.text(uvLayer, "MappingInformationType"));
        assertEquals("IndexToDirect", RawGeometry.text(uvLayer, "ReferenceInformationType"));
        double[] uv = RawGeometry.array(uvLayer, "UV").doubles();
        int[] uvIndex = RawGeometry.array(uvLayer, "UVIndex").ints();
        Set<String> corners = new HashSet<>();
        Set<Integer> controlPoints = new HashSet<>();
        int[] pvi = g.polygonVertexIndex();
        for (int i = 0; i < pvi.length; i++) {
            int cp = pvi[i] < 0 ? ~pvi[i] : pvi[i];
            controlPoints.add(cp);
            corners.add(cp + ":" + uv[2 * uvIndex[i]] + ":" + uv[2 * uvIndex[i] + 1]);
        }
        assertEquals(corners.size(), m.vertexCount(), "vertices = distinct (control point, UV) corners");
        assertEquals(g.controlPoints(), controlPoints.size(), "every control point is used by a polygon");
        assertTrue(m.uvs() != null, "UVs read");
    }

    @Test
    void everyVertexSkinnedWithNormalisedWeights() {
        CharacterChecks.weightsValid(character);
        CharacterChecks.normalsUnit(character);
        assertEquals("0", character.metadata().get("source.unweightedControlPoints"),
                "every control point has a cluster weight (Blender also reports all 804 weighted)");
    }

    @Test
    void standsUprightFacingPlusZWithLeftOnPlusX() {
        Vec3 head = CharacterChecks.position(character, "Head");
        Vec3 hips = CharacterChecks.position(character, "Hips");
        Vec3 leftFoot = CharacterChecks.position(character, "LeftFoot");
        Vec3 rightFoot = CharacterChecks.position(character, "RightFoot");
        assertTrue(head.y() > hips.y() && hips.y() > leftFoot.y() && hips.y() > rightFoot.y(),
                "head " + head + " above hips " + hips + " above feet " + leftFoot + ", " + rightFoot);
        double[] range = CharacterChecks.verticalRange(character);
        double height = range[1] - range[0];
        // The Kenney figure really is 3.77 m tall in this file (assimp: 376.5 cm; Blender puts
        // Head_end at 3.70 m), so the plausible range reaches 4 m.
        assertTrue(height > 0.5 && height < 4.0, "height " + height + " m");
        double lowestFootJoint = Math.min(CharacterChecks.position(character, "LeftToes").y(),
                CharacterChecks.position(character, "RightToes").y());
        assertTrue(lowestFootJoint - range[0] < 0.05 * height, "toe joints at y " + lowestFootJoint
                + " are not near the lowest vertex " + range[0]);
        assertTrue(Math.abs(range[0]) < 0.01, "feet stand on y = 0, lowest vertex at " + range[0]);
        Vec3 leftHand = CharacterChecks.position(character, "LeftHand");
        Vec3 rightHand = CharacterChecks.position(character, "RightHand");
        assertTrue(leftHand.x() > 1.0 && rightHand.x() < -1.0, "left hand " + leftHand + ", right hand " + rightHand);
        Vec3 toesEnd = CharacterChecks.position(character, "LeftToes_end");
        assertTrue(toesEnd.z() > leftFoot.z() + 0.2, "toes " + toesEnd + " point to +Z from the ankle " + leftFoot);
    }

    @Test
    void meshAndSkeletonShareOneSpace() {
        // Vertices bound mostly to a Left* joint lie on +X, Right* on −X: the mesh transform and
        // the bone transforms agree (a mirrored or rotated mesh would fail this).
        Mesh m = character.meshes().get(0);
        float[] p = m.positions();
        int[] j = m.joints();
        int checked = 0;
        for (int v = 0; v < m.vertexCount(); v++) {
            String joint = character.skeleton().name(j[Mesh.INFLUENCES * v]);
            if (joint.startsWith("Left") && !joint.contains("Ctrl")) {
                assertTrue(p[3 * v] > 0, "vertex " + v + " bound to " + joint + " has x " + p[3 * v]);
                checked++;
            } else if (joint.startsWith("Right") && !joint.contains("Ctrl")) {
                assertTrue(p[3 * v] < 0, "vertex " + v + " bound to " + joint + " has x " + p[3 * v]);
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " vertices bound to side joints");
    }

    @Test
    void blenderPlacesEveryBoneWithinOneMillimetre(@TempDir Path dir) throws Exception {
        Map<String, Object> report = Validators.report("blender-inspect", path, dir);
        CharacterChecks.sameBoneHeads(character, Validators.blenderBoneHeads(report), 0.001);
        Map<String, Object> mesh = MiniJson.asObject(MiniJson.asList(report.get("meshes")).get(0));
        assertEquals(character.triangleCount(), ((Double) mesh.get("triangles")).intValue(), "Blender's triangles");
        assertEquals(RawGeometry.meshes(doc).get(0).controlPoints(), ((Double) mesh.get("vertices")).intValue(),
                "Blender's vertices are the control points");
        assertEquals(mesh.get("vertices"), mesh.get("weighted_vertices"), "Blender: every vertex weighted");
    }

    @Test
    void assimpAgreesOnCountsBonesAndBounds(@TempDir Path dir) throws Exception {
        Map<String, Object> report = Validators.report("assimp-inspect", path, dir);
        Map<String, Object> info = MiniJson.asObject(report.get("info"));
        assertEquals(character.triangleCount(), ((Double) info.get("faces")).intValue(), "assimp's faces (triangulated)");
        for (Object bone : MiniJson.asList(report.get("bone_names"))) {
            assertTrue(character.skeleton().indexOf((String) bone) >= 0, "assimp's skin bone " + bone + " is a joint");
        }
        // assimp keeps the file's Y-up centimetres: its bounding box /100 is ours.
        List<Object> min = MiniJson.asList(info.get("bbox_min"));
        List<Object> max = MiniJson.asList(info.get("bbox_max"));
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Mesh m : character.meshes()) {
            float[] p = m.positions();
            for (int i = 0; i < p.length; i++) {
                lo[i % 3] = Math.min(lo[i % 3], p[i]);
                hi[i % 3] = Math.max(hi[i % 3], p[i]);
            }
        }
        for (int a = 0; a < 3; a++) {
            assertEquals((Double) min.get(a) / 100, lo[a], 0.001, "bounding box min, axis " + a);
            assertEquals((Double) max.get(a) / 100, hi[a], 0.001, "bounding box max, axis " + a);
        }
    }
}
