package io.anim3d.formats.gltf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects glTF objects (insertion-ordered maps, so keys come out in a fixed order) and the one
 * binary buffer they point into. Every bufferView starts on a 4-byte boundary and holds one
 * accessor at offset 0, so every accessor is aligned to its component size. Not thread-safe:
 * one writer builds one document.
 */
final class GltfBuilder {
    static final int BYTE = 5120;
    static final int UNSIGNED_BYTE = 5121;
    static final int UNSIGNED_SHORT = 5123;
    static final int UNSIGNED_INT = 5125;
    static final int FLOAT = 5126;
    static final int ARRAY_BUFFER = 34962;
    static final int ELEMENT_ARRAY_BUFFER = 34963;

    /** Top-level arrays in the order they are written. */
    private static final List<String> ARRAYS = List.of("scenes", "nodes", "meshes", "materials", "textures", "images",
            "samplers", "skins", "animations", "accessors", "bufferViews", "buffers");

    private final Map<String, List<Map<String, Object>>> arrays = new LinkedHashMap<>();
    private byte[] bin = new byte[1024];
    private int binLength;

    GltfBuilder() {
        for (String name : ARRAYS) {
            arrays.put(name, new ArrayList<>());
        }
    }

    /** An empty insertion-ordered JSON object. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** Appends {@code value} to the top-level array {@code name}; returns its index. */
    int add(String name, Map<String, Object> value) {
        List<Map<String, Object>> list = arrays.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no top-level glTF array '" + name + "'");
        }
        list.add(value);
        return list.size() - 1;
    }

    /** The object at {@code index} of top-level array {@code name}, for later additions. */
    Map<String, Object> get(String name, int index) {
        return arrays.get(name).get(index);
    }

    /** Appends {@code data} as a bufferView on a 4-byte boundary; {@code target} may be null. */
    int bufferView(byte[] data, Integer target) {
        int offset = GlbContainer.padded(binLength);
        int end = offset + data.length;
        if (end > bin.length) {
            bin = Arrays.copyOf(bin, Math.max(end, bin.length * 2));
        }
        System.arraycopy(data, 0, bin, offset, data.length);
        binLength = end;
        Map<String, Object> view = object();
        view.put("buffer", 0);
        if (offset > 0) {
            view.put("byteOffset", offset);
        }
        view.put("byteLength", data.length);
        if (target != null) {
            view.put("target", target);
        }
        return add("bufferViews", view);
    }

    /**
     * A float accessor of {@code data} ({@code components} values per element, glTF type
     * {@code type}); with {@code minMax} it carries per-component bounds, as POSITION, animation
     * inputs and morph POSITION deltas must.
     */
    int floats(float[] data, String type, int components, boolean minMax, Integer target) {
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            b.putFloat(f);
        }
        Map<String, Object> a = accessor(bufferView(b.array(), target), FLOAT, data.length / components, type);
        if (minMax) {
            float[] min = new float[components];
            float[] max = new float[components];
            Arrays.fill(min, Float.POSITIVE_INFINITY);
            Arrays.fill(max, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < data.length; i++) {
                min[i % components] = Math.min(min[i % components], data[i]);
                max[i % components] = Math.max(max[i % components], data[i]);
            }
            a.put("min", min);
            a.put("max", max);
        }
        return add("accessors", a);
    }

    /**
     * An unsigned integer accessor in the smallest of {@code componentType} UNSIGNED_BYTE,
     * UNSIGNED_SHORT or UNSIGNED_INT the caller chose (values must fit).
     */
    int unsigned(int[] data, int componentType, String type, int components, Integer target) {
        int size = componentType == UNSIGNED_BYTE ? 1 : componentType == UNSIGNED_SHORT ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(size * data.length).order(ByteOrder.LITTLE_ENDIAN);
        long limit = 1L << (8 * size);
        for (int v : data) {
            if (v < 0 || v >= limit) {
                throw new IllegalStateException("value " + v + " does not fit component type " + componentType);
            }
            switch (size) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                default -> b.putInt(v);
            }
        }
        return add("accessors", accessor(bufferView(b.array(), target), componentType, data.length / components, type));
    }

    private static Map<String, Object> accessor(int view, int componentType, int count, String type) {
        Map<String, Object> a = object();
        a.put("bufferView", view);
        a.put("componentType", componentType);
        a.put("count", count);
        a.put("type", type);
        return a;
    }

    /** The whole document: asset first, then the scene, then every non-empty array. Call once, at the end. */
    Map<String, Object> document(Map<String, Object> asset) {
        Map<String, Object> doc = object();
        doc.put("asset", asset);
        doc.put("scene", 0);
        if (binLength > 0 && arrays.get("buffers").isEmpty()) {
            Map<String, Object> buffer = object();
            buffer.put("byteLength", GlbContainer.padded(binLength)); // the GLB BIN chunk: no uri
            arrays.get("buffers").add(buffer);
        }
        arrays.forEach((name, list) -> {
            if (!list.isEmpty()) {
                doc.put(name, list);
            }
        });
        return doc;
    }

    /** The buffer's bytes, zero-padded to a multiple of 4 (the BIN chunk's content). */
    byte[] binary() {
        return Arrays.copyOf(bin, GlbContainer.padded(binLength));
    }
}
