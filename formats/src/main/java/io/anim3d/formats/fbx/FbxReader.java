package io.anim3d.formats.fbx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads binary FBX 7.1–7.7 into an {@link FbxDocument}: 32-bit record headers before 7500,
 * 64-bit from 7500, every property type, raw and zlib-compressed arrays.
 *
 * <p>Files come from users, so everything is checked and bounded by {@link Limits}: every record
 * must lie inside its parent and the file, every property inside its record's property list,
 * every array must decompress to exactly its declared size. Anything else is an
 * {@link FbxFormatException} naming the byte offset and the node path. The footer after the
 * top-level NULL record is not needed to read the nodes and is not checked (Blender's and
 * assimp's importers ignore it too). A reader holds only its limits, so one instance can serve
 * many threads.
 */
public final class FbxReader {
    private static final byte[] KAYDARA = "Kaydara FBX Binary".getBytes(StandardCharsets.US_ASCII);

    private final Limits limits;

    public FbxReader(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A reader with {@link Limits#defaults()}. */
    public static FbxReader standard() {
        return new FbxReader(Limits.defaults());
    }

    /** Reads a whole file (at most 2 GiB, the largest Java byte array). */
    public FbxDocument read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new FbxFormatException("file " + file + " is " + size
                    + " bytes; files over 2 GiB are not supported", -1, "");
        }
        return read(Files.readAllBytes(file));
    }

    /** Reads a whole file held in memory; {@code file} is not modified or kept. */
    public FbxDocument read(byte[] file) throws FbxFormatException {
        int version = checkHeader(file);
        return new RecordParser(file, version, limits).parseTopLevel();
    }

    /** Checks the magic and version; returns the version. */
    private static int checkHeader(byte[] file) throws FbxFormatException {
        if (file.length < FbxLayout.HEADER_BYTES && file.length > 0
                && startsWith(FbxLayout.HEADER_MAGIC, Arrays.copyOf(file, Math.min(file.length,
                        FbxLayout.HEADER_MAGIC.length)))) {
            throw new FbxFormatException("file is truncated: " + file.length + " bytes, but the binary FBX header "
                    + "alone is " + FbxLayout.HEADER_BYTES, file.length, "");
        }
        if (!startsWith(file, KAYDARA)) {
            if (looksLikeAsciiFbx(file)) {
                throw new FbxFormatException("ASCII FBX is not supported: export as binary FBX 7.x "
                        + "(FBX 7.4 binary is the most widely read)", 0, "");
            }
            throw new FbxFormatException("not an FBX file: it does not start with \"Kaydara FBX Binary\"", 0, "");
        }
        if (file.length < FbxLayout.HEADER_BYTES || !startsWith(file, FbxLayout.HEADER_MAGIC)) {
            throw new FbxFormatException("corrupt binary FBX header: expected \"Kaydara FBX Binary\", two spaces, "
                    + "00 1A 00 and a 4-byte version in the first " + FbxLayout.HEADER_BYTES + " bytes",
                    Math.min(file.length, KAYDARA.length), "");
        }
        int at = FbxLayout.HEADER_MAGIC.length;
        long version = (file[at] & 0xFFL) | (file[at + 1] & 0xFFL) << 8 | (file[at + 2] & 0xFFL) << 16
                | (file[at + 3] & 0xFFL) << 24;
        if (version < FbxLayout.MIN_READ_VERSION || version > FbxLayout.MAX_READ_VERSION) {
            throw new FbxFormatException("FBX version " + version + " is not supported; re-export as binary FBX "
                    + "7.1 … 7.7 (FBX 2011 … 2020 in Autodesk's exporters; 7.4 is the most widely read)", at, "");
        }
        return (int) version;
    }

    /** ASCII FBX starts (after an optional BOM and blank space) with a "; FBX" comment or a node. */
    private static boolean looksLikeAsciiFbx(byte[] file) {
        int i = 0;
        if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < file.length && (file[i] == ' ' || file[i] == '\t' || file[i] == '\r' || file[i] == '\n')) {
            i++;
        }
        String start = new String(file, i, Math.min(64, file.length - i), StandardCharsets.ISO_8859_1);
        return start.startsWith(";") || start.startsWith("FBXHeaderExtension");
    }

    private static boolean startsWith(byte[] file, byte[] prefix) {
        if (file.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (file[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bounds on what a file may make the reader allocate or recurse into. The defaults are far
     * above any character or animation file and far below what would exhaust memory.
     *
     * @param maxArrayElements most elements in one array (default 256 M)
     * @param maxDepth deepest node nesting; top-level nodes are depth 1 (default 64; real files
     *     nest about 6 deep)
     * @param maxNodes most node records in the file (default 20 M)
     * @param maxTotalArrayBytes most uncompressed array bytes in the whole file (default 1 GiB);
     *     guards against zlib bombs, which can expand about 1000-fold
     */
    public record Limits(long maxArrayElements, int maxDepth, long maxNodes, long maxTotalArrayBytes) {
        public Limits {
            if (maxArrayElements < 0 || maxDepth < 1 || maxNodes < 1 || maxTotalArrayBytes < 0) {
                throw new IllegalArgumentException("FBX reader limits must be positive: " + maxArrayElements + ", "
                        + maxDepth + ", " + maxNodes + ", " + maxTotalArrayBytes);
            }
        }

        public static Limits defaults() {
            return new Limits(256L << 20, 64, 20_000_000L, 1L << 30);
        }
    }
}
