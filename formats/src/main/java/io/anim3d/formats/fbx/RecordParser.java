package io.anim3d.formats.fbx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the node records of one file held in memory (one instance per file, not thread-safe).
 * A record is {@code endOffset, numProperties, propertyListLen} (uint32 before 7500, uint64 from
 * 7500), a one-byte name length, the name, the properties, then optionally a nested list of child
 * records ended by a NULL record (a record header of zeros); the record ends at endOffset.
 */
final class RecordParser {
    private final byte[] file;
    private final int version;
    private final boolean wide;
    private final int headerBytes;
    private final FbxReader.Limits limits;
    private final PropertyDecoder properties;
    private final List<String> path = new ArrayList<>();
    private long nodeCount;

    RecordParser(byte[] file, int version, FbxReader.Limits limits) {
        this.file = file;
        this.version = version;
        this.wide = FbxLayout.is64Bit(version);
        this.headerBytes = FbxLayout.recordHeaderBytes(version);
        this.limits = limits;
        this.properties = new PropertyDecoder(file, limits);
    }

    FbxDocument parseTopLevel() throws FbxFormatException {
        List<FbxNode> nodes = new ArrayList<>();
        parseList(FbxLayout.HEADER_BYTES, file.length, nodes, "the top-level list");
        return new FbxDocument(version, nodes);
    }

    /**
     * Parses records from {@code start} until a NULL record, all inside {@code limit}; returns the
     * offset just after the NULL record.
     */
    private long parseList(long start, long limit, List<FbxNode> into, String what) throws FbxFormatException {
        long pos = start;
        while (true) {
            if (pos + headerBytes > limit) {
                throw fail(what + " has no NULL record before " + endDescription(limit) + " (a record header needs "
                        + headerBytes + " bytes); the file is truncated or a record length is wrong", pos);
            }
            long end = uint(pos);
            long propertyCount = uint(pos + (wide ? 8 : 4));
            long propertyBytes = uint(pos + (wide ? 16 : 8));
            int nameLength = file[(int) pos + headerBytes - 1] & 0xFF;
            if (end == 0 && propertyCount == 0 && propertyBytes == 0 && nameLength == 0) {
                return pos + headerBytes;
            }
            into.add(parseRecord(pos, limit, end, propertyCount, propertyBytes, nameLength));
            pos = end;
        }
    }

    private FbxNode parseRecord(long pos, long limit, long end, long propertyCount, long propertyBytes,
            int nameLength) throws FbxFormatException {
        long nameStart = pos + headerBytes;
        if (nameStart + nameLength > limit) {
            throw fail("record name of " + nameLength + " bytes runs past " + endDescription(limit)
                    + (limit == file.length ? "; the file is truncated" : ""), nameStart);
        }
        String name = new String(file, (int) nameStart, nameLength, StandardCharsets.ISO_8859_1);
        if (nameLength == 0) {
            throw fail("record with an empty name but non-zero header (end offset " + end
                    + "): a malformed NULL record", pos);
        }
        path.add(name);
        try {
            if (++nodeCount > limits.maxNodes()) {
                throw fail("more than " + limits.maxNodes() + " node records; the file is too large to import", pos);
            }
            if (path.size() > limits.maxDepth()) {
                throw fail("nodes nest deeper than " + limits.maxDepth() + " levels", pos);
            }
            if (end <= pos) {
                throw fail("end offset " + end + " points backwards, before the record's own start at " + pos, pos);
            }
            if (end > limit) {
                throw fail("end offset " + end + " lies beyond " + endDescription(limit)
                        + (end > file.length ? "; the file is truncated" : ""), pos);
            }
            long propertiesStart = nameStart + nameLength;
            long propertiesEnd = propertiesStart + propertyBytes;
            if (propertyBytes > end - propertiesStart) {
                throw fail("property list of " + propertyBytes + " bytes runs past the record's end offset " + end,
                        propertiesStart);
            }
            List<FbxProperty> props = properties.decodeList(propertiesStart, propertiesEnd, propertyCount, this);
            List<FbxNode> children = new ArrayList<>();
            if (propertiesEnd < end) {
                long after = parseList(propertiesEnd, end, children, "the nested list of " + name);
                if (after != end) {
                    throw fail("the nested list ends at " + after + " but the record's end offset is " + end, after);
                }
            }
            return FbxNode.of(name, props, children);
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private String endDescription(long limit) {
        return limit == file.length ? "the end of the file (" + file.length + " bytes)"
                : "the end of the enclosing record (" + limit + ")";
    }

    /** A uint32 or (for 7500+) uint64 at {@code at}; uint64 above 2^63 reads as negative and fails later. */
    private long uint(long at) {
        int i = (int) at;
        long v = 0;
        int n = wide ? 8 : 4;
        for (int k = n - 1; k >= 0; k--) {
            v = (v << 8) | (file[i + k] & 0xFFL);
        }
        return v < 0 ? Long.MAX_VALUE : v;
    }

    /** An error at {@code offset} inside the current node path. */
    FbxFormatException fail(String problem, long offset) {
        return new FbxFormatException(problem, offset, String.join("/", path));
    }

    FbxFormatException fail(String problem, long offset, Throwable cause) {
        return new FbxFormatException(problem, offset, String.join("/", path), cause);
    }
}
