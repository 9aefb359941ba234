package io.anim3d.formats.gltf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * A GLB file read back: its JSON document (maps, lists, {@code Double} numbers) and its BIN chunk,
 * with accessor decoding for the component types our writer uses (float, unsigned byte, short and
 * int; interleaved views honour byteStride; no sparse accessors). Enough for tests and
 * {@link GlbInspector}; not a general glTF loader (no external buffers or data URIs).
 */
public final class GlbAsset {
    private final Map<String, Object> json;
    private final byte[] bin;

    GlbAsset(Map<String, Object> json, byte[] bin) {
        this.json = json;
        this.bin = bin;
    }

    /** The JSON document (mutable views of the parsed tree; callers should only read). */
    public Map<String, Object> json() {
        return json;
    }

    /** Length of the BIN chunk in bytes (0 for none). */
    public int binLength() {
        return bin.length;
    }

    /** Top-level array {@code name} (e.g. "nodes"), empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> array(String name) {
        Object v = json.get(name);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    /** Element {@code index} of top-level array {@code name}; fails naming both when it is missing. */
    public Map<String, Object> get(String name, int index) {
        List<Map<String, Object>> list = array(name);
        if (index < 0 || index >= list.size()) {
            throw new GlbFormatException(name + "[" + index + "] does not exist (" + list.size() + " " + name + ")");
        }
        return list.get(index);
    }

    /** Number of components of an accessor type such as "VEC3". */
    static int components(String type) {
        return switch (type) {
            case "SCALAR" -> 1;
            case "VEC2" -> 2;
            case "VEC3" -> 3;
            case "VEC4", "MAT2" -> 4;
            case "MAT3" -> 9;
            case "MAT4" -> 16;
            default -> throw new GlbFormatException("unknown accessor type '" + type + "'");
        };
    }

    /** Every component of accessor {@code index}, as doubles (integers exactly). */
    public double[] accessor(int index) {
        Map<String, Object> a = get("accessors", index);
        int count = integer(a, "count", index);
        int comps = components((String) a.get("type"));
        int componentType = integer(a, "componentType", index);
        int size = switch (componentType) {
            case GltfBuilder.BYTE, GltfBuilder.UNSIGNED_BYTE -> 1;
            case GltfBuilder.UNSIGNED_SHORT -> 2;
            case GltfBuilder.UNSIGNED_INT, GltfBuilder.FLOAT -> 4;
            default -> throw new GlbFormatException("accessors[" + index + "]: component type " + componentType + " not supported");
        };
        double[] out = new double[count * comps];
        if (!a.containsKey("bufferView")) {
            return out; // no bufferView: all zeros, as the spec says
        }
        int viewIndex = integer(a, "bufferView", index);
        Map<String, Object> view = get("bufferViews", viewIndex);
        int viewOffset = view.containsKey("byteOffset") ? ((Double) view.get("byteOffset")).intValue() : 0;
        int viewLength = ((Double) view.get("byteLength")).intValue();
        int offset = a.containsKey("byteOffset") ? integer(a, "byteOffset", index) : 0;
        int elementBytes = size * comps;
        int stride = view.containsKey("byteStride") ? ((Double) view.get("byteStride")).intValue() : elementBytes;
        long last = count == 0 ? 0 : (long) offset + (long) stride * (count - 1) + elementBytes;
        if (last > viewLength || (long) viewOffset + viewLength > bin.length) {
            throw new GlbFormatException("accessors[" + index + "] needs " + last + " bytes of bufferViews[" + viewIndex
                    + "] (" + viewLength + " bytes at " + viewOffset + ", buffer " + bin.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        for (int e = 0; e < count; e++) {
            int p = viewOffset + offset + e * stride;
            for (int c = 0; c < comps; c++, p += size) {
                out[e * comps + c] = switch (componentType) {
                    case GltfBuilder.BYTE -> b.get(p);
                    case GltfBuilder.UNSIGNED_BYTE -> b.get(p) & 0xff;
                    case GltfBuilder.UNSIGNED_SHORT -> b.getShort(p) & 0xffff;
                    case GltfBuilder.UNSIGNED_INT -> b.getInt(p) & 0xffffffffL;
                    default -> b.getFloat(p);
                };
            }
        }
        return out;
    }

    /** The bytes of bufferView {@code index} (e.g. an embedded PNG). */
    public byte[] bufferView(int index) {
        Map<String, Object> view = get("bufferViews", index);
        int offset = view.containsKey("byteOffset") ? ((Double) view.get("byteOffset")).intValue() : 0;
        int length = ((Double) view.get("byteLength")).intValue();
        if ((long) offset + length > bin.length) {
            throw new GlbFormatException("bufferViews[" + index + "] runs past the " + bin.length + "-byte buffer");
        }
        return java.util.Arrays.copyOfRange(bin, offset, offset + length);
    }

    private static int integer(Map<String, Object> a, String key, int index) {
        Object v = a.get(key);
        if (!(v instanceof Double d) || d != Math.rint(d) || d < 0) {
            throw new GlbFormatException("accessors[" + index + "]." + key + " is " + v + ", not a non-negative integer");
        }
        return d.intValue();
    }
}
