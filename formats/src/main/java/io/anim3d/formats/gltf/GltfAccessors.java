package io.anim3d.formats.gltf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes accessors of any glTF file for {@link GlbCharacterReader}, which unlike
 * {@link GlbAsset#accessor(int)} must cope with files other exporters wrote: every component type
 * (signed ones too), {@code normalized} integers (quantized positions, byte weights and UVs), and
 * hostile counts, offsets and strides, all checked in 64-bit arithmetic before anything is
 * allocated. Sparse accessors are refused. Not thread-safe (caches buffer views); one per read.
 */
final class GltfAccessors {
    private static final int BYTE = 5120;
    private static final int UNSIGNED_BYTE = 5121;
    private static final int SHORT = 5122;
    private static final int UNSIGNED_SHORT = 5123;
    private static final int UNSIGNED_INT = 5125;
    private static final int FLOAT = 5126;
    /** The largest byteStride glTF allows. */
    private static final int MAX_STRIDE = 252;

    private final GlbAsset glb;
    private final Map<Integer, ByteBuffer> views = new HashMap<>();

    GltfAccessors(GlbAsset glb) {
        this.glb = glb;
    }

    /** Number of elements of accessor {@code index}. */
    int count(int index) {
        return whole(glb.get("accessors", index).get("count"), "accessors[" + index + "].count");
    }

    /** The accessor's type, e.g. {@code VEC3}. */
    String type(int index) {
        return glb.get("accessors", index).get("type") instanceof String s ? s : "";
    }

    /**
     * Every component of accessor {@code index} as doubles: integers exactly, normalized integers
     * mapped to 0..1 (unsigned) or -1..1 (signed) as the glTF spec defines.
     *
     * @param what      what the accessor is for, e.g. {@code meshes[0].primitives[1].POSITION}
     * @param types     accepted accessor types (e.g. {@code VEC3})
     * @param maxValues refuses accessors with more components than this (a hostile count)
     */
    double[] read(int index, String what, List<String> types, long maxValues) {
        Map<String, Object> a = glb.get("accessors", index);
        String where = what + " (accessors[" + index + "])";
        if (a.containsKey("sparse")) {
            throw new IllegalArgumentException("glTF: " + where + " is a sparse accessor, which this reader does not "
                    + "support; export without sparse accessors");
        }
        String type = type(index);
        if (!types.contains(type)) {
            throw new IllegalArgumentException("glTF: " + where + " has type '" + type + "', expected " + types);
        }
        int comps = GlbAsset.components(type);
        long count = count(index);
        if (count * comps > maxValues) {
            throw new IllegalArgumentException("glTF: " + where + " has " + count + " elements, more than the "
                    + maxValues / comps + " accepted");
        }
        int componentType = whole(a.get("componentType"), where + ".componentType");
        int size = switch (componentType) {
            case BYTE, UNSIGNED_BYTE -> 1;
            case SHORT, UNSIGNED_SHORT -> 2;
            case UNSIGNED_INT, FLOAT -> 4;
            default -> throw new IllegalArgumentException("glTF: " + where + " has component type " + componentType
                    + ", which glTF does not define");
        };
        boolean normalized = Boolean.TRUE.equals(a.get("normalized"));
        if (!a.containsKey("bufferView")) {
            return new double[(int) (count * comps)]; // no bufferView and not sparse: zeros, as the spec says
        }
        int viewIndex = whole(a.get("bufferView"), where + ".bufferView");
        Map<String, Object> view = glb.get("bufferViews", viewIndex);
        if (view.get("extensions") instanceof Map<?, ?> ext && !ext.isEmpty()) {
            throw new IllegalArgumentException("glTF: bufferViews[" + viewIndex + "] uses the extension(s) " + ext.keySet()
                    + " (compressed data), which this reader cannot decode; export without compression");
        }
        ByteBuffer b = view(viewIndex);
        long offset = a.containsKey("byteOffset") ? whole(a.get("byteOffset"), where + ".byteOffset") : 0;
        int elementBytes = size * comps;
        long stride = view.containsKey("byteStride") ? whole(view.get("byteStride"), "bufferViews[" + viewIndex + "].byteStride")
                : elementBytes;
        if (stride < elementBytes || stride > MAX_STRIDE && view.containsKey("byteStride")) {
            throw new IllegalArgumentException("glTF: bufferViews[" + viewIndex + "].byteStride " + stride + " does not fit "
                    + elementBytes + "-byte elements of " + where);
        }
        long needed = count == 0 ? 0 : offset + stride * (count - 1) + elementBytes;
        if (needed > b.capacity()) {
            throw new IllegalArgumentException("glTF: " + where + " needs " + needed + " bytes of bufferViews[" + viewIndex
                    + "], which has " + b.capacity() + "; the file is cut off or damaged");
        }
        double[] out = new double[(int) (count * comps)];
        for (int e = 0; e < count; e++) {
            int p = (int) (offset + e * stride);
            for (int c = 0; c < comps; c++, p += size) {
                out[e * comps + c] = switch (componentType) {
                    case BYTE -> normalized ? Math.max(b.get(p) / 127.0, -1) : b.get(p);
                    case UNSIGNED_BYTE -> normalized ? (b.get(p) & 0xff) / 255.0 : b.get(p) & 0xff;
                    case SHORT -> normalized ? Math.max(b.getShort(p) / 32767.0, -1) : b.getShort(p);
                    case UNSIGNED_SHORT -> normalized ? (b.getShort(p) & 0xffff) / 65535.0 : b.getShort(p) & 0xffff;
                    case UNSIGNED_INT -> b.getInt(p) & 0xffffffffL;
                    default -> b.getFloat(p);
                };
            }
        }
        return out;
    }

    private ByteBuffer view(int index) {
        return views.computeIfAbsent(index, i -> {
            try {
                return ByteBuffer.wrap(glb.bufferView(i)).order(ByteOrder.LITTLE_ENDIAN);
            } catch (ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException("glTF: bufferViews[" + i + "] has no valid byteOffset/byteLength");
            }
        });
    }

    /** A non-negative whole JSON number that fits an int. */
    static int whole(Object v, String what) {
        if (!(v instanceof Double d) || d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("glTF: " + what + " is " + v + ", not a non-negative whole number");
        }
        return d.intValue();
    }
}
