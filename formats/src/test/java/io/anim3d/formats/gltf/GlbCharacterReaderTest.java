package io.anim3d.formats.gltf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GlbCharacterReader} on our own GLB output (a round trip of every stock character) and on
 * third-party GLB and VRM characters from ../shared/testdata: skeleton as in the file's skin,
 * plausible size in metres, feet on the ground, facing +Z, and clear refusals.
 */
class GlbCharacterReaderTest {
    static final List<String> STOCK = StockCharacters.NAMES;

    @ParameterizedTest
    @FieldSource("STOCK")
    void stockCharacterSurvivesTheRoundTripThroughGlb(String name) {
        Character original = StockCharacters.create(name, false);
        byte[] glb = GlbWriter.toBytes(original, null, GlbOptions.defaults());
        Character read = GlbCharacterReader.read(glb, name);

        Skeleton a = original.skeleton();
        Skeleton b = read.skeleton();
        assertEquals(a.names(), b.names(), "joint names");
        Vec3[] pa = a.restPositions();
        Vec3[] pb = b.restPositions();
        for (int j = 0; j < a.size(); j++) {
            assertEquals(a.parent(j), b.parent(j), "parent of joint " + a.name(j));
            assertTrue(pa[j].distance(pb[j]) < 1e-4, "rest position of " + a.name(j) + " off by " + pa[j].distance(pb[j]) + " m");
        }
        assertEquals(original.meshes().size(), read.meshes().size(), "mesh count");
        for (int m = 0; m < original.meshes().size(); m++) {
            Mesh x = original.meshes().get(m);
            Mesh y = read.meshes().get(m);
            assertEquals(x.vertexCount(), y.vertexCount(), "vertices of mesh " + x.name());
            assertEquals(x.triangleCount(), y.triangleCount(), "triangles of mesh " + x.name());
            float[] px = x.positions();
            float[] py = y.positions();
            for (int i = 0; i < px.length; i++) {
                assertEquals(px[i], py[i], 1e-4, "mesh " + x.name() + " vertex " + i / 3 + " coordinate " + i % 3);
            }
            float[] nx = x.normals();
            float[] ny = y.normals();
            for (int i = 0; i < nx.length; i++) {
                assertEquals(nx[i], ny[i], 1e-3, "mesh " + x.name() + " normal " + i / 3 + " coordinate " + i % 3);
            }
            assertSameWeights(x, y);
            assertEquals(original.materials().get(x.material()).name(), read.materials().get(y.material()).name(),
                    "material of " + x.name());
        }
        assertEquals(original.triangleCount(), read.triangleCount(), "triangles");
    }

