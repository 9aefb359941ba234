package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A group of endpoints (uploads, jobs, characters, webhooks ...) registered by {@link ApiServer}.
 * Each module gets what it needs from the {@link ServerContext} in its constructor and adds its
 * routes here; authenticated routes go through {@code authenticated}, which resolves the client
 * from the cookie or Basic header and answers the handler's result as JSON with status 200.
 */
public interface ApiModule {
    void register(RoutesConfig routes, Function<BiFunction<Context, Client, Object>, Handler> authenticated);
}
