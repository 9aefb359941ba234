package io.anim3d.formats.fbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged and hostile files give an FbxFormatException naming the offset, never another failure. */
class FbxDamageTest {
    /** A small file with a compressed array (Objects/Geometry/Vertices) and a raw one (…/Small). */
    private static final double[] VERTICES = new double[3000];
    static {
        for (int i = 0; i < VERTICES.length; i++) {
            VERTICES[i] = (i % 3) * 0.5 + (i / 3) * 0.01;
        }
    }

    private static byte[] synthetic() {
        FbxNode geometry = FbxNode.builder("Geometry").addInt64(42).addString("Box\u0000\u0001Geometry").addString("Mesh")
                .addChild(FbxNode.builder("Vertices").addFloat64Array(VERTICES))
                .addChild(FbxNode.builder("Small").addInt32Array(1, 2, 3))
                .build();
        FbxNode objects = FbxNode.builder("Objects").addChild(geometry).build();
        return FbxWriter.standard().write(java.util.List.of(FbxNode.of("FBXHeaderExtension"), objects));
    }

    /** Offset of the first property of the record named {@code name} (its type code). */
    private static int propertiesOf(byte[] file, String name) {
        byte[] needle = new byte[name.length() + 1];
        needle[0] = (byte) name.length();
        System.arraycopy(name.getBytes(StandardCharsets.ISO_8859_1), 0, needle, 1, name.length());
        for (int i = 0; i + needle.length <= file.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(file, i, i + needle.length), needle)) {
                return i + needle.length;
            }
        }
        throw new AssertionError("record " + name + " not found");
    }

    private static FbxFormatException fails(byte[] file, String expectedText) {
        return fails(FbxReader.standard(), file, expectedText);
    }

    private static FbxFormatException fails(FbxReader reader, byte[] file, String expectedText) {
        FbxFormatException e = assertThrows(FbxFormatException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains(expectedText), "expected \"" + expectedText + "\" in: " + e.getMessage());
        assertTrue(e.offset() >= 0 && e.getMessage().contains("byte offset " + e.offset()),
                "message names the offset: " + e.getMessage());
        return e;
    }

    @Test
    void syntheticFileReadsBack() throws Exception {
        FbxDocument doc = FbxReader.standard().read(synthetic());
        FbxNode vertices = doc.node("Objects").orElseThrow().children().get(0).child("Vertices").orElseThrow();
        assertTrue(Arrays.equals(VERTICES, ((FbxProperty.Array) vertices.property(0)).doubles()), "vertices");
    }

    @Test
    void truncationAnywhereBeforeTheFooterFails() throws Exception {
        byte[] file = Files.readAllBytes(FbxTestFiles.path(FbxTestFiles.HUMAN_IK));
        int nullRecord = topLevelNullRecord(file);
        int nodesEnd = nullRecord + 13;
        for (int cut : new int[] {0, 10, 26, 27, 30, 40, 1000, 33_000, 200_000, nullRecord, nodesEnd - 1}) {
            byte[] damaged = Arrays.copyOf(file, cut);
            FbxFormatException e = assertThrows(FbxFormatException.class, () -> FbxReader.standard().read(damaged),
                    "cut at " + cut);
            if (cut > 0) {
                assertTrue(e.offset() >= 0 && e.getMessage().contains("byte offset"), "cut at " + cut + ": " + e.getMessage());
            }
            if (cut > 27) {
                assertTrue(e.getMessage().contains("truncated"), "cut at " + cut + " says truncated: " + e.getMessage());
            }
        }
        // The footer is not needed to read the nodes (as in Blender and assimp).
        assertEquals(11, FbxReader.standard().read(Arrays.copyOf(file, nodesEnd)).nodes().size());
        // Evenly spaced cuts through the records: each must be a clean FbxFormatException.
        for (int i = 1; i < 200; i++) {
            int cut = (int) ((long) nodesEnd * i / 200);
            byte[] damaged = Arrays.copyOf(file, cut);
            assertThrows(FbxFormatException.class, () -> FbxReader.standard().read(damaged), "cut at " + cut);
        }
    }

    @Test
    void corruptZlibArrayIsReportedWithItsPath() {
        byte[] file = synthetic();
        int at = propertiesOf(file, "Vertices");
        assertEquals('d', file[at]);
        assertEquals(1, file[at + 5], "Vertices is compressed (encoding 1)");
        int payload = at + 13;
        for (int i = 10; i < 40; i++) {
            file[payload + i] ^= (byte) 0x5A;
        }
        FbxFormatException e = fails(file, "zlib");
        assertEquals("Objects/Geometry/Vertices", e.nodePath(), e.getMessage());
    }

    @Test
    void arrayCountThatDisagreesWithItsDataFails() {
        byte[] compressed = synthetic();
        int at = propertiesOf(compressed, "Vertices");
        compressed[at + 1] += 1; // count 3001: zlib data gives 3000 × 8 bytes
        fails(compressed, "length mismatch");

        byte[] raw = synthetic();
        int small = propertiesOf(raw, "Small");
        assertEquals(0, raw[small + 5], "Small is stored raw (encoding 0)");
        raw[small + 1] = 4; // 4 elements need 16 bytes, payload has 12
        fails(raw, "length mismatch");
    }

    @Test
    void unknownTypeCodeFails() {
        byte[] file = synthetic();
        int at = propertiesOf(file, "Small");
        file[at] = 'X';
        FbxFormatException e = fails(file, "unknown type code 0x58");
        assertEquals(at, e.offset());
        assertEquals("Objects/Geometry/Small", e.nodePath());
    }

    @Test
    void unknownArrayEncodingFails() {
        byte[] file = synthetic();
        int at = propertiesOf(file, "Vertices");
        file[at + 5] = 7;
        fails(file, "unknown encoding 7");
    }

    @Test
    void endOffsetPointingBackwardsFails() {
        byte[] file = synthetic();
        int record = FbxLayout.HEADER_BYTES; // FBXHeaderExtension, the first record
        file[record] = 5;
        file[record + 1] = 0;
        file[record + 2] = 0;
        file[record + 3] = 0;
        FbxFormatException e = fails(file, "points backwards");
        assertEquals(record, e.offset());
    }

    @Test
    void endOffsetBeyondItsParentFails() {
        byte[] file = synthetic();
        int nameAt = propertiesOf(file, "Small") - 1 - "Small".length();
        int record = nameAt - 12;
        int end = (file[record] & 0xFF) | (file[record + 1] & 0xFF) << 8;
        end += 100;
        file[record] = (byte) end;
        file[record + 1] = (byte) (end >> 8);
        fails(file, "beyond the end of the enclosing record");
    }

    @Test
    void propertyListLengthThatDisagreesFails() {
        byte[] longer = synthetic();
        int smallName = propertiesOf(longer, "Small") - 1 - "Small".length();
        longer[smallName - 4] += 1; // propertyListLen one byte longer than the record
        fails(longer, "runs past the record's end offset");

        byte[] shorter = synthetic();
        int geometryName = propertiesOf(shorter, "Geometry") - 1 - "Geometry".length();
        shorter[geometryName - 4] += 1; // the 3 properties now end one byte before the declared list end
        FbxFormatException e = fails(shorter, "but the property list length says");
        assertEquals("Objects/Geometry", e.nodePath());
    }

    @Test
    void hostileSizesAreRefusedBeforeAllocating() {
        byte[] file = synthetic();
        int at = propertiesOf(file, "Vertices");
        // 100 M doubles (800 MB, inside the default budget) claimed for 24 kB of zlib data: the
        // output buffer grows only with what the data really inflates to.
        setU32(file, at + 1, 100_000_000);
        long before = usedMemory();
        fails(file, "length mismatch");
        assertTrue(usedMemory() - before < 200L << 20, "a forged count must not allocate the claimed 800 MB");

        setU32(file, at + 1, 300_000_000);
        fails(file, "more than the limit of 268435456");

        FbxReader tight = new FbxReader(new FbxReader.Limits(1000, 64, 20_000_000, 1L << 30));
        fails(tight, synthetic(), "3000 elements, more than the limit of 1000");

        FbxReader fewNodes = new FbxReader(new FbxReader.Limits(1L << 28, 64, 3, 1L << 30));
        fails(fewNodes, synthetic(), "more than 3 node records");

        FbxReader smallBudget = new FbxReader(new FbxReader.Limits(1L << 28, 64, 100, 10_000));
        fails(smallBudget, synthetic(), "add up to more than 10000 bytes");
    }

    @Test
    void deepNestingIsRefused() {
        FbxNode node = FbxNode.of("Leaf", new FbxProperty.Int32(1));
        for (int i = 0; i < 100; i++) {
            node = FbxNode.builder("Level" + i).addChild(node).build();
        }
        byte[] file = FbxWriter.standard().write(java.util.List.of(node));
        FbxFormatException e = fails(file, "nest deeper than 64");
        assertEquals(65, e.nodePath().split("/").length, e.nodePath());
    }

    @Test
    void wrongFilesGetClearErrors() {
        byte[] file = synthetic();
        byte[] old = file.clone();
        setU32(old, 23, 6100);
        fails(old, "FBX version 6100 is not supported");
        byte[] header = file.clone();
        header[20] = 1;
        fails(header, "corrupt binary FBX header");
        fails("\u0089PNG\r\n\u001a\n....".getBytes(StandardCharsets.ISO_8859_1), "not an FBX file");
        fails("; FBX 7.4.0 project file\n".getBytes(StandardCharsets.US_ASCII), "ASCII FBX is not supported");
        fails("\uFEFFFBXHeaderExtension:  {\n".getBytes(StandardCharsets.UTF_8), "ASCII FBX is not supported");
    }

    /** Random byte damage in a real file: the reader either copes or throws FbxFormatException. */
    @Test
    void randomByteDamageNeverEscapesAsAnotherException() throws Exception {
        byte[] file = Files.readAllBytes(FbxTestFiles.path(FbxTestFiles.KENNEY));
        Random random = new Random(20240611L);
        int rejected = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] damaged = file.clone();
            for (int k = 0; k < 4; k++) {
                damaged[27 + random.nextInt(file.length - 200)] = (byte) random.nextInt(256);
            }
            try {
                FbxReader.standard().read(damaged);
            } catch (FbxFormatException e) {
                rejected++;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("trial " + trial + ": " + e, e);
            }
        }
        assertTrue(rejected > 0, "some of 300 damaged files must be rejected");
    }

    /** Offset of the NULL record that ends the top-level list of a 7.4 file (walks the end offsets). */
    private static int topLevelNullRecord(byte[] file) {
        int pos = FbxLayout.HEADER_BYTES;
        while (true) {
            int end = (file[pos] & 0xFF) | (file[pos + 1] & 0xFF) << 8 | (file[pos + 2] & 0xFF) << 16
                    | (file[pos + 3] & 0xFF) << 24;
            if (end == 0) {
                return pos;
            }
            pos = end;
        }
    }

    private static void setU32(byte[] file, int at, long value) {
        for (int i = 0; i < 4; i++) {
            file[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static long usedMemory() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
