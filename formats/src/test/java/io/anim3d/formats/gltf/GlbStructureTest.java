package io.anim3d.formats.gltf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What our writer puts in the file, read back with our own reader: the container layout, the
 * node hierarchy and skin, mesh data and weights, the animation channels (values, glTF's x,y,z,w
 * order, one hemisphere), morph weights, the embedded texture, and the inspector's summary.
 */
class GlbStructureTest {
    private static final Character CHARACTER = TestCharacters.stickFigure(Humanoid.standard());
    private static final Motion MOTION = TestMotions.walk(false);
    private static final byte[] GLB = GlbWriter.toBytes(CHARACTER, MOTION, GlbFixtures.MORPH_OPTIONS);
    private static final GlbAsset ASSET = GlbReader.read(GLB);

    @Test
    void containerHasHeaderPaddedChunksAndAlignedViews() {
        ByteBuffer b = ByteBuffer.wrap(GLB).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("glTF", new String(GLB, 0, 4, StandardCharsets.US_ASCII), "magic");
        assertEquals(2, b.getInt(4), "container version");
        assertEquals(GLB.length, b.getInt(8), "total length in the header");
        int jsonLength = b.getInt(12);
        assertEquals(0, jsonLength % 4, "JSON chunk length is a multiple of 4");
        assertEquals(0x4E4F534A, b.getInt(16), "first chunk type JSON");
        String text = new String(GLB, 20, jsonLength, StandardCharsets.UTF_8);
        assertTrue(text.stripTrailing().endsWith("}") && text.substring(text.stripTrailing().length()).chars().allMatch(c -> c == ' '),
                "JSON chunk padded with spaces only");
        int binLength = b.getInt(20 + jsonLength);
        assertEquals(0x004E4942, b.getInt(24 + jsonLength), "second chunk type BIN");
        assertEquals(GLB.length, 28 + jsonLength + binLength, "chunks fill the file");
        assertEquals((double) binLength, ASSET.get("buffers", 0).get("byteLength"), "buffer byteLength = BIN chunk length");
        for (int i = 0; i < ASSET.array("bufferViews").size(); i++) {
            Object offset = ASSET.get("bufferViews", i).getOrDefault("byteOffset", 0.0);
            assertEquals(0, ((Double) offset).intValue() % 4, "bufferViews[" + i + "].byteOffset on a 4-byte boundary");
        }
        Map<?, ?> asset = (Map<?, ?>) ASSET.json().get("asset");
        assertEquals("2.0", asset.get("version"), "asset.version");
        assertEquals("anim3d", asset.get("generator"), "asset.generator");
    }

