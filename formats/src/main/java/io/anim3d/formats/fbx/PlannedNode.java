package io.anim3d.formats.fbx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A node ready to write: its properties already encoded (arrays compressed) and its record size
 * known, so its end offset can be written before its contents. Part of {@link FbxWriter}'s plan.
 */
final class PlannedNode {
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private final byte[] name;
    private final int propertyCount;
    private final byte[] encodedProperties;
    private final List<PlannedNode> children;
    private final boolean sentinel;
    private final long size;

    private PlannedNode(byte[] name, int propertyCount, byte[] encodedProperties, List<PlannedNode> children,
            boolean sentinel, long size) {
        this.name = name;
        this.propertyCount = propertyCount;
        this.encodedProperties = encodedProperties;
        this.children = children;
        this.sentinel = sentinel;
        this.size = size;
    }

    /** Plans {@code node}; {@code isLast} says whether it is the last of its siblings. */
    static PlannedNode of(FbxNode node, PropertyEncoder encoder, FbxWriter.Options options, boolean isLast) {
        byte[] props = encoder.encodeAll(node.properties());
        List<PlannedNode> kids = new ArrayList<>(node.children().size());
        long childBytes = 0;
        for (int i = 0; i < node.children().size(); i++) {
            PlannedNode k = of(node.children().get(i), encoder, options, i == node.children().size() - 1);
            kids.add(k);
            childBytes += k.size;
        }
        // Blender's rule (encode_bin.py): a nested list, ended by a NULL record, when there are
        // children; a lone NULL record for a property-less node that is not the last sibling,
        // and for the always-block names. Readers treat all of these as "no children".
        boolean sentinel = !kids.isEmpty()
                || (node.properties().isEmpty() && !isLast)
                || options.alwaysBlockSentinel().contains(node.name());
        byte[] nameBytes = node.nameBytes();
        long size = FbxLayout.recordHeaderBytes(options.version()) + nameBytes.length + props.length + childBytes
                + (sentinel ? FbxLayout.nullRecordBytes(options.version()) : 0);
        return new PlannedNode(nameBytes, node.properties().size(), props, kids, sentinel, size);
    }

    /** Writes this record at the current position; its end offset is position + size. */
    void write(LittleEndianOut le, FbxWriter.Options options) throws IOException {
        long start = le.position();
        long end = start + size;
        if (FbxLayout.is64Bit(options.version())) {
            le.u64(end);
            le.u64(propertyCount);
            le.u64(encodedProperties.length);
        } else {
            if (end > MAX_U32) {
                throw new IOException("FBX " + options.version() + " stores 32-bit offsets, but record "
                        + new String(name, java.nio.charset.StandardCharsets.ISO_8859_1) + " would end at byte " + end
                        + "; write version 7500 or later for files over 4 GiB");
            }
            le.u32(end);
            le.u32(propertyCount);
            le.u32(encodedProperties.length);
        }
        le.u8(name.length);
        le.bytes(name);
        le.bytes(encodedProperties);
        for (PlannedNode c : children) {
            c.write(le, options);
        }
        if (sentinel) {
            le.zeros(FbxLayout.nullRecordBytes(options.version()));
        }
        if (le.position() != end) {
            throw new IllegalStateException("FBX writer bug: record planned to end at " + end + " ended at "
                    + le.position());
        }
    }
}
