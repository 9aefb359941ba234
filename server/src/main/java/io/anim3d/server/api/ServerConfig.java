package io.anim3d.server.api;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@code anim3d serve}. Each has a default, an environment variable and (in
 * {@code ServeCommand}) a flag; flags win over the environment. Documented in the README.
 *
 * @param dataDir           where the H2 database and the session key live ({@code ANIM3D_DATA_DIR}, default {@code ./data})
 * @param port              TCP port, 0 = any free port ({@code ANIM3D_PORT}, default 8080)
 * @param sessionLifetime   how long a {@code dmsess} cookie stays valid ({@code ANIM3D_SESSION_MINUTES}, default 60 minutes)
 * @param creditsPerMinute  price of one minute of input video, in credits; the minutes balance is
 *                          the available credits divided by it ({@code ANIM3D_CREDITS_PER_MINUTE}, default 1.0)
 * @param maxUploadBytes    largest upload accepted, in bytes ({@code ANIM3D_MAX_UPLOAD_MB}, in MiB, default 2048)
 * @param publicBaseUrl     scheme, host and port clients reach us at, without trailing {@code '/'}, used in
 *                          signed upload URLs ({@code ANIM3D_PUBLIC_URL}); null = {@code http://localhost:<bound port>}
 * @param corsOrigins       browser origins allowed to call us cross-origin ({@code ANIM3D_CORS_ORIGINS},
 *                          comma-separated; default COMPAT.md's http://localhost:8080 and :8180, echoed
 *                          with credentials; {@code *} = any origin, without cookies)
 * @param workers           jobs processed at the same time by this process ({@code ANIM3D_WORKERS}, default 1;
 *                          0 = this process serves the API only and leaves jobs to {@code anim3d worker} processes)
 * @param retention         uploads, jobs and their files older than this are deleted ({@code ANIM3D_RETENTION_DAYS},
 *                          default 30 days)
 * @param storageQuotaBytes per-client storage (uploads, results, characters) above which new uploads are refused
 *                          with 413 ({@code ANIM3D_QUOTA_MB}, in MiB, default 20480)
 * @param allowPrivateTargets whether webhooks and remote model URLs may point at loopback, private or link-local
 *                          addresses ({@code ANIM3D_ALLOW_PRIVATE_TARGETS=1}; default no: that is how a server is
 *                          turned against its own network)
 * @param allowRemoteUrls   whether {@code /character/storeModel} may fetch an external http(s) {@code modelUrl}
 *                          ({@code ANIM3D_ALLOW_REMOTE_URLS=1}; default no)
 */
public record ServerConfig(Path dataDir, int port, Duration sessionLifetime, BigDecimal creditsPerMinute,
                           long maxUploadBytes, String publicBaseUrl, List<String> corsOrigins, int workers,
                           Duration retention, long storageQuotaBytes, boolean allowPrivateTargets,
                           boolean allowRemoteUrls) {
    public static final String ENV_DATA_DIR = "ANIM3D_DATA_DIR";
    public static final String ENV_PORT = "ANIM3D_PORT";
    public static final String ENV_SESSION_MINUTES = "ANIM3D_SESSION_MINUTES";
    public static final String ENV_CREDITS_PER_MINUTE = "ANIM3D_CREDITS_PER_MINUTE";
    public static final String ENV_MAX_UPLOAD_MB = "ANIM3D_MAX_UPLOAD_MB";
    public static final String ENV_PUBLIC_URL = "ANIM3D_PUBLIC_URL";
    public static final String ENV_CORS_ORIGINS = "ANIM3D_CORS_ORIGINS";
    public static final String ENV_WORKERS = "ANIM3D_WORKERS";
    public static final String ENV_RETENTION_DAYS = "ANIM3D_RETENTION_DAYS";
    public static final String ENV_QUOTA_MB = "ANIM3D_QUOTA_MB";
    public static final String ENV_ALLOW_PRIVATE_TARGETS = "ANIM3D_ALLOW_PRIVATE_TARGETS";
    public static final String ENV_ALLOW_REMOTE_URLS = "ANIM3D_ALLOW_REMOTE_URLS";

    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SESSION = Duration.ofMinutes(60);
    public static final BigDecimal DEFAULT_CREDITS_PER_MINUTE = BigDecimal.ONE;
    public static final long BYTES_PER_MB = 1024L * 1024L;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 2048 * BYTES_PER_MB;
    public static final int DEFAULT_WORKERS = 1;
    /** More parallel jobs than this on one process only thrash: each job has its own decoder and interpreter. */
    public static final int MAX_WORKERS = 64;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final long DEFAULT_QUOTA_BYTES = 20480 * BYTES_PER_MB;
    /** Any origin: answered with {@code Access-Control-Allow-Origin: *}, so browsers send no cookies with it. */
    public static final String ANY_ORIGIN = "*";
    /** COMPAT.md: the spec's two localhost origins, echoed with credentials. */
    public static final List<String> DEFAULT_CORS_ORIGINS = List.of("http://localhost:8080", "http://localhost:8180");
    /** Longest session: a week, like the longest signed URL; beyond that a leaked cookie lives too long. */
    public static final Duration MAX_SESSION = Duration.ofDays(7);
    /** Milli-credit resolution: a price finer than 0.001 credits per minute cannot be charged exactly. */
    static final int PRICE_SCALE = 3;

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(creditsPerMinute, "creditsPerMinute");
        corsOrigins = List.copyOf(corsOrigins);
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("Upload limit must be positive, was " + maxUploadBytes + " bytes");
        }
        if (publicBaseUrl != null) {
            publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
            String lower = publicBaseUrl.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://")) || lower.length() <= "https://".length()
                    || publicBaseUrl.contains("?") || publicBaseUrl.contains("#")) {
                throw new IllegalArgumentException("Public URL must be http(s)://host[:port][/path] without query, was '"
                        + publicBaseUrl + "'");
            }
        }
        if (workers < 0 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("Workers must be 0.." + MAX_WORKERS + " (0 = API only), was " + workers);
        }
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("Retention must be at least one hour, was " + retention);
        }
        if (storageQuotaBytes <= 0) {
            throw new IllegalArgumentException("Storage quota must be positive, was " + storageQuotaBytes + " bytes");
        }
        if (corsOrigins.isEmpty()) {
            throw new IllegalArgumentException("CORS origins must list at least one origin (or * for any)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be 0..65535 (0 = any free port), was " + port);
        }
        if (sessionLifetime.compareTo(Duration.ofSeconds(1)) < 0 || sessionLifetime.compareTo(MAX_SESSION) > 0) {
            throw new IllegalArgumentException("Session lifetime must be between 1 second and " + MAX_SESSION.toDays()
                    + " days, was " + sessionLifetime);
        }
        if (creditsPerMinute.signum() <= 0 || creditsPerMinute.stripTrailingZeros().scale() > PRICE_SCALE) {
            throw new IllegalArgumentException("Credits per minute must be positive with at most " + PRICE_SCALE
                    + " decimals, was " + creditsPerMinute.toPlainString());
        }
    }

    /** These four settings and the defaults of the others. */
    public ServerConfig(Path dataDir, int port, Duration sessionLifetime, BigDecimal creditsPerMinute) {
        this(dataDir, port, sessionLifetime, creditsPerMinute, DEFAULT_MAX_UPLOAD_BYTES, null, DEFAULT_CORS_ORIGINS,
                DEFAULT_WORKERS, DEFAULT_RETENTION, DEFAULT_QUOTA_BYTES, false, false);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_DATA_DIR, DEFAULT_PORT, DEFAULT_SESSION, DEFAULT_CREDITS_PER_MINUTE);
    }

    /** The base of signed URLs: {@link #publicBaseUrl} or, when unset, localhost on the port actually bound. */
    public String baseUrlFor(int boundPort) {
        return publicBaseUrl != null ? publicBaseUrl : "http://localhost:" + boundPort;
    }

    /** Whether a browser page from {@code origin} may call us. */
    public boolean allowsOrigin(String origin) {
        return corsOrigins.contains(ANY_ORIGIN) || corsOrigins.contains(origin);
    }

    /** Defaults overridden by whichever {@code ANIM3D_*} variables are set (e.g. {@code System.getenv()}). */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        ServerConfig d = defaults();
        Path dataDir = has(env, ENV_DATA_DIR) ? Path.of(env.get(ENV_DATA_DIR).strip()) : d.dataDir();
        int port = has(env, ENV_PORT) ? parseInt(ENV_PORT, env.get(ENV_PORT)) : d.port();
        Duration session = has(env, ENV_SESSION_MINUTES)
                ? Duration.ofMinutes(parseInt(ENV_SESSION_MINUTES, env.get(ENV_SESSION_MINUTES))) : d.sessionLifetime();
        BigDecimal price = has(env, ENV_CREDITS_PER_MINUTE)
                ? parseDecimal(ENV_CREDITS_PER_MINUTE, env.get(ENV_CREDITS_PER_MINUTE)) : d.creditsPerMinute();
        long maxUpload = has(env, ENV_MAX_UPLOAD_MB)
                ? Math.multiplyExact((long) parseInt(ENV_MAX_UPLOAD_MB, env.get(ENV_MAX_UPLOAD_MB)), BYTES_PER_MB)
                : d.maxUploadBytes();
        String publicUrl = has(env, ENV_PUBLIC_URL) ? env.get(ENV_PUBLIC_URL) : d.publicBaseUrl();
        List<String> origins = has(env, ENV_CORS_ORIGINS)
                ? Arrays.stream(env.get(ENV_CORS_ORIGINS).split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList()
                : d.corsOrigins();
        int workers = has(env, ENV_WORKERS) ? parseInt(ENV_WORKERS, env.get(ENV_WORKERS)) : d.workers();
        Duration retention = has(env, ENV_RETENTION_DAYS)
                ? Duration.ofDays(parseInt(ENV_RETENTION_DAYS, env.get(ENV_RETENTION_DAYS))) : d.retention();
        long quota = has(env, ENV_QUOTA_MB)
                ? Math.multiplyExact((long) parseInt(ENV_QUOTA_MB, env.get(ENV_QUOTA_MB)), BYTES_PER_MB)
                : d.storageQuotaBytes();
        boolean allowPrivate = has(env, ENV_ALLOW_PRIVATE_TARGETS)
                ? parseFlag(ENV_ALLOW_PRIVATE_TARGETS, env.get(ENV_ALLOW_PRIVATE_TARGETS)) : d.allowPrivateTargets();
        boolean allowRemote = has(env, ENV_ALLOW_REMOTE_URLS)
                ? parseFlag(ENV_ALLOW_REMOTE_URLS, env.get(ENV_ALLOW_REMOTE_URLS)) : d.allowRemoteUrls();
        return new ServerConfig(dataDir, port, session, price, maxUpload, publicUrl, origins, workers, retention, quota,
                allowPrivate, allowRemote);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(dir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(dataDir, p, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withSessionLifetime(Duration d) {
        return new ServerConfig(dataDir, port, d, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withCreditsPerMinute(BigDecimal price) {
        return new ServerConfig(dataDir, port, sessionLifetime, price, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withMaxUploadBytes(long bytes) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, bytes, publicBaseUrl, corsOrigins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withPublicBaseUrl(String url) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, url, corsOrigins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, origins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withWorkers(int n) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                n, retention, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withRetention(Duration d) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, d, storageQuotaBytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withStorageQuotaBytes(long bytes) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, retention, bytes, allowPrivateTargets, allowRemoteUrls);
    }

    public ServerConfig withAllowPrivateTargets(boolean allow) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, retention, storageQuotaBytes, allow, allowRemoteUrls);
    }

    public ServerConfig withAllowRemoteUrls(boolean allow) {
        return new ServerConfig(dataDir, port, sessionLifetime, creditsPerMinute, maxUploadBytes, publicBaseUrl, corsOrigins,
                workers, retention, storageQuotaBytes, allowPrivateTargets, allow);
    }

    private static boolean has(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }

    private static boolean parseFlag(String key, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be 1 or 0, was '" + value + "'");
        };
    }

    private static BigDecimal parseDecimal(String key, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a decimal number such as 1.0, was '" + value + "'");
        }
    }
}
