package io.anim3d.server.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files written by NumPy (mmpose's test data), plus hand-made arrays for the header variants NumPy writes rarely. */
class NpzTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheHuman36mArraysWithTheirTypesShapesAndValues() throws IOException {
        Npz npz = Npz.read(SharedTestData.testdata("pose_gt/mmpose/h36m/test_h36m_body3d.npz"));
        assertEquals(List.of("imgname", "center", "scale", "part", "S"), npz.names(), "array names in archive order");
        NpyArray s = npz.get("S");
        assertEquals(NpyArray.DType.FLOAT64, s.dtype(), "S dtype");
        assertArrayEquals(new int[] {4, 17, 4}, s.shape(), "S shape");
        // Values as numpy prints them with repr().
        assertEquals(-0.17673076784483632, s.getDouble(0, 0, 0), 0, "S[0,0,0]");
        assertEquals(-0.32104861815895674, s.getDouble(0, 0, 1), 0, "S[0,0,1]");
        assertEquals(5.203882063032506, s.getDouble(0, 0, 2), 0, "S[0,0,2]");
        assertEquals(1.0, s.getDouble(0, 0, 3), 0, "S[0,0,3]");
        NpyArray names = npz.get("imgname");
        assertEquals(NpyArray.DType.UNICODE, names.dtype(), "imgname dtype");
        assertEquals("S1/S1_Directions_1.54138969/S1_Directions_1.54138969_000001.jpg", names.getString(0), "imgname[0]");
        assertEquals("S8/S8_WalkDog_1.55011271/S8_WalkDog_1.55011271_000026.jpg", names.getString(3), "imgname[3]");
        assertArrayEquals(new double[] {365.27201843, 432.97114563}, new double[] {npz.get("center").getDouble(2, 0),
            npz.get("center").getDouble(2, 1)}, 1e-8, "center[2]");
    }

    @Test
    void readsFloat32Arrays() throws IOException {
        Npz npz = Npz.read(SharedTestData.testdata("pose_gt/mmpose/smpl/smpl_mean_params.npz"));
        NpyArray cam = npz.get("cam");
        assertEquals(NpyArray.DType.FLOAT32, cam.dtype(), "cam dtype");
        assertArrayEquals(new double[] {0.9f, 0, 0}, cam.doubles(), 0, "cam values (float32 widened exactly)");
        assertArrayEquals(new int[] {144}, npz.get("pose").shape(), "pose shape");
        assertEquals((double) 0.20560974f, npz.get("shape").getDouble(0), 0, "shape[0]");
    }

    @Test
    void refusesPickledObjectArrays() {
        NpyFormatException single = assertThrows(NpyFormatException.class,
                () -> Npy.read(SharedTestData.testdata("pose_gt/mmpose/300vw/broken_frames.npy")));
        assertTrue(single.getMessage().contains("'|O'") && single.getMessage().contains("pickled"), single.getMessage());
        NpyFormatException inZip = assertThrows(NpyFormatException.class,
                () -> Npz.read(SharedTestData.testdata("pose_gt/mmpose/h3wb/h3wb_train_bbox_subset.npz")));
        assertTrue(inZip.getMessage().startsWith("h3wb_train_bbox_subset.npz:"), "message should name the file: " + inZip.getMessage());
    }

    @Test
    void missingArrayIsNamedWithTheAlternatives() throws IOException {
        Npz npz = Npz.read(SharedTestData.testdata("pose_gt/mmpose/mosh/test_mosh.npz"));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> npz.get("S"));
        assertTrue(e.getMessage().contains("[pose, shape]"), e.getMessage());
    }

    /** A .npy file as the format description specifies: header padded with spaces and '\n' to a multiple of 64 bytes. */
    static byte[] npy(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        int prefix = 6 + 2 + lengthBytes;
        byte[] dictBytes = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int total = (prefix + dictBytes.length + 1 + 63) / 64 * 64;
        int headerLength = total - prefix;
        ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(dictBytes);
        for (int i = dictBytes.length; i < headerLength - 1; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        b.put(data);
        return b.array();
    }

    static byte[] le(int itemBytes, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * itemBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            if (itemBytes == 8) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return b.array();
    }

    @Test
    void readsIntegersInEveryHeaderVersion() throws IOException {
        NpyArray i64 = Npy.parse(npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }",
                le(8, 1, -2, 1L << 40, Long.MIN_VALUE)), "i64");
        assertArrayEquals(new long[] {1, -2, 1L << 40, Long.MIN_VALUE}, i64.longs(), "int64 values");
        NpyArray i32 = Npy.parse(npy(2, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }",
                le(4, 7, -8, Integer.MAX_VALUE)), "i32");
        assertArrayEquals(new long[] {7, -8, Integer.MAX_VALUE}, i32.longs(), "int32 values (version 2 header)");
        assertArrayEquals(new double[] {7, -8, Integer.MAX_VALUE}, i32.doubles(), 0, "int32 as doubles");
        NpyArray scalar = Npy.parse(npy(3, "{\"descr\": \"<i4\", \"fortran_order\": False, \"shape\": ()}", le(4, 42)), "scalar");
        assertArrayEquals(new int[0], scalar.shape(), "0-d shape (version 3 header, double quotes)");
        assertEquals(42, scalar.getDouble(), 0, "0-d value");
    }

    @Test
    void fortranOrderIsReturnedInCOrder() throws IOException {
        // Fortran storage of [[1, 2, 3], [4, 5, 6]] is 1, 4, 2, 5, 3, 6.
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : new double[] {1, 4, 2, 5, 3, 6}) {
            b.putDouble(v);
        }
        NpyArray a = Npy.parse(npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", b.array()), "f");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.doubles(), 0, "C-order values of a Fortran-order array");
        assertEquals(6, a.getDouble(1, 2), 0, "a[1,2]");
    }

    @Test
    void readsUnicodeBeyondAsciiAndStripsPadding() throws IOException {
        String[] values = {"Grüße", "😀x", ""};
        int width = 6;
        ByteBuffer b = ByteBuffer.allocate(values.length * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (String v : values) {
            int[] cps = v.codePoints().toArray();
            for (int c = 0; c < width; c++) {
                b.putInt(c < cps.length ? cps[c] : 0);
            }
        }
        NpyArray a = Npy.parse(npy(1, "{'descr': '<U6', 'fortran_order': False, 'shape': (3,), }", b.array()), "u");
        assertArrayEquals(values, a.strings(), "unicode values");
    }

    @Test
    void readsDeflatedArchives() throws IOException {
        Path file = tmp.resolve("compressed.npz");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.putNextEntry(new ZipEntry("ids.npy"));
            zip.write(npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1000,), }", le(8, new long[1000])));
            zip.closeEntry();
        }
        Npz npz = Npz.read(file);
        assertEquals(List.of("ids"), npz.names(), "names");
        assertEquals(1000, npz.get("ids").size(), "element count");
    }

    @Test
    void damagedOrUnsupportedArraysFailWithTheReason() {
        byte[] f8 = new byte[16];
        String[][] cases = {
            {"{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", "big-endian"},
            {"{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", "'<c16' is not supported"},
            {"{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", "structured arrays"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", "(truncated)"},
            {"{'descr': '<f8', 'shape': (2,), }", "fortran_order"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (2,) ", "header ends early"}};
        for (String[] c : cases) {
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.parse(npy(1, c[0], f8), "x"), c[0]);
            assertTrue(e.getMessage().contains(c[1]), "for header " + c[0] + " expected '" + c[1] + "' in: " + e.getMessage());
        }
        byte[] v4 = npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", f8);
        v4[6] = 4;
        NpyFormatException version = assertThrows(NpyFormatException.class, () -> Npy.parse(v4, "v4"));
        assertTrue(version.getMessage().contains("version 4.0"), version.getMessage());
        NpyFormatException magic = assertThrows(NpyFormatException.class,
                () -> Npy.parse("PK\u0003\u0004 not numpy".getBytes(StandardCharsets.ISO_8859_1), "zip"));
        assertTrue(magic.getMessage().contains("magic"), magic.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsReported() throws IOException {
        Path file = tmp.resolve("plain.npz");
        Files.writeString(file, "not a zip");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith("plain.npz: not a readable .npz"), e.getMessage());
    }
}
