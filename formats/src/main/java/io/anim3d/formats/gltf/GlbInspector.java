package io.anim3d.formats.gltf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A human-readable summary of a GLB file, for logs, the CLI and tests. */
public final class GlbInspector {
    private GlbInspector() {
    }

    /**
     * Counts of nodes, meshes, vertices, triangles, materials, textures, skins and joints, and per
     * animation its channels by path, key count and duration; then the morph names per mesh.
     *
     * @throws GlbFormatException when the bytes are not a readable GLB
     */
    @SuppressWarnings("unchecked")
    public static String describe(byte[] glb) {
        GlbAsset a = GlbReader.read(glb);
        StringBuilder out = new StringBuilder();
        Map<String, Object> asset = (Map<String, Object>) a.json().get("asset");
        out.append(String.format(Locale.ROOT, "GLB %d bytes (BIN %d), glTF %s, generator %s%n", glb.length, a.binLength(),
                asset.get("version"), asset.getOrDefault("generator", "?")));
        long vertices = 0;
        long triangles = 0;
        int primitives = 0;
        for (Map<String, Object> mesh : a.array("meshes")) {
            for (Object p : (List<Object>) mesh.get("primitives")) {
                Map<String, Object> prim = (Map<String, Object>) p;
                primitives++;
                Map<String, Object> attributes = (Map<String, Object>) prim.get("attributes");
                vertices += count(a, attributes.get("POSITION"));
                triangles += prim.containsKey("indices") ? count(a, prim.get("indices")) / 3 : 0;
            }
        }
        out.append(String.format(Locale.ROOT, "nodes %d, meshes %d (%d primitives, %d vertices, %d triangles), materials %d, "
                + "textures %d, images %d%n", a.array("nodes").size(), a.array("meshes").size(), primitives, vertices, triangles,
                a.array("materials").size(), a.array("textures").size(), a.array("images").size()));
        List<String> skins = new ArrayList<>();
        for (Map<String, Object> skin : a.array("skins")) {
            skins.add(((List<Object>) skin.get("joints")).size() + " joints");
        }
        out.append("skins ").append(skins.size()).append(skins.isEmpty() ? "" : " " + skins).append('\n');
        out.append("animations ").append(a.array("animations").size()).append('\n');
        for (Map<String, Object> anim : a.array("animations")) {
            Map<String, Integer> paths = new TreeMap<>();
            List<Object> samplers = (List<Object>) anim.get("samplers");
            double start = Double.POSITIVE_INFINITY;
            double end = Double.NEGATIVE_INFINITY;
            long keys = 0;
            List<Object> channels = (List<Object>) anim.get("channels");
            for (Object c : channels) {
                Map<String, Object> ch = (Map<String, Object>) c;
                paths.merge((String) ((Map<String, Object>) ch.get("target")).get("path"), 1, Integer::sum);
                Map<String, Object> sampler = (Map<String, Object>) samplers.get(((Double) ch.get("sampler")).intValue());
                Map<String, Object> input = a.get("accessors", ((Double) sampler.get("input")).intValue());
                start = Math.min(start, ((Double) ((List<Object>) input.get("min")).get(0)));
                end = Math.max(end, ((Double) ((List<Object>) input.get("max")).get(0)));
                keys = Math.max(keys, ((Double) input.get("count")).longValue());
            }
            out.append(String.format(Locale.ROOT, "  animation '%s': %d channels %s, %d keys, %.4f s to %.4f s (duration %.4f s)%n",
                    anim.getOrDefault("name", ""), channels.size(), paths, keys, channels.isEmpty() ? 0 : start,
                    channels.isEmpty() ? 0 : end, channels.isEmpty() ? 0 : end - start));
        }
        for (Map<String, Object> mesh : a.array("meshes")) {
            Object extras = mesh.get("extras");
            if (extras instanceof Map<?, ?> e && e.get("targetNames") instanceof List<?> names) {
                out.append("morphs of mesh '").append(mesh.getOrDefault("name", "")).append("': ").append(names).append('\n');
            }
        }
        return out.toString();
    }

    private static long count(GlbAsset a, Object accessor) {
        return accessor == null ? 0 : ((Double) a.get("accessors", ((Double) accessor).intValue()).get("count")).longValue();
    }
}
