package io.anim3d.formats.fbx.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxDump;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxProperty;
import io.anim3d.formats.fbx.FbxReader;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our own reader reads our output back and finds the structure Blender's exporter writes: the
 * top-level order, Y-up centimetre settings, one LimbNode per joint at its rest offset, the
 * geometry, clusters whose matrices are the bind pose, consistent connections, and rotation
 * curves that give back every frame's quaternion and never jump.
 */
class FbxSceneStructureTest {
    private static final long KTIME_30FPS = 1_539_538_600L;

    private final Character character = SceneFixtures.character(Humanoid.standard());
    private final Motion motion = SceneFixtures.motion(false, SceneFixtures.FRAMES);
    private final FbxDocument doc;
    private final List<FbxNode> objects;

    FbxSceneStructureTest() throws Exception {
        doc = FbxReader.standard().read(FbxSceneWriter.toBytes(character, motion, FbxSceneOptions.defaults()));
        objects = doc.node("Objects").orElseThrow().children();
    }

    @Test
    void topLevelOrderAndGlobalSettingsAreBlenders() {
        assertEquals(7400, doc.version());
        assertEquals(List.of("FBXHeaderExtension", "FileId", "CreationTime", "Creator", "GlobalSettings", "Documents",
                "References", "Definitions", "Objects", "Connections", "Takes"), doc.nodes().stream().map(FbxNode::name).toList());
        Map<String, FbxNode> p = props(doc.node("GlobalSettings").orElseThrow());
        for (Object[] e : new Object[][] {{"UpAxis", 1}, {"UpAxisSign", 1}, {"FrontAxis", 2}, {"FrontAxisSign", 1},
            {"CoordAxis", 0}, {"CoordAxisSign", 1}, {"TimeMode", 6}}) {
            assertEquals(e[1], ((FbxProperty.Int32) p.get((String) e[0]).property(4)).value(), "GlobalSettings " + e[0]);
        }
        assertEquals(1.0, dbl(p.get("UnitScaleFactor"), 4), "UnitScaleFactor (1 = centimetres)");
        assertEquals(1.0, dbl(p.get("OriginalUnitScaleFactor"), 4), "OriginalUnitScaleFactor");
        assertEquals(30.0, dbl(p.get("CustomFrameRate"), 4), "CustomFrameRate");
        assertEquals(59 * KTIME_30FPS, lng(p.get("TimeSpanStop"), 4), "TimeSpanStop = last frame in KTime");
        assertEquals("1970-01-01 10:00:00:000", str(doc.node("CreationTime").orElseThrow(), 0), "fixed CreationTime");
        FbxNode take = doc.node("Takes").orElseThrow().child("Take").orElseThrow();
        assertEquals("mocap", str(take, 0), "take name");
        assertEquals(59 * KTIME_30FPS, lng(take.child("LocalTime").orElseThrow(), 1), "take LocalTime stop");
    }

    @Test
    void everyJointIsALimbNodeAtItsRestOffsetInCentimetres() {
        Skeleton s = character.skeleton();
        Map<String, FbxNode> limbs = new HashMap<>();
        int nulls = 0;
        int meshes = 0;
        for (FbxNode o : objects) {
            if (o.name().equals("Model")) {
                switch (str(o, 2)) {
                    case "LimbNode" -> limbs.put(objectName(o), o);
                    case "Null" -> nulls++;
                    case "Mesh" -> meshes++;
                    default -> throw new AssertionError("unexpected Model subtype " + str(o, 2));
                }
            }
        }
        assertEquals(1, nulls, "one armature Null");
        assertEquals(2, meshes, "mesh Models");
        assertEquals(s.size(), limbs.size(), "LimbNodes, end joints included");
        for (int j = 0; j < s.size(); j++) {
            FbxNode m = limbs.get(s.name(j));
            assertTrue(m != null, "no LimbNode for " + s.name(j));
            Map<String, FbxNode> p = props(m.child("Properties70").orElseThrow());
            Vec3 o = s.offset(j);
            assertArrayEquals(new double[] {o.x() * 100, o.y() * 100, o.z() * 100}, vec(p.get("Lcl Translation")), 1e-9,
                    s.name(j) + " Lcl Translation (cm)");
            assertArrayEquals(new double[3], vec(p.get("Lcl Rotation")), 0, s.name(j) + " Lcl Rotation");
        }
    }

