package io.anim3d.server.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep.
 *
 * @param jdbcUrl           {@code jdbc:h2:...} or {@code jdbc:postgresql:...}; other databases
 *                          are rejected because the migrations are only tested on these two
 * @param user              may be empty (H2 file databases); for PostgreSQL it may also be in the URL
 * @param password          may be empty; never printed by {@link #toString()}
 * @param maxConnections    pool size: requests beyond it wait up to {@code connectionTimeout}
 * @param connectionTimeout how long a caller waits for a free connection before failing
 */
public record DatabaseOptions(String jdbcUrl, String user, String password, int maxConnections,
                              Duration connectionTimeout) {

    /** File name stem of the default H2 database inside the data directory. */
    public static final String H2_FILE_NAME = "anim3d";

    public DatabaseOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!isH2(jdbcUrl) && !isPostgres(jdbcUrl)) {
            throw new IllegalArgumentException("Unsupported database URL '" + jdbcUrl
                    + "': use jdbc:h2:... (default) or jdbc:postgresql://host/db");
        }
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new IllegalArgumentException("maxConnections must be 1..1000, was " + maxConnections);
        }
        if (connectionTimeout.isNegative() || connectionTimeout.isZero()) {
            throw new IllegalArgumentException("connectionTimeout must be positive, was " + connectionTimeout);
        }
    }

    /**
     * The default: an H2 file {@code <dataDir>/anim3d.mv.db} in AUTO_SERVER mode, so that a second
     * process (the {@code anim3d admin} CLI) can open it while the server runs: the first process
     * opens the file and serves it over a local TCP port it writes into a lock file; later
     * processes find that port and connect to it. Whoever opens first serves; if it exits,
     * another takes over on the next connect.
     */
    public static DatabaseOptions h2InDataDirectory(Path dataDir) {
        Path stem = dataDir.toAbsolutePath().normalize().resolve(H2_FILE_NAME);
        // H2 2.x refuses relative file paths, hence the absolute path.
        return new DatabaseOptions("jdbc:h2:file:" + stem + ";AUTO_SERVER=TRUE", "sa", "", 10,
                Duration.ofSeconds(30));
    }

    /** A PostgreSQL (or other supported) JDBC URL instead of the embedded H2 file ({@code jdbc:postgresql://host/db}). */
    public static final String ENV_URL = "ANIM3D_DB_URL";
    public static final String ENV_USER = "ANIM3D_DB_USER";
    public static final String ENV_PASSWORD = "ANIM3D_DB_PASSWORD";
    /** Connections of this process's pool (default 10). */
    public static final String ENV_POOL = "ANIM3D_DB_POOL";

    /**
     * The database of a process: {@link #ENV_URL} (with {@link #ENV_USER}, {@link #ENV_PASSWORD})
     * when set, for PostgreSQL shared by many API and worker processes; otherwise the H2 file in
     * {@code dataDir}. {@link #ENV_POOL} sets the pool size of either.
     */
    public static DatabaseOptions fromEnvironment(Map<String, String> env, Path dataDir) {
        String url = env.getOrDefault(ENV_URL, "").strip();
        DatabaseOptions o = url.isEmpty() ? h2InDataDirectory(dataDir)
                : new DatabaseOptions(url, env.getOrDefault(ENV_USER, ""), env.getOrDefault(ENV_PASSWORD, ""), 10,
                        Duration.ofSeconds(30));
        String pool = env.getOrDefault(ENV_POOL, "").strip();
        if (!pool.isEmpty()) {
            try {
                o = o.withMaxConnections(Integer.parseInt(pool));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_POOL + " must be a whole number, was '" + pool + "'");
            }
        }
        return o;
    }

    /** Same database with another pool size. */
    public DatabaseOptions withMaxConnections(int n) {
        return new DatabaseOptions(jdbcUrl, user, password, n, connectionTimeout);
    }

    public boolean isH2() {
        return isH2(jdbcUrl);
    }

    private static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }

    private static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseOptions[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + ", maxConnections=" + maxConnections
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
