package io.anim3d.server.characters;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxReader;
import io.anim3d.formats.fbx.read.FbxCharacterReader;
import io.anim3d.formats.gltf.GlbCharacterReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides whether uploaded bytes are a character we can use, by reading them the way a job will:
 * binary FBX through {@link FbxCharacterReader} (the whole scene: skeleton, meshes, skins), GLB
 * and VRM through {@link GlbCharacterCheck}. The format is taken from the bytes, not from the
 * extension the client declared; the declaration only picks which reader explains a file that is
 * neither. Refusals are {@link CharacterException}s that say what was wrong and how to export the
 * file instead. Stateless and thread-safe.
 */
final class CharacterFiles {
    static final String FBX = "fbx";
    static final String GLB = "glb";
    static final String VRM = "vrm";
    static final String PNG = "png";
    static final String JPG = "jpg";
    /** Name given to the reader's Character; the client's display name is kept elsewhere. */
    private static final String READ_NAME = "model";
    private static final byte[] KAYDARA = "Kaydara FBX Binary".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Logger LOG = Logger.getLogger(CharacterFiles.class.getName());

    private CharacterFiles() {
    }

    /**
     * What reading a model file gave.
     *
     * @param character the model as our Character (skeleton, meshes, materials) when its format is
     *                  read that far (binary FBX), else null (GLB and VRM are checked, not converted)
     */
    record Read(CharacterFacts facts, Character character) {
    }

    /**
     * Reads {@code bytes} as a character.
     *
     * @param declaredExt the extension the client announced ({@code fbx}, {@code glb}, {@code vrm}),
     *     or null when unknown
     * @throws CharacterException (400) saying why the file cannot be used
     */
    static CharacterFacts inspect(byte[] bytes, String declaredExt) {
        return read(bytes, declaredExt).facts();
    }

    /** {@link #inspect}, keeping the Character when the format gives one (for a generated thumbnail). */
    static Read read(byte[] bytes, String declaredExt) {
        return read(bytes, declaredExt, false);
    }

    /**
     * @param convertGlb also convert a GLB/VRM into a Character (for drawing it; costs up to a few
     *                   hundred ms for textured models), else only check it
     */
    static Read read(byte[] bytes, String declaredExt, boolean convertGlb) {
        if (bytes.length == 0) {
            throw CharacterException.invalid("The model file is empty (0 bytes); upload the model to modelUrl, then store it");
        }
        if (GlbCharacterCheck.looksLikeGlb(bytes)) {
            Read checked = glb(bytes);
            return convertGlb ? converted(checked, bytes) : checked;
        }
        if (looksLikeGltfJson(bytes)) {
            throw CharacterException.invalid("The model file is glTF JSON (.gltf), which this server cannot read: export "
                    + "the character as binary glTF (.glb), which embeds its buffers and textures");
        }
        if (startsWith(bytes, KAYDARA) || declaredExt == null || declaredExt.equals(FBX)) {
            return fbx(bytes);
        }
        return glb(bytes); // declared GLB/VRM: its reader names what is wrong with the header
    }

    private static Read glb(byte[] bytes) {
        try {
            return new Read(GlbCharacterCheck.inspect(bytes), null);
        } catch (CharacterException e) {
            throw e;
        } catch (RuntimeException e) { // a JSON shape the checks did not foresee: still the client's file
            LOG.log(Level.INFO, "GLB character refused by an unforeseen shape", e);
            throw unreadable("glTF: the document is inconsistent (" + e.getMessage() + ")");
        }
    }

    /** A checked GLB/VRM with its Character, or without one (undrawable) when it cannot be converted. */
    private static Read converted(Read checked, byte[] bytes) {
        if (!checked.facts().hasSkin()) {
            return checked;
        }
        try {
            return new Read(checked.facts(), GlbCharacterReader.read(bytes, READ_NAME));
        } catch (IllegalArgumentException e) { // checked but not convertible: a usable upload, only not drawable
            LOG.log(Level.INFO, "GLB character checked but not converted", e);
            return checked;
        }
    }

    private static Read fbx(byte[] bytes) {
        Character ch;
        try {
            FbxDocument doc = FbxReader.standard().read(bytes);
            ch = FbxCharacterReader.read(doc, READ_NAME);
        } catch (IOException e) { // FbxFormatException, FbxSceneException: messages written for users
            throw unreadable(e.getMessage());
        } catch (RuntimeException e) {
            // The readers check what they read, but the model constructors check more; a file that
            // slips between them is still the client's file, not our failure.
            LOG.log(Level.INFO, "FBX character refused by a model check", e);
            throw unreadable("binary FBX: the scene is inconsistent (" + e.getMessage() + ")");
        }
        // The reader binds every mesh it returns to bones (skin clusters, or the parent bone).
        boolean hasMesh = !ch.meshes().isEmpty();
        return new Read(new CharacterFacts(FBX, RigIds.ofJointNames(ch.skeleton().names()), ch.skeleton().size(), hasMesh,
                hasMesh), ch);
    }

    /** The thumbnail's format from its bytes: {@code png} or {@code jpg}. */
    static String thumbnailFormat(byte[] bytes) {
        if (startsWith(bytes, PNG_MAGIC)) {
            return PNG;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return JPG;
        }
        throw CharacterException.invalid(bytes.length == 0
                ? "The thumbnail is empty (0 bytes); upload a PNG or JPEG image to thumbUrl, or leave thumbUrl out"
                : "The thumbnail is not a PNG or JPEG image; upload a .png or .jpg to thumbUrl, or leave thumbUrl out");
    }

    /** A 400 for a model file that cannot be read: the reader's own explanation, prefixed once. */
    static CharacterException unreadable(String problem) {
        return CharacterException.invalid("The model file cannot be read as a character: " + problem);
    }

    /** A JSON document (after an optional BOM and blank space) that names glTF's "asset" early on. */
    private static boolean looksLikeGltfJson(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 65_536), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading();
        return start.startsWith("{") && start.toLowerCase(Locale.ROOT).contains("\"asset\"");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
