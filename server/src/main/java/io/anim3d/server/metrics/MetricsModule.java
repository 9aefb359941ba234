package io.anim3d.server.metrics;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.api.ApiModule;
import io.anim3d.server.api.ServerContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Times every HTTP request and serves {@code GET /metrics} in the Prometheus text format.
 *
 * <p>Requests are labelled with the route template they matched ({@code /status/{rids}}), never
 * the raw path, and with {@value #UNMATCHED} when no route matched (404s of unknown paths), so a
 * scanner trying a million paths adds no series. Methods outside the standard set are
 * {@value #OTHER_METHOD} for the same reason (Javalin accepts any token as a method).
 *
 * <p>{@code /metrics} needs no credentials, as scrapers usually have none; it shows only totals
 * and templates, never a client id, a job id or a path as sent. Keep it off the public internet
 * with the reverse proxy if even totals are private.
 */
public final class MetricsModule implements ApiModule {
    public static final String PATH = "/metrics";
    public static final String CONTENT_TYPE = Exposition.CONTENT_TYPE;
    /** Route label of requests no route matched. */
    public static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "OTHER";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String STARTED_NANOS = MetricsModule.class.getName() + ".startedNanos";

    private final MetricsRegistry registry;
    private final JobGauges jobs;

    public MetricsModule(ServerContext context, MetricsRegistry registry) {
        this(context, registry, JobGauges.DEFAULT_TTL);
    }

    /** @param jobCountsTtl how long job counts read from the database are reused (by the context's clock) */
    public MetricsModule(ServerContext context, MetricsRegistry registry, Duration jobCountsTtl) {
        Objects.requireNonNull(context, "context");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.jobs = new JobGauges(context.db(), context.clock(), jobCountsTtl);
    }

    @Override
    public void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated) {
        routes.before(ctx -> ctx.attribute(STARTED_NANOS, System.nanoTime()));
        routes.after(this::record);
        routes.get(PATH, this::scrape);
    }

    /** Runs after the handler and the error mapping, so the status is the one sent. */
    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED_NANOS);
        if (started == null) { // a before handler registered earlier threw: no start time to measure from
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        registry.httpRequest(method(ctx.method()), route(ctx), ctx.statusCode(), seconds);
    }

    static String method(HandlerType method) {
        String name = method.name();
        return METHODS.contains(name) ? name : OTHER_METHOD;
    }

    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? UNMATCHED : matched.path;
    }

    private void scrape(Context ctx) {
        Exposition out = new Exposition();
        jobs.writeTo(out);
        registry.writeTo(out);
        ProcessMetrics.writeTo(out);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CONTENT_TYPE);
        ctx.result(out.text());
    }
}
