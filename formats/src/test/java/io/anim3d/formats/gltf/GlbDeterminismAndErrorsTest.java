package io.anim3d.formats.gltf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same inputs give the same bytes; bad inputs and damaged files fail with messages that say what is wrong. */
class GlbDeterminismAndErrorsTest {
    private static final Character CHARACTER = TestCharacters.stickFigure(Humanoid.standard());
    private static final Motion MOTION = TestMotions.walk(false);

    @Test
    void sameInputsGiveIdenticalBytesInMemoryAndOnDisk(@TempDir Path dir) throws Exception {
        byte[] a = GlbWriter.toBytes(CHARACTER, MOTION, GlbFixtures.MORPH_OPTIONS);
        // rebuilt from scratch, so no cached object can make the comparison trivially true
        byte[] b = GlbWriter.toBytes(TestCharacters.stickFigure(Humanoid.standard()), TestMotions.walk(false),
                GlbOptions.defaults().withMorphWeights(TestMotions.morphWeights()));
        assertArrayEquals(a, b, "two writes of the same inputs differ");
        Path file = dir.resolve("out.glb");
        GlbWriter.write(CHARACTER, MOTION, file, GlbFixtures.MORPH_OPTIONS);
        GlbWriter.write(CHARACTER, MOTION, file, GlbFixtures.MORPH_OPTIONS); // replaces the file atomically
        assertArrayEquals(a, Files.readAllBytes(file), "the file differs from toBytes");
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left beside the output");
        }
        byte[] rest = GlbWriter.toBytes(CHARACTER, null, GlbOptions.defaults());
        assertTrue(rest.length < a.length && !GlbReader.read(rest).json().containsKey("animations"), "rest pose has no animation");
    }

    @Test
    void motionOnAnotherSkeletonIsRefused() {
        Motion other = TestMotions.walk(true); // 66 joints, Root first
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlbWriter.toBytes(CHARACTER, other, GlbOptions.defaults()));
        assertTrue(e.getMessage().contains("66 joints") && e.getMessage().contains("65"), e.getMessage());
        Skeleton s = Humanoid.standard();
        List<String> names = new java.util.ArrayList<>(s.names());
        names.set(5, "Skull");
        int[] parents = new int[s.size()];
        Vec3[] offsets = new Vec3[s.size()];
        for (int j = 0; j < s.size(); j++) {
            parents[j] = s.parent(j);
            offsets[j] = s.offset(j);
        }
        Motion renamed = Motion.builder(new Skeleton(names, parents, Arrays.asList(offsets)), 30, 2).build();
        e = assertThrows(IllegalArgumentException.class, () -> GlbWriter.toBytes(CHARACTER, renamed, GlbOptions.defaults()));
        assertTrue(e.getMessage().contains("'Skull'") && e.getMessage().contains("'Head'"), e.getMessage());
    }

    @Test
    void badMorphWeightsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GlbWriter.toBytes(CHARACTER, MOTION,
                GlbOptions.defaults().withMorphWeights(Map.of("frown", new float[TestMotions.FRAMES]))));
        assertTrue(e.getMessage().contains("'frown'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GlbWriter.toBytes(CHARACTER, MOTION,
                GlbOptions.defaults().withMorphWeights(Map.of("smile", new float[3]))));
        assertTrue(e.getMessage().contains("3 weights") && e.getMessage().contains("60 frames"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GlbWriter.toBytes(CHARACTER, null, GlbFixtures.MORPH_OPTIONS));
        assertTrue(e.getMessage().contains("without a motion"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GlbOptions.defaults().withMorphWeights(Map.of("smile", new float[] {0, Float.NaN})));
        assertTrue(e.getMessage().contains("frame 1"), e.getMessage());
    }

    @Test
    void damagedFilesAreRefusedByTheReader() {
        byte[] glb = GlbWriter.toBytes(CHARACTER, MOTION, GlbOptions.defaults());
        GlbFormatException e = assertThrows(GlbFormatException.class, () -> GlbReader.read(Arrays.copyOf(glb, glb.length * 2 / 3)));
        assertTrue(e.getMessage().contains("header says " + glb.length), e.getMessage());
        byte[] magic = glb.clone();
        magic[0] = 'x';
        e = assertThrows(GlbFormatException.class, () -> GlbInspector.describe(magic));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
        byte[] json = glb.clone();
        json[20] = '[';
        e = assertThrows(GlbFormatException.class, () -> GlbReader.read(json));
        assertTrue(e.getMessage().contains("JSON chunk"), e.getMessage());
    }

    @Test
    void numbersAreShortestRoundTripDecimals() {
        assertEquals("0.1", JsonText.number(0.1f, "t"));
        assertEquals("1", JsonText.number(1f, "t"));
        assertEquals("-0.95", JsonText.number(-0.95f, "t"));
        assertEquals("1.0E-7", JsonText.number(1e-7f, "t").replace("1E-7", "1.0E-7"));
        assertEquals("0.016666668", JsonText.number((float) (1 / 60.0), "t"));
        assertEquals("3.4028235E+38", JsonText.number(Float.MAX_VALUE, "t"));
        for (int i = 0; i < 100_000; i++) {
            float f = Float.intBitsToFloat(0x3c000000 + i * 7919); // a spread of bit patterns
            assertEquals(f, Float.parseFloat(JsonText.number(f, "t")), "round trip of " + f);
            int ours = new java.math.BigDecimal(JsonText.number(f, "t")).stripTrailingZeros().precision();
            int javas = new java.math.BigDecimal(Float.toString(f)).stripTrailingZeros().precision();
            assertTrue(ours <= javas, "more significant digits than Float.toString for " + f + ": " + JsonText.number(f, "t"));
        }
        assertThrows(IllegalArgumentException.class, () -> JsonText.number(Float.NaN, "$.x"));
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("b", true);
        doc.put("a", List.of(1, 0.5f, "q\""));
        assertEquals("{\"b\":true,\"a\":[1,0.5,\"q\\\"\"]}", JsonText.write(doc), "insertion order, escapes");
    }
}