    @Test
    void everyJointIsANodeWithItsRestOffsetAndTheSkinBindsThemAll() {
        Skeleton s = CHARACTER.skeleton();
        Vec3[] rest = s.restPositions();
        double[] ibm = ASSET.accessor(((Double) ASSET.get("skins", 0).get("inverseBindMatrices")).intValue());
        assertEquals(16 * s.size(), ibm.length, "inverse bind matrices: one 4×4 per joint");
        assertEquals(0.0, ((List<?>) ASSET.get("scenes", 0).get("nodes")).get(0), "the root joint's node is the first scene root");
        for (int j = 0; j < s.size(); j++) {
            Map<String, Object> node = ASSET.get("nodes", j);
            assertEquals(s.name(j), node.get("name"), "node " + j + " name");
            List<?> t = (List<?>) node.get("translation");
            Vec3 offset = s.offset(j);
            assertEquals((float) offset.x(), ((Double) t.get(0)).floatValue(), s.name(j) + " translation x");
            assertEquals((float) offset.y(), ((Double) t.get(1)).floatValue(), s.name(j) + " translation y");
            assertEquals((float) offset.z(), ((Double) t.get(2)).floatValue(), s.name(j) + " translation z");
            for (int c = 0; c < s.size(); c++) {
                boolean listed = node.containsKey("children") && ((List<?>) node.get("children")).contains((double) c);
                assertEquals(s.parent(c) == j, listed, s.name(c) + " listed as a child of " + s.name(j));
            }
            double[] expected = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, (float) -rest[j].x(), (float) -rest[j].y(), (float) -rest[j].z(), 1};
            for (int k = 0; k < 16; k++) {
                assertEquals(expected[k], ibm[16 * j + k], "inverse bind matrix of " + s.name(j) + " element " + k + " (column-major)");
            }
        }
        List<?> joints = (List<?>) ASSET.get("skins", 0).get("joints");
        assertEquals(s.size(), joints.size(), "skin joints (end joints included)");
        assertEquals(0.0, ASSET.get("skins", 0).get("skeleton"), "skin skeleton = root joint");
        for (int m = 0; m < CHARACTER.meshes().size(); m++) {
            Map<String, Object> node = ASSET.get("nodes", s.size() + m);
            assertEquals(0.0, node.get("skin"), "mesh node " + m + " skin");
            assertTrue(((List<?>) ASSET.get("scenes", 0).get("nodes")).contains((double) (s.size() + m)), "mesh node " + m + " at the scene root");
        }
        assertEquals("Head_mesh", ASSET.get("nodes", s.size() + 1).get("name"), "a mesh node named like a joint gets a suffix");
    }

    @Test
    void meshDataComesBackWithNormalizedWeightsAndMorphs() {
        for (int m = 0; m < CHARACTER.meshes().size(); m++) {
            Mesh mesh = CHARACTER.meshes().get(m);
            Map<String, Object> gm = ASSET.get("meshes", m);
            Map<?, ?> prim = (Map<?, ?>) ((List<?>) gm.get("primitives")).get(0);
            Map<?, ?> attr = (Map<?, ?>) prim.get("attributes");
            float[] pos = mesh.positions();
            double[] got = ASSET.accessor(((Double) attr.get("POSITION")).intValue());
            for (int i = 0; i < pos.length; i++) {
                assertEquals(pos[i], (float) got[i], mesh.name() + " POSITION component " + i);
            }
            Map<String, Object> posAccessor = ASSET.get("accessors", ((Double) attr.get("POSITION")).intValue());
            assertTrue(posAccessor.containsKey("min") && posAccessor.containsKey("max"), mesh.name() + " POSITION min/max");
            assertEquals(mesh.uvs() != null, attr.containsKey("TEXCOORD_0"), mesh.name() + " TEXCOORD_0 present iff UVs");
            int jointsAccessor = ((Double) attr.get("JOINTS_0")).intValue();
            assertEquals((double) GltfBuilder.UNSIGNED_BYTE, ASSET.get("accessors", jointsAccessor).get("componentType"),
                    mesh.name() + " JOINTS_0 as unsigned bytes for 65 joints");
            double[] w = ASSET.accessor(((Double) attr.get("WEIGHTS_0")).intValue());
            for (int v = 0; v < mesh.vertexCount(); v++) {
                float sum = 0;
                for (int k = 0; k < 4; k++) {
                    sum += (float) w[4 * v + k];
                }
                assertEquals(1f, sum, 2e-7f, mesh.name() + " vertex " + v + " weights sum");
            }
            double[] idx = ASSET.accessor(((Double) prim.get("indices")).intValue());
            int[] tris = mesh.triangles();
            for (int i = 0; i < tris.length; i++) {
                assertEquals(tris[i], (int) idx[i], mesh.name() + " index " + i);
            }
            if (!mesh.morphs().isEmpty()) {
                Map<?, ?> extras = (Map<?, ?>) gm.get("extras");
                assertEquals(List.of("jawOpen", "smile"), extras.get("targetNames"), "Head morph names");
                assertEquals(List.of(0.0, 0.0), gm.get("weights"), "Head default weights");
                List<?> targets = (List<?>) prim.get("targets");
                Map<?, ?> smile = (Map<?, ?>) targets.get(1);
                assertTrue(smile.containsKey("NORMAL"), "smile gets zero NORMAL deltas because jawOpen has normal deltas");
                double[] d = ASSET.accessor(((Double) ((Map<?, ?>) targets.get(0)).get("POSITION")).intValue());
                float[] want = mesh.morphs().get(0).positionDeltas();
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], (float) d[i], "jawOpen delta " + i);
                }
            }
        }
        Map<?, ?> skin = (Map<?, ?>) ((Map<?, ?>) ASSET.get("materials", 0).get("pbrMetallicRoughness")).get("baseColorTexture");
        int texture = ((Double) skin.get("index")).intValue();
        int image = ((Double) ASSET.get("textures", texture).get("source")).intValue();
        assertEquals("image/png", ASSET.get("images", image).get("mimeType"), "image mimeType");
        assertArrayEquals(CHARACTER.materials().get(0).texturePng(),
                ASSET.bufferView(((Double) ASSET.get("images", image).get("bufferView")).intValue()), "embedded PNG bytes");
    }

    @Test
    void animationCarriesEveryRotationTheTranslationAndMorphWeights() {
        Skeleton s = CHARACTER.skeleton();
        Map<String, Object> anim = ASSET.get("animations", 0);
        assertEquals("mocap", anim.get("name"), "animation name");
        List<?> channels = (List<?>) anim.get("channels");
        List<?> samplers = (List<?>) anim.get("samplers");
        int rotations = 0;
        int translations = 0;
        int weights = 0;
        double worstAngle = 0;
        for (Object o : channels) {
            Map<?, ?> ch = (Map<?, ?>) o;
            Map<?, ?> target = (Map<?, ?>) ch.get("target");
            int node = ((Double) target.get("node")).intValue();
            Map<?, ?> sampler = (Map<?, ?>) samplers.get(((Double) ch.get("sampler")).intValue());
            assertEquals("LINEAR", sampler.get("interpolation"), "interpolation");
            double[] times = ASSET.accessor(((Double) sampler.get("input")).intValue());
            assertEquals(TestMotions.FRAMES, times.length, "keys");
            for (int f = 0; f < times.length; f++) {
                assertEquals((float) (f / TestMotions.FPS), (float) times[f], "time of key " + f);
            }
            double[] out = ASSET.accessor(((Double) sampler.get("output")).intValue());
            switch ((String) target.get("path")) {
                case "rotation" -> {
                    rotations++;
                    for (int f = 0; f < TestMotions.FRAMES; f++) {
                        Quat got = new Quat(out[4 * f + 3], out[4 * f], out[4 * f + 1], out[4 * f + 2]); // glTF: x, y, z, w
                        double angle = got.angleTo(MOTION.rotation(f, node));
                        worstAngle = Math.max(worstAngle, angle);
                        assertTrue(angle < 1e-6, s.name(node) + " frame " + f + ": rotation off by " + angle + " rad");
                        if (f > 0) {
                            double dot = out[4 * f] * out[4 * f - 4] + out[4 * f + 1] * out[4 * f - 3]
                                    + out[4 * f + 2] * out[4 * f - 2] + out[4 * f + 3] * out[4 * f - 1];
                            assertTrue(dot >= 0, s.name(node) + " frames " + (f - 1) + "→" + f + " on opposite hemispheres");
                        }
                    }
                }
                case "translation" -> {
                    translations++;
                    assertEquals(MOTION.translatedJoint(), node, "the translated joint");
                    for (int f = 0; f < TestMotions.FRAMES; f++) {
                        Vec3 p = MOTION.rootPosition(f);
                        assertEquals((float) p.x(), (float) out[3 * f], "translation x frame " + f);
                        assertEquals((float) p.y(), (float) out[3 * f + 1], "translation y frame " + f);
                        assertEquals((float) p.z(), (float) out[3 * f + 2], "translation z frame " + f);
                    }
                }
                case "weights" -> {
                    weights++;
                    assertEquals(s.size() + 1, node, "weights channel on the Head mesh node");
                    float[] jaw = TestMotions.morphWeights().get("jawOpen");
                    float[] smile = TestMotions.morphWeights().get("smile");
                    for (int f = 0; f < TestMotions.FRAMES; f++) {
                        assertEquals(jaw[f], (float) out[2 * f], "jawOpen weight frame " + f);
                        assertEquals(smile[f], (float) out[2 * f + 1], "smile weight frame " + f);
                    }
                }
                default -> throw new AssertionError("unexpected channel path " + target.get("path"));
            }
        }
        assertEquals(TestMotions.ROTATED.size(), rotations, "rotation channels: the joints that rotate, no more");
        assertEquals(1, translations, "translation channels");
        assertEquals(1, weights, "morph weight channels");
        System.out.printf(Locale.ROOT, "[glb] rotations read back within %.2e rad%n", worstAngle);
    }

    @Test
    void inspectorSummarisesTheFile() {
        String d = GlbInspector.describe(GLB);
        System.out.print("[glb] describe:\n" + d);
        int vertices = CHARACTER.meshes().stream().mapToInt(Mesh::vertexCount).sum();
        assertTrue(d.contains("nodes " + (Humanoid.JOINT_COUNT + 2) + ", meshes 2 (2 primitives, " + vertices + " vertices"), d);
        assertTrue(d.contains("skins 1 [65 joints]"), d);
        assertTrue(d.contains("animation 'mocap': 18 channels {rotation=16, translation=1, weights=1}, 60 keys"), d);
        assertTrue(d.contains("(duration 1.9667 s)"), d);
        assertTrue(d.contains("morphs of mesh 'Head': [jawOpen, smile]"), d);
    }
}
