package io.anim3d.formats.fbx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Third-party files read, written by us, and read back. */
class FbxRoundTripTest {

    @ParameterizedTest
    @FieldSource("io.anim3d.formats.fbx.FbxTestFiles#BINARY")
    void rewriteAs7400GivesTheSameTreeAndIsDeterministic(String file, @TempDir Path dir) throws Exception {
        FbxDocument original = FbxReader.standard().read(FbxTestFiles.path(file));
        byte[] written = FbxWriter.standard().write(original.nodes());
        FbxDocument back = FbxReader.standard().read(written);
        assertEquals(7400, back.version(), file + " rewritten: version");
        assertNull(FbxTestFiles.firstDifference(original.nodes(), back.nodes(), ""), file + " rewritten as 7400");
        assertEquals(original.nodes(), back.nodes(), file + ": tree equality");

        byte[] again = FbxWriter.standard().write(back.nodes());
        assertArrayEquals(written, again, file + ": write → read → write must give identical bytes");

        Path onDisk = dir.resolve("out.fbx");
        FbxWriter.standard().write(original.nodes(), onDisk);
        assertArrayEquals(written, Files.readAllBytes(onDisk), file + ": the Path writer writes the same bytes");
    }

    @ParameterizedTest
    @FieldSource("io.anim3d.formats.fbx.FbxTestFiles#BINARY")
    void rewriteAs7500Uses64BitRecordsAndGivesTheSameTree(String file) throws Exception {
        FbxDocument original = FbxReader.standard().read(FbxTestFiles.path(file));
        FbxWriter writer = new FbxWriter(FbxWriter.Options.defaults().withVersion(7500));
        byte[] written = writer.write(original.nodes());
        FbxDocument back = FbxReader.standard().read(written);
        assertEquals(7500, back.version());
        assertNull(FbxTestFiles.firstDifference(original.nodes(), back.nodes(), ""), file + " rewritten as 7500");
        byte[] as7400 = FbxWriter.standard().write(original.nodes());
        // 12 more header bytes per record and per NULL record: a 7500 file is always larger.
        assertTrue(written.length > as7400.length, "7500 (" + written.length + " B) vs 7400 (" + as7400.length + " B)");
    }

    /**
     * Blender 2.79 wrote these files with encode_bin.py. With Blender's rules (same version,
     * zlib level 1 for every array over 128 bytes, its sentinel rule and footer) our writer must
     * reproduce them byte for byte. This needs the JDK's zlib to produce the same deflate stream
     * as Blender's at level 1, which holds for the zlib builds we use.
     */
    @ParameterizedTest
    @FieldSource("io.anim3d.formats.fbx.FbxTestFiles#BLENDER_EXPORTS")
    void blenderExportsAreReproducedByteForByte(String file) throws Exception {
        byte[] original = Files.readAllBytes(FbxTestFiles.path(file));
        FbxDocument doc = FbxReader.standard().read(original);
        FbxWriter blenderLike = new FbxWriter(
                FbxWriter.Options.defaults().withVersion(doc.version()).withCompressOnlyIfSmaller(false));
        byte[] written = blenderLike.write(doc.nodes());
        int first = mismatch(original, written);
        if (first >= 0) {
            fail(file + ": first differing byte at offset " + first + " of " + original.length + " (ours: "
                    + written.length + " bytes)");
        }
    }

    @ParameterizedTest
    @FieldSource("io.anim3d.formats.fbx.FbxTestFiles#BINARY")
    void footerHasBlendersLayout(String file) throws Exception {
        FbxDocument doc = FbxReader.standard().read(FbxTestFiles.path(file));
        byte[] written = FbxWriter.standard().write(doc.nodes());
        int n = written.length;
        assertArrayEquals(FbxLayout.FOOTER_MAGIC, java.util.Arrays.copyOfRange(written, n - 16, n), "closing magic");
        for (int i = n - 16 - 120; i < n - 16; i++) {
            assertEquals(0, written[i], "byte " + i + " of the 120 zero bytes");
        }
        int versionAt = n - 16 - 120 - 4;
        assertEquals(7400, (written[versionAt] & 0xFF) | (written[versionAt + 1] & 0xFF) << 8, "footer version");
        assertEquals(0, versionAt % 16, "the footer version starts on a 16-byte boundary");
        // The top-level list ends with 13 zero bytes; the footer id follows it, then 4 zeros and 1..16 pad bytes.
        int footerId = indexOf(written, FbxLayout.FOOTER_ID, versionAt - 16 - 4 - 16);
        assertTrue(footerId >= 0, "footer id found before the padding");
        int pad = versionAt - (footerId + 16 + 4);
        assertTrue(pad >= 1 && pad <= 16, "padding of " + pad + " bytes");
        for (int i = footerId - 13; i < versionAt; i++) {
            if ((i < footerId || i >= footerId + 16) && written[i] != 0) {
                fail("byte " + i + " around the footer id should be zero (NULL record, 4 zeros, padding)");
            }
        }
    }

    private static int mismatch(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= data.length; i++) {
            boolean ok = true;
            for (int k = 0; k < needle.length && ok; k++) {
                ok = data[i + k] == needle[k];
            }
            if (ok) {
                return i;
            }
        }
        return -1;
    }
}
