package io.anim3d.formats.fbx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.formats.fbx.FbxReader;
import io.anim3d.formats.fbx.scene.FbxSceneOptions;
import io.anim3d.formats.fbx.scene.FbxSceneWriter;
import io.anim3d.motion.Vec3;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stock character written by our FBX scene writer and read back by our FBX reader is the
 * same character: same joints in the same hierarchy with rest positions within 0.01 mm, same
 * meshes (vertex and triangle counts), every vertex found again within 0.01 mm with its four
 * weights within 1e-6 and the same joints, morph names kept.
 */
class FbxStockRoundTripTest {
    private static final double POSITION_TOLERANCE = 1e-5;
    private static final double WEIGHT_TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"male-young", "child"})
    void stockCharacterSurvivesOurWriterAndReader(String name) throws Exception {
        Character written = StockCharacters.create(name);
        byte[] fbx = FbxSceneWriter.toBytes(written, null, FbxSceneOptions.defaults());
        Character read = FbxCharacterReader.read(FbxReader.standard().read(fbx), name);

        assertEquals(written.skeleton().size(), read.skeleton().size(), "joint count");
        Vec3[] restWritten = written.skeleton().restPositions();
        Vec3[] restRead = read.skeleton().restPositions();
        double worstJoint = 0;
        for (int j = 0; j < written.skeleton().size(); j++) {
            String joint = written.skeleton().name(j);
            int k = read.skeleton().require(joint);
            int parent = written.skeleton().parent(j);
            if (parent >= 0) {
                assertEquals(written.skeleton().name(parent), read.skeleton().name(read.skeleton().parent(k)), "parent of " + joint);
            }
            double d = restWritten[j].distance(restRead[k]);
            worstJoint = Math.max(worstJoint, d);
            assertTrue(d < POSITION_TOLERANCE, String.format(Locale.ROOT, "%s: joint %s moved %.4f mm", name, joint, d * 1000));
        }

        assertEquals(written.meshes().size(), read.meshes().size(), "mesh count");
        double worstVertex = 0;
        for (Mesh w : written.meshes()) {
            Mesh r = read.meshes().stream().filter(m -> m.name().equals(w.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("mesh " + w.name() + " not read back; read: "
                            + read.meshes().stream().map(Mesh::name).toList()));
            assertEquals(w.triangleCount(), r.triangleCount(), w.name() + " triangles");
            assertEquals(w.vertexCount(), r.vertexCount(), w.name() + " vertices");
            assertEquals(w.morphs().stream().map(m -> m.name()).toList(), r.morphs().stream().map(m -> m.name()).toList(),
                    w.name() + " morph names");
            // Match vertices by position (the reader may order them differently).
            Map<String, Integer> byPosition = new HashMap<>();
            float[] rp = r.positions();
            for (int v = 0; v < r.vertexCount(); v++) {
                byPosition.putIfAbsent(key(rp, v), v);
            }
            float[] wp = w.positions();
            int[] wj = w.joints(), rj = r.joints();
            float[] ww = w.weights(), rw = r.weights();
            for (int v = 0; v < w.vertexCount(); v++) {
                Integer match = byPosition.get(key(wp, v));
                assertTrue(match != null, w.name() + ": vertex " + v + " not found again");
                worstVertex = Math.max(worstVertex, Math.abs(wp[3 * v] - rp[3 * match]) + Math.abs(wp[3 * v + 1] - rp[3 * match + 1])
                        + Math.abs(wp[3 * v + 2] - rp[3 * match + 2]));
                Map<String, Float> a = influences(written, wj, ww, v), b = influences(read, rj, rw, match);
                assertEquals(a.keySet(), b.keySet(), w.name() + ": joints of vertex " + v);
                for (String joint : a.keySet()) {
                    assertEquals(a.get(joint), b.get(joint), WEIGHT_TOLERANCE, w.name() + ": weight of " + joint + " on vertex " + v);
                }
            }
        }
        System.out.printf(Locale.ROOT, "[fbx] %s: %d bytes; worst joint %.5f mm, worst vertex %.5f mm%n", name, fbx.length,
                worstJoint * 1000, worstVertex * 1000);
    }

    /** Position rounded to 0.01 mm. */
    private static String key(float[] p, int v) {
        return Math.round(p[3 * v] * 1e5) + "," + Math.round(p[3 * v + 1] * 1e5) + "," + Math.round(p[3 * v + 2] * 1e5);
    }

    private static Map<String, Float> influences(Character c, int[] joints, float[] weights, int v) {
        Map<String, Float> m = new HashMap<>();
        for (int k = 0; k < Mesh.INFLUENCES; k++) {
            float w = weights[Mesh.INFLUENCES * v + k];
            if (w > 1e-6) {
                m.merge(c.skeleton().name(joints[Mesh.INFLUENCES * v + k]), w, Float::sum);
            }
        }
        return m;
    }
}
