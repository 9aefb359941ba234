package io.anim3d.formats.gltf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a GLB file into a {@link GlbAsset}, checking the container and that the JSON is a glTF 2.x document. */
public final class GlbReader {
    private GlbReader() {
    }

    public static GlbAsset read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** @throws GlbFormatException naming the header field, chunk or JSON position at fault */
    @SuppressWarnings("unchecked")
    public static GlbAsset read(byte[] glb) {
        GlbContainer c = GlbContainer.parse(glb);
        if (c.json() == null) {
            throw new GlbFormatException("GLB: no JSON chunk");
        }
        Object doc = JsonParser.parse(c.json());
        if (!(doc instanceof Map<?, ?> m) || !(m.get("asset") instanceof Map<?, ?> asset)) {
            throw new GlbFormatException("GLB: the JSON chunk is not a glTF document (no asset object)");
        }
        Object version = asset.get("version");
        if (!(version instanceof String v) || !v.startsWith("2.")) {
            throw new GlbFormatException("GLB: asset.version is " + version + ", not 2.x");
        }
        return new GlbAsset((Map<String, Object>) doc, c.bin());
    }
}
