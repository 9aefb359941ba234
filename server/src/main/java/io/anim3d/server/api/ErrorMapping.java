package io.anim3d.server.api;

import io.anim3d.server.accounts.UnknownClientException;
import io.anim3d.server.api.model.ErrorMessage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become HTTP answers: always {@code {"message": ...}} as JSON, never
 * an HTML page or a stack trace (COMPAT.md "Responses"). Javalin picks the most specific handler
 * for an exception's class, so the catch-all only sees what nothing else claims.
 */
final class ErrorMapping {
    static final String INTERNAL = "internal error";
    private static final Logger LOG = Logger.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        // Javalin's own: unknown route (404), wrong method, oversized body, bad JSON in bodyAsClass.
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), javalinMessage(e, ctx)));
        routes.exception(UnknownClientException.class, (e, ctx) -> answer(ctx, 404, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(Level.SEVERE, "Unhandled error on " + ctx.method() + " " + ctx.path(), e);
            answer(ctx, 500, INTERNAL);
        });
        // Errors set by status only (no exception), e.g. by Jetty-level handling inside Javalin.
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, 404, notFound(ctx));
            }
        });
    }

    static void answer(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.json(new ErrorMessage(message == null || message.isBlank() ? "error " + status : message));
    }

    private static String javalinMessage(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404) {
            return notFound(ctx);
        }
        return e.getMessage();
    }

    private static String notFound(Context ctx) {
        return "No endpoint " + ctx.method() + " " + ctx.path() + "; see the Animate 3D API reference for the paths";
    }
}
