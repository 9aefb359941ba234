package io.anim3d.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * Cross-origin access for browser clients (COMPAT.md "CORS" and "Upload"): browsers PUT and
 * POST to the signed blob URLs and call the API from other origins. With configured origins the
 * request's Origin is echoed with {@code Access-Control-Allow-Credentials: true} (the dmsess
 * cookie may travel); with {@code *} the answer is the literal {@code *}, for which browsers
 * send no cookies, so a foreign page cannot use a user's session (Basic headers and signed URLs
 * still work).
 */
final class Cors {
    static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String HEADERS = "authorization, content-type, content-range, x-goog-resumable, x-useruid";
    /** Headers a browser script must read: the resumable session URL and the received range. */
    static final String EXPOSED = "Location, Range";
    static final int MAX_AGE_SECONDS = 3600;

    private final ServerConfig config;

    Cors(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    void register(RoutesConfig routes) {
        routes.before(this::allowOrigin);
        routes.options("/*", this::preflight);
    }

    private void allowOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !config.allowsOrigin(origin)) {
            return;
        }
        if (config.corsOrigins().contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Credentials", "true");
        } else {
            ctx.header("Access-Control-Allow-Origin", ServerConfig.ANY_ORIGIN);
        }
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", EXPOSED);
    }

    /** Any OPTIONS: 200 with the methods and headers allowed (CORS headers only for allowed origins). */
    private void preflight(Context ctx) {
        ctx.header("Allow", METHODS);
        if (ctx.header("Origin") != null && config.allowsOrigin(ctx.header("Origin"))) {
            ctx.header("Access-Control-Allow-Methods", METHODS);
            ctx.header("Access-Control-Allow-Headers", HEADERS);
            ctx.header("Access-Control-Max-Age", Integer.toString(MAX_AGE_SECONDS));
        }
        ctx.status(200);
        ctx.result("");
    }
}
