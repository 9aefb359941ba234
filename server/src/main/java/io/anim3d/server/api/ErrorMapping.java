package io.anim3d.server.api;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import io.anim3d.server.accounts.UnknownClientException;
import io.anim3d.server.api.model.ErrorMessage;
import io.anim3d.server.storage.BlobTooLargeException;
import io.anim3d.server.storage.NoSuchBlobException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become HTTP answers: always {@code {"message": ...}} as JSON, never
 * an HTML page or a stack trace (COMPAT.md "Responses"). Javalin picks the most specific handler
 * for an exception's class, so the catch-all only sees what nothing else claims.
 */
final class ErrorMapping {
    static final String INTERNAL = "internal error";
    /** Most bytes of a refused request body read and dropped so that the client can read the answer. */
    static final long DRAIN_LIMIT_BYTES = 8L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        // Javalin's own: unknown route (404), wrong method, oversized body, bad JSON in bodyAsClass.
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), javalinMessage(e, ctx)));
        routes.exception(UnknownClientException.class, (e, ctx) -> answer(ctx, 404, e.getMessage()));
        routes.exception(io.anim3d.server.accounts.InsufficientCreditsException.class, (e, ctx) -> {
            drainBody(ctx);
            ctx.status(402);
            ctx.json(new io.anim3d.server.api.model.CodedError(e.getMessage(),
                    io.anim3d.server.accounts.InsufficientCreditsException.API_ERROR_CODE));
        });
        routes.exception(BlobTooLargeException.class, (e, ctx) -> answer(ctx, 413, tooLarge(e)));
        routes.exception(io.anim3d.server.net.TargetRefusedException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(BadRangeException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(SignedUrlRefusedException.class, (e, ctx) -> answer(ctx, 403, e.getMessage()));
        routes.exception(NoSuchBlobException.class, (e, ctx) -> answer(ctx, 404,
                "Nothing has been uploaded to this URL yet; upload the file first"));
        routes.exception(CaptureException.class, (e, ctx) -> {
            if (e.code() == ErrorCode.CONVERT || e.code() == ErrorCode.PARAMS) {
                answer(ctx, 400, e.getMessage()); // the input or a parameter is wrong: the message says what to change
            } else {
                LOG.log(Level.SEVERE, "Capture failure " + e.code() + " on " + ctx.method() + " " + ctx.path(), e);
                answer(ctx, 500, INTERNAL);
            }
        });
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
        drainBody(ctx);
        ctx.status(status);
        ctx.json(new ErrorMessage(message == null || message.isBlank() ? "error " + status : message));
    }

    /**
     * Reads and drops what is left of a refused request's body, up to {@value #DRAIN_LIMIT_BYTES}
     * bytes. A refusal (expired URL, too large) is often decided before the body is read; if the
     * body stayed unread, Jetty would close the connection while the client is still sending and
     * the client would see a broken pipe instead of our answer. Longer bodies are not read: for
     * them the reset is cheaper than receiving gigabytes for nothing.
     */
    private static void drainBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || declared > DRAIN_LIMIT_BYTES) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            int n;
            while (read < DRAIN_LIMIT_BYTES && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away or the body was taken as a reader: nothing to drain
        }
    }

    static String tooLarge(BlobTooLargeException e) {
        long mb = e.limitBytes() / ServerConfig.BYTES_PER_MB;
        return "Upload too large: this server accepts at most " + e.limitBytes() + " bytes (" + mb
                + " MB, setting " + ServerConfig.ENV_MAX_UPLOAD_MB + "); nothing of it was stored. Send a smaller file.";
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
