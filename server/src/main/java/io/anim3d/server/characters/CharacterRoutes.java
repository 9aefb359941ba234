package io.anim3d.server.characters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.accounts.Client;
import io.anim3d.server.api.ApiException;
import io.anim3d.server.api.ApiModule;
import io.anim3d.server.api.Caller;
import io.anim3d.server.api.ServerContext;
import io.anim3d.server.characters.CharacterAnswers.Deleted;
import io.anim3d.server.characters.CharacterAnswers.ModelId;
import io.anim3d.server.characters.CharacterAnswers.ModelList;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Custom Character APIs (docs/animate3d-api.md, COMPAT.md "/list, /account, /character"), all
 * authenticated, every success 200 with JSON:
 * <ul>
 *   <li>{@code GET /character/getModelUploadUrl?name&modelExt&thumbExt&resumable} → {@code {"modelUrl","thumbUrl"}}
 *       ({@code resumable} changes nothing: every upload URL takes a plain PUT and a resumable start)</li>
 *   <li>{@code POST /character/storeModel} {@code {modelUrl, modelName, thumbUrl, modelId, createThumb}} → {@code {"modelId"}}</li>
 *   <li>{@code GET /character/listModels?modelId&searchToken&stockModel} → {@code {"list": [...]}}</li>
 *   <li>{@code DELETE /character/deleteModel/<id>} → {@code {"count": 1}}</li>
 * </ul>
 * Handlers only parse and render; {@link CharacterService} does the work. Its refusals become 400,
 * or 404 for ids and uploads the caller does not own, like unknown ones. The caller is the client,
 * or the sub-user its session was opened for ({@link Caller#subUser}; rules in {@link CharacterOwner}).
 */
public final class CharacterRoutes implements ApiModule {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STOCK_NO = List.of("0", "false", "no", "none");

    private final ServerContext context;
    private final CharacterService service;

    public CharacterRoutes(ServerContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.service = new CharacterService(context);
    }

    /** @param authenticated wraps a handler of an authenticated client into a JSON route */
    @Override
    public void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated) {
        routes.get("/character/getModelUploadUrl", authenticated.apply((ctx, c) -> answer(() -> service.uploadUrls(
                owner(ctx, c), baseUrl(ctx), ctx.queryParam("name"), ctx.queryParam("modelExt"), ctx.queryParam("thumbExt")))));
        routes.post("/character/storeModel", authenticated.apply((ctx, c) -> answer(() ->
                new ModelId(service.store(owner(ctx, c), baseUrl(ctx), storeRequest(ctx.body()))))));
        routes.get("/character/listModels", authenticated.apply((ctx, c) -> answer(() -> new ModelList(service.list(
                owner(ctx, c), baseUrl(ctx), ctx.queryParam("modelId"), ctx.queryParam("searchToken"),
                withStock(ctx.queryParam("stockModel")))))));
        routes.delete("/character/deleteModel/{id}", authenticated.apply((ctx, c) -> answer(() ->
                new Deleted(service.delete(owner(ctx, c), ctx.pathParam("id"))))));
    }

    /** The service, e.g. for job submission to find a client's character. */
    public CharacterService service() {
        return service;
    }

    /**
     * The storeModel body: a JSON object whose members may be absent or JSON null (COMPAT.md);
     * unknown members are ignored. {@code createThumb} is 1 or 0 as a number, a string or a
     * boolean (1/"1"/true asks the server to draw the thumbnail); anything else is refused rather
     * than guessed.
     */
    static CharacterService.StoreRequest storeRequest(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw CharacterException.invalid("The body is not valid JSON (" + e.getOriginalMessage() + "); send e.g. "
                    + "{\"modelUrl\": \"<the modelUrl from getModelUploadUrl>\", \"modelName\": \"Hero\"}");
        }
        if (root == null || !root.isObject()) {
            throw CharacterException.invalid("The body must be a JSON object, e.g. {\"modelUrl\": \"<the modelUrl from "
                    + "getModelUploadUrl>\", \"modelName\": \"Hero\"}");
        }
        return new CharacterService.StoreRequest(text(root, "modelUrl"), text(root, "modelName"), text(root, "thumbUrl"),
                text(root, "modelId"), createThumb(root.path("createThumb")));
    }

    /** 1, "1", true, "true" → true; absent, null, 0, "0", false, "false", "" → false; anything else is refused. */
    private static boolean createThumb(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isValueNode()) {
            throw CharacterException.invalid("createThumb must be 0 or 1, was " + v);
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw CharacterException.invalid("createThumb must be 0 or 1, was " + v);
        };
    }

    /** A string member, or null when absent or JSON null; numbers and objects are refused by name. */
    private static String text(JsonNode root, String name) {
        JsonNode v = root.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw CharacterException.invalid("\"" + name + "\" must be a string or null, was " + v.getNodeType()
                    .toString().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    /**
     * Whether to add the stock characters. The spec: supplying stockModel adds them (clients send
     * {@code all}, {@code true} or {@code 1}); an explicit 0/false/no/none is read as "no" all the same.
     */
    static boolean withStock(String stockModel) {
        return stockModel != null && !STOCK_NO.contains(stockModel.strip().toLowerCase(Locale.ROOT));
    }

    /** The client, or the sub-user of the session ({@code x-useruid}) the request comes from. */
    private static CharacterOwner owner(Context ctx, Client c) {
        return new CharacterOwner(c.id(), Caller.subUser(ctx));
    }

    private String baseUrl(Context ctx) {
        return context.baseUrl(ctx.req().getLocalPort());
    }

    /** Runs the service call; its refusals become 404 (not ours / unknown) or 400. */
    private static Object answer(Supplier<Object> call) {
        try {
            return call.get();
        } catch (CharacterException e) {
            throw e.notFound() ? ApiException.notFound(e.getMessage()) : ApiException.badRequest(e.getMessage());
        }
    }
}
