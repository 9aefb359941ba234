package io.anim3d.server.characters;

import io.anim3d.formats.character.StockCharacters;
import io.anim3d.render.scene.CharacterThumbnail;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.NoSuchBlobException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Thumbnails the server draws itself with {@link CharacterThumbnail} (the character standing in its
 * bind pose, three-quarter front view, 256 × 256 PNG): a client's model on
 * {@code storeModel createThumb=1}, and the stock characters' pictures in {@code listModels}.
 *
 * <p>Drawing needs the model as our Character with a skinned mesh: binary FBX through the FBX
 * reader, GLB and VRM through {@link io.anim3d.formats.gltf.GlbCharacterReader}; a model that
 * has no skinned mesh, or whose meshes cannot be converted, is refused with what to do instead.
 *
 * <p>Stock thumbnails live in the blob store under {@value #STOCK_PREFIX}{@code <name>.png}, shared
 * by every client (signed links, like custom thumbnails). Each process draws a stock character
 * once, on first use, and rewrites the blob when it is missing or holds other bytes (a newer
 * renderer's picture replaces an older one; drawing is deterministic, so equal pictures are
 * equal bytes). Writes are atomic ({@link LocalBlobStore#put}), so concurrent first requests,
 * here or in another process on the same data directory, leave one whole picture. Thread-safe.
 */
final class GeneratedThumbnails {
    static final String STOCK_PREFIX = "stock/thumbs/";
    private static final Logger LOG = Logger.getLogger(GeneratedThumbnails.class.getName());

    private final LocalBlobStore blobs;
    /** One lock per stock character: the first requests wait for one drawing instead of each drawing it. */
    private final Map<String, Object> stockLocks;
    /** Stock characters whose blob this process has checked or written. */
    private final Set<String> stockChecked = ConcurrentHashMap.newKeySet();

    GeneratedThumbnails(LocalBlobStore blobs) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.stockLocks = ProcessParams.STOCK_CHARACTERS.stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), n -> new Object()));
    }

    /**
     * The PNG of a model just read, for {@code createThumb=1}.
     *
     * @throws CharacterException (400) when the model cannot be drawn: not read as a Character
     *                            (GLB, VRM), no skinned mesh, or geometry the renderer refuses
     */
    static byte[] ofModel(CharacterFiles.Read read) {
        requireDrawable(read.facts());
        if (read.character() == null) { // checked, but its meshes could not be converted
            throw CharacterException.invalid("createThumb=1: this " + read.facts().format().toUpperCase(Locale.ROOT)
                    + " model's meshes could not be converted for drawing; upload a PNG or JPEG to thumbUrl instead,"
                    + " or send createThumb 0");
        }
        try {
            return CharacterThumbnail.png(read.character(), CharacterThumbnail.DEFAULT_SIZE);
        } catch (IllegalArgumentException e) { // no finite vertex, an unreadable texture: the client's file
            throw CharacterException.invalid("createThumb=1: the thumbnail cannot be drawn (" + e.getMessage()
                    + "); upload a PNG or JPEG to thumbUrl instead, or send createThumb 0");
        }
    }

    /**
     * Refuses, before any reading, a model whose facts already say it cannot be drawn.
     *
     * @throws CharacterException (400) naming why and what to send instead
     */
    static void requireDrawable(CharacterFacts facts) {
        if (!facts.hasSkin()) {
            throw notDrawable(facts);
        }
    }

    private static CharacterException notDrawable(CharacterFacts facts) {
        String instead = "; upload a PNG or JPEG to thumbUrl instead, or send createThumb 0";
        return CharacterException.invalid("createThumb=1: thumbnails can only be generated for characters with a skinned "
                + "mesh, and this model has only a skeleton" + instead);
    }

    /**
     * The blob key of a stock character's thumbnail, drawn and stored first if this process has
     * not done so yet; empty (and logged) when it cannot be stored, so that a full disk costs the
     * picture, not the listing.
     */
    Optional<String> stockKey(String name) {
        Object lock = stockLocks.get(name);
        if (lock == null) {
            return Optional.empty();
        }
        String key = STOCK_PREFIX + name + ".png";
        if (stockChecked.contains(name) && blobs.exists(key)) {
            return Optional.of(key);
        }
        synchronized (lock) {
            try {
                if (stockChecked.contains(name) && blobs.exists(key)) {
                    return Optional.of(key); // drawn by the request we waited for
                }
                byte[] png = CharacterThumbnail.png(StockCharacters.create(name, false), CharacterThumbnail.DEFAULT_SIZE);
                if (!holds(key, png)) {
                    blobs.putBytes(key, png);
                }
                stockChecked.add(name);
                return Optional.of(key);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot store the thumbnail of stock character " + name + " (listed without one)", e);
                return Optional.empty();
            }
        }
    }

    private boolean holds(String key, byte[] png) throws IOException {
        try {
            return Arrays.equals(png, blobs.readAllBytes(key));
        } catch (NoSuchBlobException absent) {
            return false;
        }
    }
}
