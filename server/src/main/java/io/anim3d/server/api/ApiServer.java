package io.anim3d.server.api;

import io.anim3d.server.accounts.Client;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.db.Database;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final ServerContext context;
    private final Authenticator auth;
    private final SessionCookie sessions;
    private final AccountRoutes accounts;
    private final List<ApiModule> modules = new ArrayList<>();
    private Javalin app;

    /** Directory of the blob store (uploads, results) inside the data directory. */
    public static final String BLOBS_DIR = "blobs";

    /**
     * @param clock time of session issue and expiry and of signed-URL expiry (the system clock in production)
     */
    public ApiServer(ServerConfig config, Database db, ClientStore clients, Credits credits, Clock clock) {
        this(context(config, db, clients, credits, clock));
    }

    public ApiServer(ServerContext context) {
        this.context = Objects.requireNonNull(context, "context");
        ServerConfig config = context.config();
        this.sessions = new SessionCookie(SessionKey.loadOrCreate(config.dataDir()), context.clock(),
                config.sessionLifetime());
        this.auth = new Authenticator(context.clients(), sessions);
        this.accounts = new AccountRoutes(context.credits(), config.creditsPerMinute());
        modules.add(new UploadRoutes(context.blobs(), context.signer(), config));
        modules.add(new VideoInfoRoutes(context.blobs(), config));
        modules.add(new DownloadRoutes(context.blobs(), context.signer()));
    }

    /** The shared services of a server in this data directory: blob store and URL signer from its key. */
    public static ServerContext context(ServerConfig config, Database db, ClientStore clients, Credits credits,
                                        Clock clock) {
        byte[] sessionKey = SessionKey.loadOrCreate(config.dataDir());
        Path blobDir = config.dataDir().resolve(BLOBS_DIR);
        try {
            return new ServerContext(config, db, clients, credits, new LocalBlobStore(blobDir),
                    new UrlSigner(UrlSigningKey.derive(sessionKey), clock), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the blob store in " + blobDir + ": " + e.getMessage(), e);
        }
    }

    /** Largest body of an API call (JSON); uploads go to the signed blob URLs, which have their own limit. */
    static final long MAX_JSON_BODY = 1024 * 1024;

    /** A body announced larger than any API call needs is refused before a byte of it is read. */
    private static void limitJsonBodies(Context ctx) {
        if (!ctx.path().startsWith(UploadRoutes.BLOB_PATH) && ctx.req().getContentLengthLong() > MAX_JSON_BODY) {
            throw ApiException.tooLarge("The request body announces " + ctx.req().getContentLengthLong()
                    + " bytes; API calls take JSON bodies of at most " + MAX_JSON_BODY + " bytes (files go to the"
                    + " signed URL from GET /upload)");
        }
    }

    /** Adds a group of endpoints; call before {@link #start}. */
    public synchronized ApiServer add(ApiModule module) {
        if (app != null) {
            throw new IllegalStateException("Modules must be added before start");
        }
        modules.add(Objects.requireNonNull(module, "module"));
        return this;
    }

    public ServerContext context() {
        return context;
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
            new Cors(context.config()).register(cfg.routes);
            cfg.routes.before(ApiServer::limitJsonBodies);
            cfg.routes.get("/health", ctx -> ctx.json(Health.OK));
            cfg.routes.get("/session/auth", this::sessionAuth);
            cfg.routes.get("/account/creditBalance", authenticated((ctx, c) -> accounts.creditBalance(c)));
            cfg.routes.get("/account/minutesBalance", authenticated((ctx, c) -> accounts.minutesBalance(c)));
            for (ApiModule module : modules) {
                module.register(cfg.routes, this::authenticated);
            }
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
        return context.config();
    }

    /**
     * Checks the Basic credentials only and answers {@code {}} with the session cookie as the first
     * Set-Cookie. An {@code x-useruid} header opens the session for that sub-user (COMPAT.md); the
     * credentials are checked first, so a wrong secret is a 401 whatever the header says.
     */
    private void sessionAuth(Context ctx) {
        Client client = auth.basicOnly(ctx.header("Authorization"));
        Optional<String> subUser = Caller.requestedSubUser(headers(ctx, Caller.SUB_USER_HEADER));
        String value = sessions.issue(client.id(), subUser);
        ctx.header("Set-Cookie", sessions.setCookieHeader(value, "https".equalsIgnoreCase(ctx.scheme())));
        ctx.header("Cache-Control", "no-store");
        ctx.json(Empty.INSTANCE);
    }

    /** Resolves the {@link Caller}, keeps it on the request for {@link Caller#of}, and answers the handler's result. */
    private io.javalin.http.Handler authenticated(BiFunction<Context, Client, Object> handler) {
        return ctx -> {
            Caller caller = auth.authenticate(headers(ctx, "Cookie"), ctx.header("Authorization"),
                    headers(ctx, Caller.SUB_USER_HEADER));
            Caller.attach(ctx, caller);
            ctx.json(handler.apply(ctx, caller.client()));
        };
    }

    private static List<String> headers(Context ctx, String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }

    /** Numbers as JSON numbers in plain notation (1000, not 1E+3). */
    static ObjectMapper jsonMapper() {
        ObjectMapper m = new ObjectMapper();
        m.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return m;
    }
}