    /**
     * Third-party skinned characters: path, joints in the file's skin, and for figures standing on
     * y = 0 the range of their height in metres (0 for test rigs that are not figures).
     */
    record Sample(String path, int skinJoints, double minHeight, double maxHeight) {
        boolean standing() {
            return maxHeight > 0;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("characters/gltf/brunette-t.glb", 67, 1.5, 2.0),
            new Sample("characters/gltf/mannequiny.glb", 45, 1.5, 2.0),
            // rigid plates under the joints plus four skins (hands) over the same joints; authored 4.5 units tall
            new Sample("characters/gltf/RobotExpressive.glb", 43, 4, 5),
            new Sample("characters/gltf/simple_skin/quad_skin.glb", 10, 0, 0),
            new Sample("characters/vrm/pose_rotation_scale_shape_key_skinned.vrm", 17, 0, 0),
            new Sample("characters/vrm/rest_a_pose_t_position_pose.vrm", 54, 0, 0),
            new Sample("characters/vrm/rest_a_pose_t_position_rest.vrm", 54, 0, 0));

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void thirdPartyCharacterReadsWithItsSkeletonAndAPlausibleSize(Sample sample) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedTestData.testdata(sample.path()));
        Character c = GlbCharacterReader.read(bytes, "sample");
        Skeleton s = c.skeleton();
        int extraRoot = s.size() - sample.skinJoints();
        assertTrue(extraRoot == 0 || extraRoot == 1, sample + ": " + s.size() + " joints for a skin of " + sample.skinJoints());
        assertEquals(Integer.toString(sample.skinJoints()), c.metadata().get("source.skinJoints"), sample + ": skin joints");
        assertTrue(!c.meshes().isEmpty() && c.triangleCount() > 0, sample + ": no triangles");
        double[] box = bounds(c);
        String size = String.format(Locale.ROOT, "%s: bounds x %.3f..%.3f y %.3f..%.3f z %.3f..%.3f, %d joints, %d meshes, %d triangles",
                sample, box[0], box[3], box[1], box[4], box[2], box[5], s.size(), c.meshes().size(), c.triangleCount());
        System.out.println(size);
        if (sample.standing()) {
            double height = box[4] - box[1];
            assertTrue(height > sample.minHeight() && height < sample.maxHeight(), size + ": height " + height
                    + " m outside " + sample.minHeight() + ".." + sample.maxHeight());
            assertTrue(Math.abs(box[1]) < 0.1, size + ": feet are not near y = 0");
            Vec3[] rest = s.restPositions();
            for (int j = 0; j < s.size(); j++) {
                assertTrue(rest[j].y() > box[1] - 0.3 && rest[j].y() < box[4] + 0.3,
                        size + ": joint " + s.name(j) + " at y " + rest[j].y() + " is outside the mesh");
            }
        }
    }

    /** VRM 0.x faces −Z in the file; after reading, the face (in front of the head joint) is at +Z. */
    @ParameterizedTest
    @ValueSource(strings = {"characters/vrm/rest_a_pose_t_position_rest.vrm"})
    void vrm0CharacterIsTurnedToFacePlusZ(String path) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedTestData.testdata(path));
        Character c = GlbCharacterReader.read(bytes, "vrm");
        assertEquals("vrm0", c.metadata().get("source.format"));
        Skeleton s = c.skeleton();
        Vec3[] rest = s.restPositions();
        int left = indexEndingWith(s, "leftupperleg", "upperleg.l", "thigh_l", "leftupleg", "j_bip_l_upperleg");
        int right = indexEndingWith(s, "rightupperleg", "upperleg.r", "thigh_r", "rightupleg", "j_bip_r_upperleg");
        assertTrue(left >= 0 && right >= 0, "no upper leg joints among " + s.names());
        // facing +Z with Y up, the character's left is +X
        assertTrue(rest[left].x() > rest[right].x(), "left leg at x " + rest[left].x() + ", right at " + rest[right].x()
                + ": the character does not face +Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"characters/vrm/basic_armature.vrm", "characters/vrm/basic_armature_vrm1.vrm", "characters/vrm/minimal.vrm",
        "characters/vrm/broken/draco.vrm", "characters/vrm/broken/empty.vrm"})
    void filesWithoutAReadableSkinnedMeshAreRefusedWithAMessage(String path) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedTestData.testdata(path));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GlbCharacterReader.read(bytes, "x"));
        String m = e.getMessage();
        assertTrue(m.contains("skinned mesh") || m.contains("draco") || m.contains("GLB") || m.contains("glTF"), path + ": " + m);
        System.out.println(path + ": " + m);
    }

    /** Ready Player Me embeds JPEG base-colour textures: they come out as PNG on the materials. */
    @Test
    void embeddedJpegTexturesBecomePngMaterials() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedTestData.testdata("characters/gltf/brunette-t.glb"));
        Character c = GlbCharacterReader.read(bytes, "brunette");
        long textured = c.materials().stream().filter(m -> m.texturePng() != null).count();
        assertEquals(c.materials().size(), textured, "every material of brunette-t has a base-colour texture; "
                + c.metadata());
        for (var m : c.materials()) {
            byte[] png = m.texturePng();
            assertEquals(0x89, png[0] & 0xff, m.name() + ": PNG signature");
            assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII), m.name() + ": PNG signature");
        }
        for (Mesh m : c.meshes()) {
            assertTrue(m.uvs() != null, "mesh " + m.name() + " keeps its UVs");
        }
    }

    @Test
    void hostileCountsAndNestingAreRefusedBeforeAnythingIsAllocated() {
        byte[] glb = GlbWriter.toBytes(StockCharacters.create(STOCK.get(0), false), null, GlbOptions.defaults());
        GlbContainer c = GlbContainer.parse(glb);
        String huge = c.json().replaceAll("\"count\":\\s*\\d+", "\"count\":1000000000");
        byte[] hostile = new GlbContainer(huge, c.bin()).toBytes();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GlbCharacterReader.read(hostile, "x"));
        assertTrue(e.getMessage().contains("accessors["), e.getMessage());

        String deep = "{\"asset\":{\"version\":\"2.0\"},\"extras\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        byte[] nested = new GlbContainer(deep, new byte[0]).toBytes();
        e = assertThrows(IllegalArgumentException.class, () -> GlbCharacterReader.read(nested, "x"));
        assertTrue(e.getMessage().contains("nests deeper"), e.getMessage());

        byte[] cut = java.util.Arrays.copyOf(glb, glb.length / 2);
        e = assertThrows(IllegalArgumentException.class, () -> GlbCharacterReader.read(cut, "x"));
        assertTrue(e.getMessage().contains("GLB"), e.getMessage());
    }

    private static int indexEndingWith(Skeleton s, String... suffixes) {
        for (int j = 0; j < s.size(); j++) {
            String n = s.name(j).toLowerCase(Locale.ROOT).replace("_", "");
            for (String suffix : suffixes) {
                if (n.endsWith(suffix.replace("_", ""))) {
                    return j;
                }
            }
        }
        return -1;
    }

    /** Every vertex has the same weight on every joint (slot order may differ for equal weights). */
    private static void assertSameWeights(Mesh x, Mesh y) {
        int[] jx = x.joints();
        int[] jy = y.joints();
        float[] wx = x.weights();
        float[] wy = y.weights();
        for (int v = 0; v < x.vertexCount(); v++) {
            for (int k = 0; k < Mesh.INFLUENCES; k++) {
                for (int[] js : new int[][] {jx, jy}) {
                    int joint = js[4 * v + k];
                    double a = weightOn(jx, wx, v, joint);
                    double b = weightOn(jy, wy, v, joint);
                    assertEquals(a, b, 1e-5, "mesh " + x.name() + " vertex " + v + " weight on joint " + joint);
                }
            }
        }
    }

    private static double weightOn(int[] joints, float[] weights, int v, int joint) {
        double sum = 0;
        for (int k = 0; k < Mesh.INFLUENCES; k++) {
            if (joints[4 * v + k] == joint) {
                sum += weights[4 * v + k];
            }
        }
        return sum;
    }

    /** min x, y, z, max x, y, z over every mesh vertex. */
    private static double[] bounds(Character c) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Mesh m : c.meshes()) {
            float[] p = m.positions();
            for (int i = 0; i < p.length; i++) {
                b[i % 3] = Math.min(b[i % 3], p[i]);
                b[3 + i % 3] = Math.max(b[3 + i % 3], p[i]);
            }
        }
        return b;
    }
}
