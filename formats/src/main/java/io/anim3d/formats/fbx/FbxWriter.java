package io.anim3d.formats.fbx;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a list of top-level {@link FbxNode}s as a binary FBX file: header, node records, the
 * NULL record that ends the top-level list, and the footer Blender's exporter writes.
 *
 * <p>It works in two passes: {@link RecordPlan} first encodes every property (compressing
 * arrays) and sizes every record, so every end offset is known; then the bytes are written in
 * one sequential pass. Output is deterministic: the same nodes and options give the same bytes
 * (no clock, no hash-order iteration; zlib at a fixed level). Nothing is added to the tree, so
 * a caller that wants Blender's fixed {@code FileId}/{@code CreationTime} puts them in itself.
 * A writer holds only its options, so one instance can serve many threads.
 */
public final class FbxWriter {
    private final Options options;

    public FbxWriter(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A writer of FBX 7.4 with Blender's array compression and sentinel rules. */
    public static FbxWriter standard() {
        return new FbxWriter(Options.defaults());
    }

    public Options options() {
        return options;
    }

    /** The whole file in memory. */
    public byte[] write(List<FbxNode> topLevel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(topLevel, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the file to {@code out} (buffered here; {@code out} is flushed, not closed). */
    public void write(List<FbxNode> topLevel, OutputStream out) throws IOException {
        RecordPlan plan = RecordPlan.of(topLevel, options);
        LittleEndianOut le = new LittleEndianOut(new BufferedOutputStream(out, 1 << 16));
        le.bytes(FbxLayout.HEADER_MAGIC);
        le.u32(options.version());
        plan.write(le);
        writeFooter(le);
        le.flush();
    }

    /**
     * Writes the file atomically: into a temporary sibling, then moved over {@code file}, so a
     * failure never leaves a partial FBX behind.
     */
    public void write(List<FbxNode> topLevel, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(topLevel, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The footer exactly as Blender writes it: footer id, 4 zeros, zero padding to a 16-byte
     * boundary (a full 16 bytes when already aligned), the version, 120 zeros, the closing magic.
     */
    private void writeFooter(LittleEndianOut le) throws IOException {
        le.bytes(FbxLayout.FOOTER_ID);
        le.zeros(FbxLayout.FOOTER_ID_ZEROS);
        int misalignment = (int) (le.position() % 16);
        le.zeros(16 - misalignment);
        le.u32(options.version());
        le.zeros(FbxLayout.FOOTER_ZEROS);
        le.bytes(FbxLayout.FOOTER_MAGIC);
    }

    /**
     * How to write.
     *
     * @param version FBX version in the header and footer, 7100 … 7700; 7500 and later use
     *     64-bit record headers and 25-byte NULL records. Blender and most tools write 7400.
     * @param compressAboveBytes arrays whose raw payload is larger than this many bytes are
     *     zlib-compressed (Blender and the FBX SDK use 128); 0 compresses every non-empty array,
     *     {@link Integer#MAX_VALUE} none
     * @param deflateLevel zlib level 0 … 9 (Blender uses 1: fast, and FBX arrays gain little
     *     from higher levels)
     * @param compressOnlyIfSmaller keep an array raw when compressing would not make it smaller
     *     (true: smaller files; false: Blender's exact behaviour, which compresses regardless)
     * @param alwaysBlockSentinel node names that always get a NULL record after their
     *     properties, even without children; Blender does this for {@code AnimationStack} and
     *     {@code AnimationLayer} (its {@code _ELEMS_ID_ALWAYS_BLOCK_SENTINEL}) because FBX SDK
     *     files do
     */
    public record Options(int version, int compressAboveBytes, int deflateLevel, boolean compressOnlyIfSmaller,
            Set<String> alwaysBlockSentinel) {
        public static final int DEFAULT_VERSION = 7400;

        public Options {
            if (version < FbxLayout.MIN_READ_VERSION || version > FbxLayout.MAX_READ_VERSION) {
                throw new IllegalArgumentException("FBX version " + version + " cannot be written; use "
                        + FbxLayout.MIN_READ_VERSION + " … " + FbxLayout.MAX_READ_VERSION + " (7400 is the common one)");
            }
            if (compressAboveBytes < 0) {
                throw new IllegalArgumentException("compressAboveBytes must be >= 0, got " + compressAboveBytes);
            }
            if (deflateLevel < 0 || deflateLevel > 9) {
                throw new IllegalArgumentException("deflateLevel must be 0 … 9, got " + deflateLevel);
            }
            alwaysBlockSentinel = Set.copyOf(alwaysBlockSentinel);
        }

        /** FBX 7.4, arrays over 128 bytes compressed at level 1 when smaller, Blender's sentinels. */
        public static Options defaults() {
            return new Options(DEFAULT_VERSION, 128, 1, true, Set.of("AnimationStack", "AnimationLayer"));
        }

        /** These options with another version (7400 or 7500 for example). */
        public Options withVersion(int newVersion) {
            return new Options(newVersion, compressAboveBytes, deflateLevel, compressOnlyIfSmaller, alwaysBlockSentinel);
        }

        /** These options with Blender's compression rule (compress above the threshold even if larger). */
        public Options withCompressOnlyIfSmaller(boolean onlyIfSmaller) {
            return new Options(version, compressAboveBytes, deflateLevel, onlyIfSmaller, alwaysBlockSentinel);
        }
    }

    /** The records of one list, encoded and sized before anything is written. */
    static final class RecordPlan {
        private final List<PlannedNode> nodes;
        private final Options options;

        private RecordPlan(List<PlannedNode> nodes, Options options) {
            this.nodes = nodes;
            this.options = options;
        }

        static RecordPlan of(List<FbxNode> topLevel, Options options) {
            PropertyEncoder encoder = new PropertyEncoder(options);
            List<PlannedNode> planned = new ArrayList<>(topLevel.size());
            for (int i = 0; i < topLevel.size(); i++) {
                planned.add(PlannedNode.of(topLevel.get(i), encoder, options, i == topLevel.size() - 1));
            }
            return new RecordPlan(planned, options);
        }

        void write(LittleEndianOut le) throws IOException {
            // The top level behaves as the children of a nameless root: its list always ends
            // with a NULL record, and the footer follows straight after.
            for (PlannedNode n : nodes) {
                n.write(le, options);
            }
            le.zeros(FbxLayout.nullRecordBytes(options.version()));
        }
    }
}
