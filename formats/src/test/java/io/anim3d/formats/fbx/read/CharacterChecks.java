package io.anim3d.formats.fbx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.Map;

/** Assertions shared by the reader tests; each failure names the joint, mesh or vertex and the numbers. */
final class CharacterChecks {
    private CharacterChecks() {
    }

    static void parent(Skeleton s, String child, String parent) {
        int c = s.indexOf(child);
        assertTrue(c >= 0, "joint " + child + " is missing; joints: " + s.names());
        int p = s.parent(c);
        assertEquals(parent, p < 0 ? null : s.name(p), "parent of " + child);
    }

    static Vec3 position(Character c, String joint) {
        return c.skeleton().restPositions()[c.skeleton().require(joint)];
    }

    /** Every vertex: at most 4 influences on valid joints, weights in [0, 1], largest first, summing to 1. */
    static void weightsValid(Character c) {
        for (Mesh m : c.meshes()) {
            int[] j = m.joints();
            float[] w = m.weights();
            for (int v = 0; v < m.vertexCount(); v++) {
                double sum = 0;
                for (int k = 0; k < Mesh.INFLUENCES; k++) {
                    float wk = w[Mesh.INFLUENCES * v + k];
                    if (wk < 0 || wk > 1 || j[Mesh.INFLUENCES * v + k] >= c.skeleton().size()) {
                        fail("mesh " + m.name() + " vertex " + v + " influence " + k + ": joint "
                                + j[Mesh.INFLUENCES * v + k] + " weight " + wk);
                    }
                    if (k > 0 && wk > w[Mesh.INFLUENCES * v + k - 1]) {
                        fail("mesh " + m.name() + " vertex " + v + " weights not sorted: " + wk + " after "
                                + w[Mesh.INFLUENCES * v + k - 1]);
                    }
                    sum += wk;
                }
                assertEquals(1.0, sum, 1e-5, "mesh " + m.name() + " vertex " + v + " weight sum");
            }
        }
    }

    /** Every normal has unit length. */
    static void normalsUnit(Character c) {
        for (Mesh m : c.meshes()) {
            float[] n = m.normals();
            for (int v = 0; v < m.vertexCount(); v++) {
                double len = Math.sqrt(n[3 * v] * n[3 * v] + n[3 * v + 1] * n[3 * v + 1] + n[3 * v + 2] * n[3 * v + 2]);
                assertEquals(1.0, len, 1e-4, "mesh " + m.name() + " vertex " + v + " normal length");
            }
        }
    }

    /** Every bone Blender imported is a joint at the same world position, within {@code tolerance} metres. */
    static void sameBoneHeads(Character c, Map<String, Vec3> blender, double tolerance) {
        assertTrue(!blender.isEmpty(), "Blender reported no bones");
        Vec3[] ours = c.skeleton().restPositions();
        for (Map.Entry<String, Vec3> e : blender.entrySet()) {
            int j = c.skeleton().indexOf(e.getKey());
            assertTrue(j >= 0, "Blender's bone " + e.getKey() + " is not a joint; joints: " + c.skeleton().names());
            double d = ours[j].distance(e.getValue());
            assertTrue(d <= tolerance, "joint " + e.getKey() + " at " + ours[j] + ", Blender's head at " + e.getValue()
                    + ": " + d * 1000 + " mm apart");
        }
    }

    /** Lowest and highest vertex y of all meshes, metres. */
    static double[] verticalRange(Character c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Mesh m : c.meshes()) {
            float[] p = m.positions();
            for (int i = 1; i < p.length; i += 3) {
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
        }
        return new double[] {lo, hi};
    }
}
