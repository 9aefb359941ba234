package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.api.model.Empty;
import io.anim3d.server.api.model.Health;
import io.anim3d.server.storage.LocalBlobStore;
import io.anim3d.server.storage.UrlSigner;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The HTTP API on Javalin: a managed object with explicit {@link #start}/{@link #stop}. Every
 * answer is JSON ({@code Content-Type: application/json}); every success is exactly 200; errors
 * go through {@link ErrorMapping}. Authentication per request is {@link Authenticator}.
 */
public final class ApiServer {
    private final ServerConfig config;
    private final Authenticator auth;
    private final SessionCookie sessions;
    private final AccountRoutes accounts;
    private final UploadRoutes uploads;
    private final VideoInfoRoutes videoInfo;
    private Javalin app;

    /** Directory of the blob store (uploads) inside the data directory. */
    public static final String BLOBS_DIR = "blobs";

    /**
     * @param clock time of session issue and expiry and of signed-URL expiry (the system clock in production)
     */
    public ApiServer(ServerConfig config, ClientStore clients, Credits credits, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        byte[] sessionKey = SessionKey.loadOrCreate(config.dataDir());
        this.sessions = new SessionCookie(sessionKey, clock, config.sessionLifetime());
        this.auth = new Authenticator(clients, sessions);
        this.accounts = new AccountRoutes(credits, config.creditsPerMinute());
        try {
            LocalBlobStore blobs = new LocalBlobStore(config.dataDir().resolve(BLOBS_DIR));
            this.uploads = new UploadRoutes(blobs, new UrlSigner(UrlSigningKey.derive(sessionKey), clock), config);
            this.videoInfo = new VideoInfoRoutes(blobs, config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the blob store in " + config.dataDir().resolve(BLOBS_DIR)
                    + ": " + e.getMessage(), e);
        }
    }

    /** Starts serving on this port (0 = any free port, see {@link #port()}). */
    public synchronized ApiServer start(int port) {
        if (app != null) {
            throw new IllegalStateException("Already started on port " + app.port());
        }
        Javalin created = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.defaultContentType = "application/json";
            cfg.jsonMapper(new JavalinJackson(jsonMapper(), false));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            ErrorMapping.register(cfg.routes);
            new Cors(config).register(cfg.routes);
            cfg.routes.get("/health", ctx -> ctx.json(Health.OK));
            cfg.routes.get("/session/auth", this::sessionAuth);
            cfg.routes.get("/account/creditBalance", authenticated((ctx, c) -> accounts.creditBalance(c)));
            cfg.routes.get("/account/minutesBalance", authenticated((ctx, c) -> accounts.minutesBalance(c)));
            uploads.register(cfg.routes, this::authenticated);
            videoInfo.register(cfg.routes, this::authenticated);
        });
        created.start(port);
        app = created;
        return this;
    }

    /** The port actually bound (the free one chosen for 0). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("Not started");
        }
        return app.port();
    }

    /** Stops accepting requests and waits for Jetty to shut down; a second call does nothing. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    public ServerConfig config() {
        return config;
    }

    /** Checks the Basic credentials only and answers {@code {}} with the session cookie as the first Set-Cookie. */
    private void sessionAuth(Context ctx) {
        Client client = auth.basicOnly(ctx.header("Authorization"));
        String value = sessions.issue(client.id());
        ctx.header("Set-Cookie", sessions.setCookieHeader(value, "https".equalsIgnoreCase(ctx.scheme())));
        ctx.header("Cache-Control", "no-store");
        ctx.json(Empty.INSTANCE);
    }

    private io.javalin.http.Handler authenticated(BiFunction<Context, Client, Object> handler) {
        return ctx -> {
            List<String> cookies = Collections.list(ctx.req().getHeaders("Cookie"));
            Client client = auth.authenticate(cookies, ctx.header("Authorization"));
            ctx.json(handler.apply(ctx, client));
        };
    }

    /** Numbers as JSON numbers in plain notation (1000, not 1E+3). */
    static ObjectMapper jsonMapper() {
        ObjectMapper m = new ObjectMapper();
        m.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return m;
    }
}