    @Test
    void geometryAndClustersHoldTheMeshAndItsBindPose() {
        Mesh body = character.meshes().get(0);
        FbxNode g = objects.stream().filter(o -> o.name().equals("Geometry") && objectName(o).equals("Body")).findFirst().orElseThrow();
        double[] v = ((FbxProperty.Array) g.child("Vertices").orElseThrow().property(0)).doubles();
        float[] pos = body.positions();
        assertEquals(pos.length, v.length, "Body vertices");
        for (int i = 0; i < v.length; i++) {
            assertEquals(pos[i] * 100.0, v[i], 1e-9, "Body vertex value " + i + " (cm)");
        }
        int[] pvi = ((FbxProperty.Array) g.child("PolygonVertexIndex").orElseThrow().property(0)).ints();
        int[] tris = body.triangles();
        for (int i = 0; i < pvi.length; i++) {
            assertEquals(i % 3 == 2 ? ~tris[i] : tris[i], pvi[i], "PolygonVertexIndex " + i);
        }
        // Clusters: TransformLink = bone bind world = translation by the rest position, Transform its inverse;
        // the weights of each vertex over all clusters of the Body skin sum to 1.
        Map<Long, FbxNode> byId = new HashMap<>();
        objects.forEach(o -> byId.put(lng(o, 0), o));
        long skin = objects.stream().filter(o -> o.name().equals("Deformer") && str(o, 2).equals("Skin")
                && objectName(o).equals("Body")).mapToLong(o -> lng(o, 0)).findFirst().orElseThrow();
        Vec3[] rest = character.skeleton().restPositions();
        double[] sums = new double[body.vertexCount()];
        int clusters = 0;
        for (FbxNode c : doc.node("Connections").orElseThrow().children()) {
            if (lng(c, 2) != skin || !byId.containsKey(lng(c, 1)) || !str(byId.get(lng(c, 1)), 2).equals("Cluster")) {
                continue;
            }
            FbxNode cluster = byId.get(lng(c, 1));
            clusters++;
            Vec3 r = rest[character.skeleton().require(objectName(cluster))];
            double[] link = ((FbxProperty.Array) cluster.child("TransformLink").orElseThrow().property(0)).doubles();
            double[] transform = ((FbxProperty.Array) cluster.child("Transform").orElseThrow().property(0)).doubles();
            assertArrayEquals(new double[] {r.x() * 100, r.y() * 100, r.z() * 100}, new double[] {link[12], link[13], link[14]},
                    1e-9, objectName(cluster) + " TransformLink translation");
            assertArrayEquals(new double[] {-link[12], -link[13], -link[14]}, new double[] {transform[12], transform[13],
                transform[14]}, 1e-12, objectName(cluster) + " Transform = inverse of TransformLink");
            int[] idx = ((FbxProperty.Array) cluster.child("Indexes").orElseThrow().property(0)).ints();
            double[] w = ((FbxProperty.Array) cluster.child("Weights").orElseThrow().property(0)).doubles();
            for (int i = 0; i < idx.length; i++) {
                sums[idx[i]] += w[i];
            }
        }
        Set<Integer> weighting = new HashSet<>();
        int[] js = body.joints();
        float[] ws = body.weights();
        for (int i = 0; i < js.length; i++) {
            if (ws[i] > 0) {
                weighting.add(js[i]);
            }
        }
        assertEquals(weighting.size(), clusters, "Body clusters (one per joint that weights a Body vertex)");
        for (int i = 0; i < sums.length; i++) {
            assertEquals(1.0, sums[i], 1e-6, "weights of Body vertex " + i);
        }
    }

    @Test
    void connectionsReferToExistingObjectsAndEveryModelHasAParent() {
        Set<Long> ids = new HashSet<>();
        for (FbxNode o : objects) {
            assertTrue(ids.add(lng(o, 0)), "id " + lng(o, 0) + " used twice");
        }
        Map<Long, Integer> modelParents = new HashMap<>();
        for (FbxNode c : doc.node("Connections").orElseThrow().children()) {
            long child = lng(c, 1);
            long parent = lng(c, 2);
            assertTrue(ids.contains(child), "connection from unknown id " + child);
            assertTrue(parent == 0 || ids.contains(parent), "connection to unknown id " + parent);
            if (str(c, 0).equals("OO")) {
                modelParents.merge(child, 1, Integer::sum);
            }
        }
        for (FbxNode o : objects) {
            if (o.name().equals("Model")) {
                // a bone Model is connected to its parent and to each cluster it drives; at least one parent
                assertTrue(modelParents.getOrDefault(lng(o, 0), 0) >= 1, objectName(o) + " has no parent");
            }
        }
    }

