package io.anim3d.formats.gltf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Base-colour textures of a glTF file as PNG bytes for the {@link io.anim3d.formats.character.Material}
 * model: embedded PNGs are kept as they are, embedded JPEGs (Ready Player Me, many VRMs) are
 * re-encoded as PNG. Textures are optional for {@link GlbCharacterReader}, so anything that cannot
 * be read (an external URI, another format, a damaged image, more than {@value #MAX_PIXELS}
 * pixels, checked from the header before decoding) gives null and the material keeps its colour.
 * One per read (caches per image).
 */
final class GltfTextures {
    /** Largest image decoded: 4096 × 4096, 64 MB as ARGB. */
    static final long MAX_PIXELS = 4096L * 4096L;

    private final GlbAsset glb;
    private final Map<Integer, byte[]> png = new HashMap<>();
    private int skipped;

    GltfTextures(GlbAsset glb) {
        this.glb = glb;
    }

    /** Images that could not be used. */
    int skipped() {
        return skipped;
    }

    /** PNG bytes of the material's base-colour texture, or null. */
    byte[] baseColor(Map<String, Object> material) {
        if (!(material.get("pbrMetallicRoughness") instanceof Map<?, ?> pbr)
                || !(pbr.get("baseColorTexture") instanceof Map<?, ?> ref) || !(ref.get("index") instanceof Double t)) {
            return null;
        }
        try {
            Map<String, Object> texture = glb.get("textures", t.intValue());
            if (!(texture.get("source") instanceof Double source)) {
                skipped++;
                return null;
            }
            return png.computeIfAbsent(source.intValue(), this::decode);
        } catch (GlbFormatException | IllegalArgumentException e) {
            skipped++;
            return null;
        }
    }

    private byte[] decode(int image) {
        Map<String, Object> img = glb.get("images", image);
        if (!(img.get("bufferView") instanceof Double view)) {
            skipped++;
            return null;
        }
        byte[] bytes = glb.bufferView(view.intValue());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                skipped++;
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    skipped++;
                    return null;
                }
                if ("png".equalsIgnoreCase(reader.getFormatName())) {
                    return bytes;
                }
                BufferedImage decoded = reader.read(0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(decoded, "png", out);
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            skipped++;
            return null;
        }
    }
}
