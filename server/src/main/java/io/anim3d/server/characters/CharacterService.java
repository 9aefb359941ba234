package io.anim3d.server.characters;

import io.anim3d.server.api.ServerContext;
import io.anim3d.server.api.UploadRoutes;
import io.anim3d.server.characters.CharacterAnswers.Model;
import io.anim3d.server.characters.CharacterAnswers.UploadUrls;
import io.anim3d.server.db.Ids;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.NoSuchBlobException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Custom characters of a client: upload URLs, storing a validated model with its thumbnail,
 * listing (with the stock characters), renaming and deleting. Knows nothing about HTTP: requests
 * arrive as plain values, refusals leave as {@link CharacterException}. Every call names its
 * {@link CharacterOwner}, the client or one of its sub-users, whose rules decide what it sees and
 * may change; a character stored in a sub-user's call is that sub-user's.
 *
 * <p>Files: the model and thumbnail arrive as uploads of the caller ({@code uploads/<client>/<id>},
 * through URLs from {@link UploadRoutes#signedUploadUrl}); storing reads the model into memory
 * once, checks those very bytes ({@link CharacterFiles}) and writes them to
 * {@code models/<client>/<modelId>/model.<ext>}, so a file replaced after the check cannot slip in.
 * The uploads are deleted once the character is stored. Nothing is written under {@code models/}
 * and no row is added when anything is refused.
 *
 * <p>Thumbnails are the client's own picture ({@code thumbUrl}) or, with {@code createThumb}, one
 * the server draws from the model ({@link GeneratedThumbnails}), stored as {@code thumb.png} beside
 * it; asking for both is refused, since one of them would be silently dropped. Drawing happens in
 * the request, under the same limit of {@value #PARALLEL_READS} model reads at a time: a 256²
 * picture takes milliseconds, reading the model (at most {@link #MAX_MODEL_BYTES}) is the cost.
 */
public final class CharacterService {
    /** Characters one client may keep, its sub-users' included. */
    public static final int MAX_MODELS_PER_CLIENT = 100;
    /** Largest model file: far above real characters (a few MB to ~100 MB), low enough to read in memory. */
    public static final long MAX_MODEL_BYTES = 256L * 1024 * 1024;
    /** Largest thumbnail. */
    public static final long MAX_THUMB_BYTES = 10L * 1024 * 1024;
    /** Longest searchToken, in characters (a name is at most {@value CharacterNames#MAX_LENGTH}). */
    public static final int MAX_SEARCH_LENGTH = CharacterNames.MAX_LENGTH;
    /** Lifetime of the signed thumbnail links in listModels, as of upload URLs. */
    static final Duration THUMB_URL_TTL = Duration.ofHours(24);
    /** Model files read at the same time: each may take a few times its size in memory. */
    static final int PARALLEL_READS = 2;
    static final String PLATFORM_CUSTOM = "custom";
    static final String PLATFORM_STOCK = "stock";
    static final String MODELS = "models/";
    static final List<String> MODEL_EXTENSIONS = List.of("fbx", "glb", "vrm");
    static final List<String> THUMB_EXTENSIONS = List.of("png", "jpg", "jpeg");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Logger LOG = Logger.getLogger(CharacterService.class.getName());

    private final ServerContext context;
    private final LocalBlobStore blobs;
    private final CharacterStore store;
    private final CharacterUploads uploads;
    private final Semaphore reads = new Semaphore(PARALLEL_READS, true);
    private final GeneratedThumbnails generated;

    public CharacterService(ServerContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.blobs = context.blobs();
        this.store = new CharacterStore(context.db());
        this.uploads = new CharacterUploads(context);
        this.generated = new GeneratedThumbnails(blobs);
    }

    /**
     * What {@code POST /character/storeModel} asked for; null members were absent (or JSON null).
     *
     * @param createThumb whether the server should draw the thumbnail from the model
     */
    public record StoreRequest(String modelUrl, String modelName, String thumbUrl, String modelId, boolean createThumb) {
    }

    /** The rows, e.g. for job submission to find a client's character. */
    public CharacterStore rows() {
        return store;
    }

    /**
     * Signed upload URLs for a model and its thumbnail.
     *
     * @param name     base name of the files, for display (may be null)
     * @param modelExt fbx, glb or vrm (null: fbx); gltf is refused with what to export instead
     * @param thumbExt png, jpg or jpeg (null: png)
     */
    public UploadUrls uploadUrls(CharacterOwner who, String baseUrl, String name, String modelExt, String thumbExt) {
        String model = extension(modelExt, "fbx", "modelExt");
        if (model.equals("gltf")) {
            throw CharacterException.invalid("modelExt gltf: this server reads binary glTF only; export the character as "
                    + ".glb (binary glTF, buffers and textures embedded) and ask with modelExt=glb");
        }
        if (!MODEL_EXTENSIONS.contains(model)) {
            throw CharacterException.invalid("modelExt '" + model + "' is not a model format this server reads; use one of "
                    + String.join(", ", MODEL_EXTENSIONS) + " (FBX must be binary FBX 7.x)");
        }
        String thumb = extension(thumbExt, "png", "thumbExt");
        if (!THUMB_EXTENSIONS.contains(thumb)) {
            throw CharacterException.invalid("thumbExt '" + thumb + "' is not a thumbnail format this server keeps; use one of "
                    + String.join(", ", THUMB_EXTENSIONS));
        }
        requireRoom(who);
        String cleaned = CharacterNames.clean(name, "name");
        String base = cleaned == null ? CharacterNames.FALLBACK : CharacterNames.withoutModelExtension(cleaned);
        return new UploadUrls(
                UploadRoutes.signedUploadUrl(blobs, context.signer(), baseUrl, who.clientId(), base + "." + model),
                UploadRoutes.signedUploadUrl(blobs, context.signer(), baseUrl, who.clientId(), base + "." + thumb));
    }

    /**
     * Stores a new character of {@code who} ({@code modelUrl}) or renames / re-thumbnails one that
     * {@code who} owns ({@code modelId}, with a new {@code thumbUrl} or {@code createThumb} to draw
     * it again from the stored model); returns its id.
     */
    public String store(CharacterOwner who, String baseUrl, StoreRequest request) {
        boolean hasUrl = request.modelUrl() != null && !request.modelUrl().isBlank();
        boolean hasId = request.modelId() != null && !request.modelId().isBlank();
        if (hasUrl && hasId) {
            throw CharacterException.invalid("Send either modelUrl (to store a new model) or modelId (to rename a stored "
                    + "model or change its thumbnail), not both; replacing a stored model's file is not supported: "
                    + "store the new file and delete the old model");
        }
        if (hasId) {
            return update(who, baseUrl, request.modelId().strip(), request);
        }
        if (!hasUrl) {
            throw CharacterException.invalid("storeModel needs modelUrl (the URL from GET /character/getModelUploadUrl, "
                    + "after uploading the model to it) or modelId (to rename a stored model or change its thumbnail)");
        }
        return create(who, baseUrl, request);
    }

    private String create(CharacterOwner who, String baseUrl, StoreRequest request) {
        String clientId = who.clientId();
        requireRoom(who);
        String modelName = CharacterNames.clean(request.modelName(), "modelName");
        boolean hasThumb = request.thumbUrl() != null && !request.thumbUrl().isBlank();
        if (hasThumb && request.createThumb()) {
            throw bothThumbnails();
        }
        List<String> fetched = new ArrayList<>();
        try {
            String modelUrl = request.modelUrl().strip();
            String modelSource = uploads.source(clientId, baseUrl, modelUrl, "modelUrl", MAX_MODEL_BYTES, fetched);
            String thumbSource = hasThumb
                    ? uploads.source(clientId, baseUrl, request.thumbUrl().strip(), "thumbUrl", MAX_THUMB_BYTES, fetched)
                    : null;
            String uploadedName = uploads.uploadName(modelSource);
            byte[] model = uploads.read(modelSource, MAX_MODEL_BYTES, "model file", modelUrl);
            CharacterFacts facts;
            byte[] thumb = null;
            reads.acquireUninterruptibly();
            try {
                CharacterFiles.Read read = CharacterFiles.read(model, declaredExtension(uploadedName), request.createThumb());
                facts = read.facts();
                if (request.createThumb()) {
                    thumb = GeneratedThumbnails.ofModel(read);
                }
            } finally {
                reads.release();
            }
            if (thumbSource != null) {
                thumb = uploads.read(thumbSource, MAX_THUMB_BYTES, "thumbnail", request.thumbUrl());
            }
            String thumbFormat = thumb == null ? null : CharacterFiles.thumbnailFormat(thumb);

            String id = Ids.newId();
            String prefix = MODELS + clientId + "/" + id;
            String modelKey = prefix + "/model." + facts.format();
            Optional<String> thumbKey = thumb == null ? Optional.empty() : Optional.of(prefix + "/thumb." + thumbFormat);
            String name = modelName != null ? modelName : defaultName(uploadedName);
            long now = context.clock().millis();
            StoredCharacter row = new StoredCharacter(id, clientId, who.subUser(), name, modelKey, model.length, thumbKey,
                    facts, now, now);
            try {
                blobs.putBytes(modelKey, model);
                if (thumb != null) {
                    blobs.putBytes(thumbKey.get(), thumb);
                }
                if (!store.insert(row, MAX_MODELS_PER_CLIENT)) {
                    throw tooMany();
                }
            } catch (IOException | RuntimeException e) {
                deletePrefixQuietly(prefix);
                if (e instanceof IOException io) {
                    throw new UncheckedIOException("cannot store the character's files: " + io.getMessage(), io);
                }
                throw (RuntimeException) e;
            }
            uploads.deleteQuietly(modelSource);
            if (thumbSource != null) {
                uploads.deleteQuietly(thumbSource);
            }
            return id;
        } finally {
            fetched.forEach(uploads::deleteQuietly);
        }
    }

    private String update(CharacterOwner who, String baseUrl, String id, StoreRequest request) {
        String clientId = who.clientId();
        StoredCharacter old = changeable(who, find(who, id));
        String newName = CharacterNames.clean(request.modelName(), "modelName");
        Optional<String> thumbKey = old.thumbKey();
        String written = null;
        String thumbSource = null;
        List<String> fetched = new ArrayList<>();
        try {
            String thumbUrl = request.thumbUrl() == null ? "" : request.thumbUrl().strip();
            // The listed link sent back unchanged means "keep it": no new picture, no conflict with createThumb.
            boolean newThumb = !thumbUrl.isEmpty() && !isCurrentThumb(old, thumbUrl, baseUrl);
            if (newThumb && request.createThumb()) {
                throw bothThumbnails();
            }
            byte[] thumb = null;
            if (request.createThumb()) {
                thumb = redraw(old);
            } else if (newThumb) {
                thumbSource = uploads.source(clientId, baseUrl, thumbUrl, "thumbUrl", MAX_THUMB_BYTES, fetched);
                thumb = uploads.read(thumbSource, MAX_THUMB_BYTES, "thumbnail", thumbUrl);
            }
            if (thumb != null) {
                written = MODELS + clientId + "/" + id + "/thumb." + CharacterFiles.thumbnailFormat(thumb);
                try {
                    blobs.putBytes(written, thumb);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot store the thumbnail: " + e.getMessage(), e);
                }
                thumbKey = Optional.of(written);
            }
            StoredCharacter changed = old.withNameAndThumb(newName != null ? newName : old.name(), thumbKey,
                    context.clock().millis());
            if (!store.update(changed)) {
                if (written != null) {
                    deleteQuietly(written);
                }
                throw unknownModel(id);
            }
        } finally {
            fetched.forEach(uploads::deleteQuietly);
        }
        if (written != null && old.thumbKey().isPresent() && !old.thumbKey().get().equals(written)) {
            deleteQuietly(old.thumbKey().get());
        }
        if (thumbSource != null) {
            uploads.deleteQuietly(thumbSource);
        }
        return id;
    }

    /** The thumbnail drawn from a stored model; refused before reading when its facts say it cannot be drawn. */
    private byte[] redraw(StoredCharacter c) {
        GeneratedThumbnails.requireDrawable(c.facts());
        byte[] model;
        try {
            model = blobs.readAllBytes(c.modelKey());
        } catch (NoSuchBlobException deletedMeanwhile) {
            throw unknownModel(c.id());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored model " + c.modelKey() + ": " + e.getMessage(), e);
        }
        reads.acquireUninterruptibly();
        try {
            return GeneratedThumbnails.ofModel(CharacterFiles.read(model, c.facts().format(), true));
        } finally {
            reads.release();
        }
    }

    /**
     * The characters {@code who} sees ({@link CharacterOwner#sees}), optionally only {@code modelId}
     * and only names containing {@code searchToken} (case-insensitive), followed by the stock
     * characters when asked for.
     *
     * @throws CharacterException (404) for a modelId that is neither a stock character nor one {@code who} sees
     */
    public List<Model> list(CharacterOwner who, String baseUrl, String modelId, String searchToken, boolean withStock) {
        String token = searchToken == null ? "" : searchToken.strip().toLowerCase(Locale.ROOT);
        if (token.length() > MAX_SEARCH_LENGTH) {
            throw CharacterException.invalid("searchToken is " + token.length() + " characters long; at most "
                    + MAX_SEARCH_LENGTH + " are allowed");
        }
        List<Model> out = new ArrayList<>();
        String wanted = modelId == null || modelId.isBlank() ? null : modelId.strip();
        if (wanted != null && ProcessParams.STOCK_CHARACTERS.contains(wanted.toLowerCase(Locale.ROOT))) {
            out.add(stock(wanted.toLowerCase(Locale.ROOT), baseUrl));
        } else if (wanted != null) {
            out.add(model(find(who, wanted), baseUrl));
        } else {
            for (StoredCharacter c : store.list(who)) {
                out.add(model(c, baseUrl));
            }
            if (withStock) {
                // Filtered before building: a stock entry may draw its thumbnail on first use.
                ProcessParams.STOCK_CHARACTERS.stream().filter(s -> s.contains(token)).forEach(s -> out.add(stock(s, baseUrl)));
            }
        }
        out.removeIf(m -> !m.name().toLowerCase(Locale.ROOT).contains(token));
        return out;
    }

    /**
     * Deletes a character {@code who} owns, and its files; returns 1. An id {@code who} does not see
     * is a 404 (unknown, another client's or another sub-user's); a shared character in a sub-user's
     * call is a 400 that says where it can be deleted.
     */
    public int delete(CharacterOwner who, String id) {
        String wanted = id == null ? "" : id.strip();
        changeable(who, find(who, wanted));
        if (!store.delete(who, wanted)) {
            throw unknownModel(wanted); // deleted meanwhile
        }
        deletePrefixQuietly(MODELS + who.clientId() + "/" + wanted);
        return 1;
    }

    private StoredCharacter find(CharacterOwner who, String id) {
        if (!MODEL_ID.matcher(id).matches()) {
            throw unknownModel(id);
        }
        return store.find(who, id).orElseThrow(() -> unknownModel(id));
    }

    /** The character, if {@code who} may change it; a sub-user is refused the client's shared ones. */
    private static StoredCharacter changeable(CharacterOwner who, StoredCharacter c) {
        if (!who.mayChange(c)) {
            throw CharacterException.invalid("Character '" + c.id() + "' is shared by every user of this client (it was "
                    + "stored without x-useruid); a session for a sub-user may use it but not rename or delete it: do that in "
                    + "a session opened without the x-useruid header");
        }
        return c;
    }

    private Model model(StoredCharacter c, String baseUrl) {
        String thumb = c.thumbKey().map(key -> signedGet(key, baseUrl)).orElse("");
        return new Model(c.id(), c.id(), c.name(), thumb, c.facts().rigId(), PLATFORM_CUSTOM, c.createdAtMs(), c.updatedAtMs());
    }

    private Model stock(String name, String baseUrl) {
        String thumb = generated.stockKey(name).map(key -> signedGet(key, baseUrl)).orElse("");
        return new Model(name, name, name, thumb, RigIds.MIXAMO, PLATFORM_STOCK, 0, 0);
    }

    /** A download link of a blob for {@link #THUMB_URL_TTL}, served by {@code GET /blob/<key>} to anyone holding it. */
    private String signedGet(String key, String baseUrl) {
        String path = CharacterUploads.BLOB_PATH + key;
        return baseUrl + path + "?" + context.signer().sign("GET", path, Map.of(), THUMB_URL_TTL);
    }

    private static String declaredExtension(String uploadName) {
        if (uploadName == null || uploadName.lastIndexOf('.') < 0) {
            return null;
        }
        String ext = uploadName.substring(uploadName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return MODEL_EXTENSIONS.contains(ext) ? ext : null;
    }

    private static String defaultName(String uploadName) {
        String cleaned = uploadName == null ? null : CharacterNames.clean(uploadName.length() > CharacterNames.MAX_LENGTH
                ? uploadName.substring(0, CharacterNames.MAX_LENGTH) : uploadName, "name");
        return cleaned == null ? CharacterNames.FALLBACK : CharacterNames.withoutModelExtension(cleaned);
    }

    /** Whether {@code url} is the link listModels gives for this character's current thumbnail (sent back unchanged). */
    private static boolean isCurrentThumb(StoredCharacter c, String url, String baseUrl) {
        if (c.thumbKey().isEmpty()) {
            return false;
        }
        String path;
        try {
            path = new URI(url.strip()).getRawPath();
        } catch (URISyntaxException e) {
            return false;
        }
        String basePath = Objects.requireNonNullElse(URI.create(baseUrl).getRawPath(), "");
        String key = CharacterUploads.BLOB_PATH + c.thumbKey().get();
        return path != null && (path.equals(key) || path.equals(basePath + key));
    }

    private void requireRoom(CharacterOwner who) {
        if (store.count(who.clientId()) >= MAX_MODELS_PER_CLIENT) {
            throw tooMany();
        }
    }

    private static CharacterException bothThumbnails() {
        return CharacterException.invalid("Send either thumbUrl (your own picture) or createThumb 1 (the server draws "
                + "one from the model), not both");
    }

    private static CharacterException tooMany() {
        return CharacterException.invalid("You have " + MAX_MODELS_PER_CLIENT + " characters (those of all your sub-users "
                + "count too), the most this server keeps per client; delete one with DELETE /character/deleteModel/<modelId> "
                + "first");
    }

    private static CharacterException unknownModel(String id) {
        String shown = id.length() > 64 ? id.substring(0, 64) + "..." : id;
        return CharacterException.notFound("No character of yours with id '" + shown + "'; GET /character/listModels "
                + "lists your characters (a sub-user's characters only in that sub-user's sessions, x-useruid)");
    }

    /** A query value as a lower-case extension without its dot; {@code fallback} when absent. */
    private static String extension(String value, String fallback, String field) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String ext = value.strip().toLowerCase(Locale.ROOT);
        ext = ext.startsWith(".") ? ext.substring(1) : ext;
        if (ext.length() > 16) {
            throw CharacterException.invalid(field + " is not a file extension; use e.g. " + fallback);
        }
        return ext;
    }

    private void deleteQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete blob " + key + " (left for the retention sweep)", e);
        }
    }

    private void deletePrefixQuietly(String prefix) {
        try {
            blobs.deletePrefix(prefix);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not delete blobs under " + prefix + " (left for the retention sweep)", e);
        }
    }
}
