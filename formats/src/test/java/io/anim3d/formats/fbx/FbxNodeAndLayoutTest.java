package io.anim3d.formats.fbx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every property type round-trips; the bytes of small files are exactly the documented layout. */
class FbxNodeAndLayoutTest {

    private static FbxNode everyType() {
        float oddNan = Float.intBitsToFloat(0x7fc0_1234);
        double oddNanD = Double.longBitsToDouble(0x7ff8_0000_0000_abcdL);
        return FbxNode.builder("Everything")
                .addInt16((short) -12345).addBool(true).add(new FbxProperty.Bool((byte) 'Y'))
                .addInt32(Integer.MIN_VALUE).addInt64(Long.MAX_VALUE).addFloat32(oddNan).addFloat64(oddNanD)
                .addFloat64(-0.0).addString("Hips\u0000\u0001Model").addString("héllo ✓").addString("")
                .addRaw(new byte[] {0, 1, 2, (byte) 0xFF})
                .addFloat32Array(1.5f, oddNan, -0.0f).addFloat64Array(new double[200])
                .addInt32Array(-1, 0, 1).addInt64Array(46186158000L, -1L).addBoolArray(true, false, true)
                .add(FbxProperty.Array.bytes((byte) 7, (byte) 8)).addInt32Array()
                .addChild(FbxNode.of("Empty"))
                .addChild(FbxNode.builder("Nested").addChild(FbxNode.of("Leaf", new FbxProperty.Int32(3))))
                .build();
    }

    @Test
    void everyPropertyTypeRoundTripsBitForBit() throws Exception {
        for (int version : new int[] {7100, 7400, 7500, 7700}) {
            FbxNode n = everyType();
            byte[] file = new FbxWriter(FbxWriter.Options.defaults().withVersion(version)).write(List.of(n));
            FbxDocument doc = FbxReader.standard().read(file);
            assertEquals(version, doc.version());
            assertEquals(List.of(n), doc.nodes(), "version " + version + ":\n" + FbxDump.describe(doc.nodes(), 9));
            FbxNode back = doc.nodes().get(0);
            float f = ((FbxProperty.Array) back.property(12)).floats()[1];
            assertEquals(0x7fc0_1234, Float.floatToRawIntBits(f), "NaN payload in a float array kept");
            assertEquals("héllo ✓", ((FbxProperty.Str) back.property(9)).text());
            assertEquals('Y', ((FbxProperty.Bool) back.property(2)).raw(), "a 'Y' byte in a C property is kept");
        }
    }

    @Test
    void equalityIsByTypeAndBits() {
        assertNotEquals(new FbxProperty.Float64(0.0), new FbxProperty.Float64(-0.0));
        assertEquals(new FbxProperty.Float64(Double.NaN), new FbxProperty.Float64(Double.NaN));
        assertNotEquals(FbxProperty.Array.ints(1, 2), FbxProperty.Array.floats(1, 2));
        assertNotEquals(FbxProperty.Str.of("a"), new FbxProperty.Raw(new byte[] {'a'}));
        assertThrows(IllegalStateException.class, () -> FbxProperty.Array.ints(1).doubles());
    }

