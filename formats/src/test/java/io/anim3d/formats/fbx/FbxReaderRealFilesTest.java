package io.anim3d.formats.fbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Reads the third-party binary FBX files and checks what is known about their contents. */
class FbxReaderRealFilesTest {
    private static final List<String> SCENE_NODES = List.of("FBXHeaderExtension", "FileId", "CreationTime", "Creator",
            "GlobalSettings", "Documents", "References", "Definitions", "Objects", "Connections", "Takes");

    @ParameterizedTest
    @FieldSource("io.anim3d.formats.fbx.FbxTestFiles#BINARY")
    void readsVersionAndTopLevelNodes(String file) throws Exception {
        FbxDocument doc = FbxReader.standard().read(FbxTestFiles.path(file));
        int expectedVersion = file.contains("7700") ? 7700 : 7400;
        assertEquals(expectedVersion, doc.version(), file + ": header version");
        List<String> names = doc.nodes().stream().map(FbxNode::name).collect(Collectors.toList());
        assertEquals(SCENE_NODES, names, file + ": top-level nodes");
        FbxNode header = doc.node("FBXHeaderExtension").orElseThrow();
        int fbxVersion = ((FbxProperty.Int32) header.child("FBXVersion").orElseThrow().property(0)).value();
        assertEquals(expectedVersion, fbxVersion, file + ": FBXHeaderExtension/FBXVersion agrees with the header");
    }

    @ParameterizedTest
    @FieldSource("io.anim3d.formats.fbx.FbxTestFiles#BINARY")
    void everyArrayDecodesToItsDeclaredLength(String file) throws Exception {
        FbxDocument doc = FbxReader.standard().read(FbxTestFiles.path(file));
        int arrays = 0;
        for (FbxNode n : FbxTestFiles.allNodes(doc.nodes())) {
            for (FbxProperty p : n.properties()) {
                if (p instanceof FbxProperty.Array a) {
                    arrays++;
                    int decoded = switch (a.type()) {
                        case FLOAT32 -> a.floats().length;
                        case FLOAT64 -> a.doubles().length;
                        case INT32 -> a.ints().length;
                        case INT64 -> a.longs().length;
                        case BOOL -> a.booleans().length;
                        case BYTE -> a.littleEndianBytes().length;
                    };
                    assertEquals(a.length(), decoded, file + ": array in " + n.name());
                }
            }
        }
        if (!file.equals(FbxTestFiles.HUMAN_IK)) { // a skeleton whose curve nodes hold only defaults: no arrays
            assertTrue(arrays > 0, file + " has no arrays at all");
        }
    }

    @Test
    void humanIkHas62LimbNodeModels() throws Exception {
        FbxDocument doc = FbxReader.standard().read(FbxTestFiles.path(FbxTestFiles.HUMAN_IK));
        FbxNode objects = doc.node("Objects").orElseThrow();
        List<FbxNode> limbs = objects.children("Model").stream()
                .filter(m -> FbxTestFiles.text(m, 2).equals("LimbNode")).toList();
        assertEquals(62, limbs.size(), "LimbNode models (MANIFEST.md: 62 bones)");
        for (FbxNode m : limbs) {
            long uid = ((FbxProperty.Int64) m.property(0)).value();
            assertTrue(uid != 0, "LimbNode " + FbxTestFiles.text(m, 1) + " has UID 0");
            String name = FbxTestFiles.text(m, 1);
            assertTrue(name.startsWith("Character1_") && name.endsWith("\u0000\u0001Model"),
                    "LimbNode name is \"Name\\x00\\x01Model\": " + FbxDump.describe(m.property(1)));
        }
        assertTrue(limbs.stream().anyMatch(m -> FbxTestFiles.text(m, 1).equals("Character1_Hips\u0000\u0001Model")),
                "Character1_Hips among the LimbNodes");
    }

    @Test
    void kenneyGeometryHasWholeVerticesAndClosedPolygons() throws Exception {
        FbxDocument doc = FbxReader.standard().read(FbxTestFiles.path(FbxTestFiles.KENNEY));
        List<FbxNode> meshes = doc.node("Objects").orElseThrow().children("Geometry").stream()
                .filter(g -> FbxTestFiles.text(g, 2).equals("Mesh")).toList();
        assertEquals(1, meshes.size(), "mesh geometries (MANIFEST.md: 1 mesh)");
        FbxNode mesh = meshes.get(0);
        double[] vertices = ((FbxProperty.Array) mesh.child("Vertices").orElseThrow().property(0)).doubles();
        int[] polygons = ((FbxProperty.Array) mesh.child("PolygonVertexIndex").orElseThrow().property(0)).ints();
        assertTrue(vertices.length > 0 && vertices.length % 3 == 0, "Vertices length " + vertices.length);
        int vertexCount = vertices.length / 3;
        assertTrue(polygons[polygons.length - 1] < 0, "the last polygon index is stored as index XOR -1");
        for (int i = 0; i < polygons.length; i++) {
            int v = polygons[i] < 0 ? ~polygons[i] : polygons[i];
            if (v >= vertexCount) {
                fail("PolygonVertexIndex[" + i + "] = " + polygons[i] + " refers to vertex " + v + " of " + vertexCount);
            }
        }
        for (double c : vertices) {
            assertTrue(Double.isFinite(c), "vertex coordinate " + c);
        }
    }

    @Test
    void asciiFbxGetsAClearError() {
        FbxFormatException e = assertThrows(FbxFormatException.class,
                () -> FbxReader.standard().read(FbxTestFiles.path(FbxTestFiles.HUMAN_IK_ASCII)));
        assertTrue(e.getMessage().contains("ASCII FBX is not supported: export as binary FBX 7.x"), e.getMessage());
    }

    @Test
    void dumpShowsTypesValuesAndArrayLengths() throws Exception {
        FbxDocument doc = FbxReader.standard().read(FbxTestFiles.path(FbxTestFiles.KENNEY));
        String dump = FbxDump.describe(doc.nodes(), 3);
        assertTrue(dump.startsWith("FBXHeaderExtension\n  FBXHeaderVersion: I 1004\n  FBXVersion: I 7700\n"), dump);
        assertTrue(dump.contains("Vertices: d ["), "array shown with its length:\n" + dump.substring(0, 2000));
        assertTrue(dump.contains("\\x00\\x01Model\""), "name/class separator shown escaped");
        assertTrue(dump.contains(" children }"), "deeper levels summarised");
        String shallow = FbxDump.describe(doc.nodes(), 1);
        assertEquals(doc.nodes().size(), shallow.split("\n").length, "depth 1 prints one line per top-level node");
    }
}