    @Test
    void rotationCurvesGiveBackEveryQuaternionWithoutJumps() {
        Map<Long, FbxNode> byId = new HashMap<>();
        objects.forEach(o -> byId.put(lng(o, 0), o));
        Map<Long, long[]> curvesOfNode = new HashMap<>(); // curve node id → curve ids X, Y, Z
        Map<Long, Long> boneOfNode = new HashMap<>();
        for (FbxNode c : doc.node("Connections").orElseThrow().children()) {
            if (!str(c, 0).equals("OP")) {
                continue;
            }
            String prop = str(c, 3);
            if (prop.startsWith("d|")) {
                curvesOfNode.computeIfAbsent(lng(c, 2), k -> new long[3])["XYZ".indexOf(prop.charAt(2))] = lng(c, 1);
            } else if (prop.equals("Lcl Rotation")) {
                boneOfNode.put(lng(c, 1), lng(c, 2));
            }
        }
        Skeleton s = motion.skeleton();
        assertEquals(SceneFixtures.ROTATED.size(), boneOfNode.size(), "R curve nodes (one per rotated joint)");
        double worstAngle = 0;
        double worstStep = 0;
        for (Map.Entry<Long, Long> e : boneOfNode.entrySet()) {
            String joint = objectName(byId.get(e.getValue()));
            int j = s.require(joint);
            float[][] deg = new float[3][];
            for (int k = 0; k < 3; k++) {
                FbxNode curve = byId.get(curvesOfNode.get(e.getKey())[k]);
                deg[k] = ((FbxProperty.Array) curve.child("KeyValueFloat").orElseThrow().property(0)).floats();
                long[] times = ((FbxProperty.Array) curve.child("KeyTime").orElseThrow().property(0)).longs();
                assertEquals(SceneFixtures.FRAMES, times.length, joint + " keys");
                for (int f = 0; f < times.length; f++) {
                    assertEquals(f * KTIME_30FPS, times[f], joint + " KeyTime of frame " + f);
                }
            }
            for (int f = 0; f < SceneFixtures.FRAMES; f++) {
                Quat q = EulerXyz.toQuat(Math.toRadians(deg[0][f]), Math.toRadians(deg[1][f]), Math.toRadians(deg[2][f]));
                double angle = q.angleTo(motion.rotation(f, j));
                worstAngle = Math.max(worstAngle, angle);
                assertTrue(angle < 1e-5, String.format(Locale.ROOT, "%s frame %d: Euler %.4f %.4f %.4f is %.2e rad off",
                        joint, f, deg[0][f], deg[1][f], deg[2][f], angle));
                for (int k = 0; k < 3 && f > 0; k++) {
                    double step = Math.abs(deg[k][f] - deg[k][f - 1]);
                    worstStep = Math.max(worstStep, step);
                    assertTrue(step < 30, joint + " axis " + "XYZ".charAt(k) + " jumps " + step + "° at frame " + f);
                }
            }
        }
        System.out.printf(Locale.ROOT, "[fbx] rotation curves: max %.2e rad from the motion, largest step %.2f°/frame%n",
                worstAngle, worstStep);
    }

    @Test
    void dumpShowsTheSceneOutline() {
        String dump = FbxDump.describe(doc.nodes(), 2);
        for (String line : List.of("Model: L ", "S \"Hips\\x00\\x01Model\", S \"LimbNode\"", "S \"box-figure\\x00\\x01Model\", S \"Null\"",
                "S \"Body\\x00\\x01Geometry\", S \"Mesh\"", "S \"Body\\x00\\x01Deformer\", S \"Skin\"", "S \"Cluster\"",
                "S \"box-figure\\x00\\x01Pose\", S \"BindPose\"", "S \"Skin\\x00\\x01Material\"", "S \"Skin.png\\x00\\x01Video\", S \"Clip\"",
                "S \"jawOpen\\x00\\x01SubDeformer\", S \"BlendShapeChannel\"", "S \"jawOpen\\x00\\x01Geometry\", S \"Shape\"",
                "S \"mocap\\x00\\x01AnimStack\"", "S \"R\\x00\\x01AnimCurveNode\"", "S \"T\\x00\\x01AnimCurveNode\"")) {
            assertTrue(dump.contains(line), "FbxDump lacks " + line + "\n" + dump.substring(0, Math.min(3000, dump.length())));
        }
    }

    static Map<String, FbxNode> props(FbxNode owner) {
        FbxNode p70 = owner.name().equals("Properties70") ? owner : owner.child("Properties70").orElseThrow();
        Map<String, FbxNode> out = new HashMap<>();
        p70.children().forEach(p -> out.put(str(p, 0), p));
        return out;
    }

    static String str(FbxNode n, int i) {
        return ((FbxProperty.Str) n.property(i)).text();
    }

    static long lng(FbxNode n, int i) {
        return ((FbxProperty.Int64) n.property(i)).value();
    }

    static double dbl(FbxNode n, int i) {
        return ((FbxProperty.Float64) n.property(i)).value();
    }

    static double[] vec(FbxNode p) {
        return new double[] {dbl(p, 4), dbl(p, 5), dbl(p, 6)};
    }

    /** The name part of {@code "Name\0\1Class"}. */
    static String objectName(FbxNode o) {
        String s = str(o, 1);
        int sep = s.indexOf("\u0000\u0001");
        return sep < 0 ? s : s.substring(0, sep);
    }
}