    @Test
    void invalidNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FbxNode.of(""));
        assertThrows(IllegalArgumentException.class, () -> FbxNode.of("x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> FbxNode.of("Ω"));
        assertEquals(255, FbxNode.of("x".repeat(255)).name().length());
    }

    /** One node with one int32: every byte of the file, computed by hand from FBX_NOTES.md. */
    @Test
    void smallestFileHasTheDocumentedBytes() {
        byte[] file = FbxWriter.standard().write(List.of(FbxNode.of("A", new FbxProperty.Int32(7))));
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        e.writeBytes("Kaydara FBX Binary  \u0000\u001a\u0000".getBytes(StandardCharsets.ISO_8859_1));
        u32(e, 7400);
        u32(e, 46); // end offset: 27 + 13 + 1 (name) + 5 (I 7)
        u32(e, 1); // properties
        u32(e, 5); // property bytes
        e.write(1);
        e.write('A');
        e.write('I');
        u32(e, 7);
        e.writeBytes(new byte[13]); // NULL record ending the top-level list (no sentinel: last sibling with properties)
        e.writeBytes(FbxLayout.FOOTER_ID);
        e.writeBytes(new byte[4]); // now at 79
        e.writeBytes(new byte[1]); // pad to 80
        u32(e, 7400);
        e.writeBytes(new byte[120]);
        e.writeBytes(FbxLayout.FOOTER_MAGIC);
        assertArrayEquals(e.toByteArray(), file);
        assertEquals(220, file.length);
    }

    /** Blender's sentinel rule: property-less non-last nodes and AnimationStack/Layer get a NULL record. */
    @Test
    void sentinelRuleFollowsBlender() {
        FbxNode empty = FbxNode.of("E");
        FbxNode stack = FbxNode.of("AnimationStack", new FbxProperty.Int32(1));
        FbxNode plain = FbxNode.of("P", new FbxProperty.Int32(1));
        // E (not last, no properties): 13 + 1 + 13 sentinel = 27 bytes.
        // AnimationStack (with a property): 13 + 14 + 5 + 13 sentinel; P, last: 13 + 1 + 5; then the NULL record.
        assertEquals(27 + 27 + (13 + 14 + 5 + 13) + (13 + 1 + 5) + 13, nodesEnd(List.of(empty, stack, plain)));
        // E as the last sibling gets no sentinel: 13 + 1 = 14 bytes.
        assertEquals(27 + 13 + 1 + 5 + 14 + 13, nodesEnd(List.of(plain, empty)));
        // 7500: 25-byte record headers and NULL records.
        byte[] wide = new FbxWriter(FbxWriter.Options.defaults().withVersion(7500)).write(List.of(plain));
        int wideEnd = 27 + 25 + 1 + 5 + 25;
        assertEquals(wideEnd + footerBytes(wideEnd), wide.length);
        assertEquals(27 + 25 + 1 + 5, (int) le64(wide, 27), "64-bit end offset");
    }

    @Test
    void footerPadsAFull16BytesWhenAligned() {
        // Find a tree whose nodes end so that footer id + 4 zeros lands on a 16-byte boundary.
        for (int len = 1; len <= 16; len++) {
            FbxNode n = FbxNode.of("N", new FbxProperty.Raw(new byte[len]));
            byte[] file = FbxWriter.standard().write(List.of(n));
            int nodesEnd = 27 + 13 + 1 + 5 + len + 13;
            int pad = file.length - nodesEnd - 16 - 4 - 4 - 120 - 16;
            int afterId = nodesEnd + 20;
            assertEquals(afterId % 16 == 0 ? 16 : 16 - afterId % 16, pad, "padding after a list ending at " + nodesEnd);
        }
    }

    @Test
    void compressionOnlyWhenLargerThan128BytesAndSmaller() throws Exception {
        double[] zeros = new double[16]; // exactly 128 bytes: stays raw
        double[] zeros17 = new double[17]; // 136 bytes of zeros: compresses well
        FbxNode n = FbxNode.builder("N").addFloat64Array(zeros).addFloat64Array(zeros17).build();
        byte[] file = FbxWriter.standard().write(List.of(n));
        int first = 27 + 13 + 1;
        assertEquals(0, file[first + 5], "128-byte array stays raw");
        int second = first + 1 + 12 + 128;
        assertEquals(1, file[second + 5], "136-byte array of zeros is compressed");

        java.util.Random r = new java.util.Random(7);
        byte[] noise = new byte[400];
        r.nextBytes(noise);
        FbxNode random = FbxNode.of("R", FbxProperty.Array.of(FbxArrayType.BYTE, noise));
        byte[] kept = FbxWriter.standard().write(List.of(random));
        assertEquals(0, kept[27 + 13 + 1 + 5], "incompressible bytes stay raw by default");
        byte[] blender = new FbxWriter(FbxWriter.Options.defaults().withCompressOnlyIfSmaller(false))
                .write(List.of(random));
        assertEquals(1, blender[27 + 13 + 1 + 5], "Blender's rule compresses regardless");
        assertEquals(List.of(random), FbxReader.standard().read(blender).nodes());
    }

    @Test
    void dumpDescribesEveryType() {
        String dump = FbxDump.describe(List.of(everyType()), 9);
        assertTrue(dump.startsWith("Everything: Y -12345, C true, C 0x59, I -2147483648, L 9223372036854775807, "), dump);
        assertTrue(dump.contains("S \"Hips\\x00\\x01Model\""), dump);
        assertTrue(dump.contains("R <4 bytes>"), dump);
        assertTrue(dump.contains("d [200] 0.00000, 0.00000, 0.00000, 0.00000, …"), dump);
        assertTrue(dump.contains("l [2] 46186158000, -1"), dump);
        assertTrue(dump.contains("i [0]"), dump);
        assertTrue(dump.contains("\n  Nested\n    Leaf: I 3\n"), dump);
        assertTrue(FbxDump.describe(List.of(everyType()), 1).endsWith(" { … 2 children }\n"));
    }

    /** Where the top-level list of a 7.4 file ends (after its NULL record), found by walking end offsets. */
    private static int nodesEnd(List<FbxNode> nodes) {
        byte[] file = FbxWriter.standard().write(nodes);
        int pos = 27;
        while (true) {
            int end = (int) (le64(file, pos) & 0xFFFF_FFFFL);
            if (end == 0) {
                assertEquals(file.length, pos + 13 + footerBytes(pos + 13), "footer length");
                return pos + 13;
            }
            pos = end;
        }
    }

    /** Footer length for a file whose node list (with its NULL record) ends at {@code nodesEnd}. */
    private static int footerBytes(int nodesEnd) {
        int afterId = nodesEnd + 20;
        int pad = afterId % 16 == 0 ? 16 : 16 - afterId % 16;
        return 20 + pad + 4 + 120 + 16;
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write(v >>> (8 * i));
        }
    }

    private static long le64(byte[] b, int at) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (b[at + k] & 0xFFL);
        }
        return v;
    }
}
