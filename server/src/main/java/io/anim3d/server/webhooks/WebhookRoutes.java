package io.anim3d.server.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.anim3d.server.accounts.Client;
import io.anim3d.server.api.ApiException;
import io.anim3d.server.api.JsonBodies;
import io.anim3d.server.api.ApiModule;
import io.anim3d.server.api.ServerContext;
import io.anim3d.server.net.OutboundTargets;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The spec's "Experimental Webhook APIs": create, retrieve, list, update and delete a client's
 * webhook endpoints. URLs are checked by {@link OutboundTargets} (http(s) only, and no loopback,
 * private or link-local address unless the operator allows private targets) before anything is
 * stored. The secret that signs deliveries is answered by create only. Another client's endpoint
 * id is answered 404 like an unknown one.
 */
public final class WebhookRoutes implements ApiModule {
    /** Endpoints one client may have; more is a mistake or abuse (each event is sent to every one). */
    public static final int MAX_ENDPOINTS_PER_CLIENT = 16;
    /** Characters of a request body: a URL of at most 2048 characters and a short event list fit well. */
    static final int MAX_BODY_CHARS = 16 * 1024;
    /** Entries of "events" (duplicates included). */
    static final int MAX_EVENTS = 32;
    static final String OBJECT = "webhook_endpoint";
    static final String PATH = "/webhook_endpoints";

    /** An endpoint as answered by retrieve, list and update: never the secret. */
    public record EndpointJson(String id, String object, String url, List<String> events) {
    }

    /** The answer of create: the endpoint and, this once, its signing secret. */
    public record CreatedJson(String id, String object, String url, List<String> events, String secret) {
    }

    public record ListJson(int count, List<EndpointJson> endpoints) {
    }

    public record DeletedJson(String id, String object, boolean deleted) {
    }


    private final WebhookStore store;
    private final OutboundTargets targets;

    public WebhookRoutes(ServerContext context) {
        Objects.requireNonNull(context, "context");
        this.store = new WebhookStore(context.db(), context.clock());
        this.targets = new OutboundTargets(context.config().allowPrivateTargets());
    }

    @Override
    public void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated) {
        routes.post(PATH, authenticated.apply((ctx, c) -> create(c, body(ctx.body()))));
        routes.get(PATH, authenticated.apply((ctx, c) -> list(c)));
        routes.get(PATH + "/{id}", authenticated.apply((ctx, c) -> view(owned(c, ctx.pathParam("id")))));
        routes.post(PATH + "/{id}", authenticated.apply((ctx, c) -> update(c, ctx.pathParam("id"), body(ctx.body()))));
        routes.delete(PATH + "/{id}", authenticated.apply((ctx, c) -> delete(c, ctx.pathParam("id"))));
    }

    private CreatedJson create(Client client, JsonNode body) {
        JsonNode url = body.get("url");
        if (url == null || url.isNull()) {
            throw ApiException.badRequest("\"url\" is missing: send {\"url\": \"https://your.host/hook\", \"events\": [\""
                    + WebhookEvents.JOB_COMPLETED + "\"]}");
        }
        JsonNode events = body.get("events");
        if (events == null || events.isNull()) {
            throw ApiException.badRequest("\"events\" is missing: send the event types to receive, e.g. [\""
                    + WebhookEvents.JOB_COMPLETED + "\"]");
        }
        String checkedUrl = checkedUrl(url);
        List<String> types = eventTypes(events);
        WebhookEndpoint e = store.create(client.id(), checkedUrl, types, MAX_ENDPOINTS_PER_CLIENT)
                .orElseThrow(() -> ApiException.badRequest("You have " + MAX_ENDPOINTS_PER_CLIENT
                        + " webhook endpoints, the most one client may have; delete one (DELETE " + PATH
                        + "/<id>) or change one (POST " + PATH + "/<id>) instead"));
        return new CreatedJson(e.id(), OBJECT, e.url(), e.events(), e.secret());
    }

    private ListJson list(Client client) {
        List<EndpointJson> all = store.list(client.id()).stream().map(WebhookRoutes::view).toList();
        return new ListJson(all.size(), all);
    }

    private EndpointJson update(Client client, String id, JsonNode body) {
        owned(client, id); // 404 before 400: an id that is not the caller's is not discussed further
        JsonNode url = body.get("url");
        JsonNode events = body.get("events");
        boolean hasUrl = url != null && !url.isNull();
        boolean hasEvents = events != null && !events.isNull();
        if (!hasUrl && !hasEvents) {
            throw ApiException.badRequest("Nothing to change: send \"url\" and/or \"events\", e.g. {\"url\": "
                    + "\"https://your.host/hook\"}");
        }
        String checkedUrl = hasUrl ? checkedUrl(url) : null;
        List<String> types = hasEvents ? eventTypes(events) : null;
        return store.update(client.id(), id, checkedUrl, types).map(WebhookRoutes::view)
                .orElseThrow(() -> notFound(id));
    }

    private DeletedJson delete(Client client, String id) {
        if (!validId(id) || !store.delete(client.id(), id)) {
            throw notFound(id);
        }
        return new DeletedJson(id, OBJECT, true);
    }

    private WebhookEndpoint owned(Client client, String id) {
        if (!validId(id)) {
            throw notFound(id);
        }
        return store.find(client.id(), id).orElseThrow(() -> notFound(id));
    }

    private static EndpointJson view(WebhookEndpoint e) {
        return new EndpointJson(e.id(), OBJECT, e.url(), e.events());
    }

    /** Ids are hex ({@link io.anim3d.server.db.Ids}); anything else cannot exist. */
    private static boolean validId(String id) {
        return id != null && id.length() <= 64 && id.matches("[0-9a-fA-F]+");
    }

    private static ApiException notFound(String id) {
        String shown = id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "..." : id;
        return ApiException.notFound("You have no webhook endpoint '" + shown + "'; GET " + PATH + " lists yours");
    }

    /** The URL checked and stripped; TargetRefusedException (400) says what is wrong with it. */
    private String checkedUrl(JsonNode url) {
        if (!url.isTextual()) {
            throw ApiException.badRequest("\"url\" must be a string, was " + kind(url));
        }
        return targets.check(url.asText()).uri().toString();
    }

    /** Known event types without duplicates, in the order sent; 400 names the known ones otherwise. */
    static List<String> eventTypes(JsonNode events) {
        String known = String.join(", ", WebhookEvents.ALL.stream().map(t -> "\"" + t + "\"").toList());
        if (!events.isArray() || events.isEmpty()) {
            throw ApiException.badRequest("\"events\" must be a non-empty array of event types; the event types are: "
                    + known);
        }
        if (events.size() > MAX_EVENTS) {
            throw ApiException.badRequest("\"events\" has " + events.size() + " entries; at most " + MAX_EVENTS
                    + " are accepted (the event types are: " + known + ")");
        }
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode e : events) {
            if (!e.isTextual()) {
                throw ApiException.badRequest("\"events\" must hold strings, found " + kind(e)
                        + "; the event types are: " + known);
            }
            String type = e.asText();
            if (!WebhookEvents.isKnown(type)) {
                throw ApiException.badRequest("Unknown event type '" + abbreviate(type) + "'; the event types are: "
                        + known);
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }

    /** The body as a JSON object; 400 with what to send otherwise. */
    static JsonNode body(String text) {
        return JsonBodies.object(text, MAX_BODY_CHARS,
                "{\"url\": \"https://your.host/hook\", \"events\": [\"" + WebhookEvents.JOB_COMPLETED + "\"]}");
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }
}
