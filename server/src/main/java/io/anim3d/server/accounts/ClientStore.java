package io.anim3d.server.accounts;

import io.anim3d.server.db.Database;
import io.anim3d.server.db.Ids;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * API clients: creation, secret verification and rotation, disabling. Secrets are 256-bit random
 * URL-safe strings shown once and stored only as PBKDF2 hashes ({@link SecretHasher}).
 * Thread-safe.
 */
public final class ClientStore {
    /** Random bytes in a secret: 32 bytes = 256 bits, 43 base64url characters. */
    static final int SECRET_BYTES = 32;
    /** Longest id or secret worth hashing; longer input cannot be ours and is refused. */
    static final int MAX_CREDENTIAL_CHARS = 256;
    static final int MAX_NAME_CHARS = 200;
    /** {@code server_facts} row that records the one-time bootstrap client. */
    static final String BOOTSTRAP_FACT = "bootstrap_client";

    /**
     * @param hashIterations  PBKDF2 iterations for new secret hashes (at least 10,000; default
     *                        {@link SecretHasher#DEFAULT_ITERATIONS})
     * @param cacheTtl        how long a successful verification skips PBKDF2; zero turns the
     *                        cache off (every request then pays the full hash)
     * @param cacheMaxEntries memory bound of that cache (about 200 bytes an entry)
     */
    public record Options(int hashIterations, Duration cacheTtl, int cacheMaxEntries) {
        public Options {
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            if (hashIterations < 10_000) {
                throw new IllegalArgumentException("hashIterations must be at least 10000, was " + hashIterations);
            }
            if (cacheTtl.isNegative()) {
                throw new IllegalArgumentException("cacheTtl must not be negative, was " + cacheTtl);
            }
            if (cacheMaxEntries < 1) {
                throw new IllegalArgumentException("cacheMaxEntries must be positive, was " + cacheMaxEntries);
            }
        }

        public static Options defaults() {
            return new Options(SecretHasher.DEFAULT_ITERATIONS, Duration.ofMinutes(1), 10_000);
        }
    }

    private final Database db;
    private final Clock clock;
    private final SecretHasher hasher;
    private final VerificationCache cache;
    private final SecureRandom random = new SecureRandom();
    /** Hash of a random secret nobody knows: unknown ids are checked against it so they cost the same. */
    private final HashedSecret dummy;

    public ClientStore(Database db, Clock clock, Options options) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = new SecretHasher(options.hashIterations());
        this.cache = new VerificationCache(options.cacheTtl(), options.cacheMaxEntries(), System::nanoTime);
        this.dummy = hasher.hash(newSecret());
    }

    /** Creates a client with a new secret; the returned secret is not stored anywhere. */
    public Credentials create(String name) {
        String label = validName(name);
        return db.transaction(c -> insert(c, label));
    }

    /**
     * Creates the first client if there is none yet, once per installation even when several
     * processes start together; returns its credentials, or empty if clients already exist or
     * another process won the race.
     */
    public Optional<Credentials> bootstrapIfEmpty(String name) {
        String label = validName(name);
        try {
            return db.transaction(c -> {
                if (count(c) > 0) {
                    return Optional.empty();
                }
                Credentials created = insert(c, label);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO server_facts (name, fact_value, created_at_ms) VALUES (?, ?, ?)")) {
                    ps.setString(1, BOOTSTRAP_FACT);
                    ps.setString(2, created.clientId());
                    ps.setLong(3, clock.millis());
                    ps.executeUpdate();
                }
                return Optional.of(created);
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                return Optional.empty(); // another process bootstrapped first; its transaction won
            }
            throw e;
        }
    }

    /**
     * The active client these credentials belong to, or empty. Takes the same time (one PBKDF2
     * run) whether the id is unknown, the secret wrong or the client disabled; a recent success
     * with the same pair is answered from the cache after re-reading the client's row.
     */
    public Optional<Client> verify(String clientId, String secret) {
        boolean plausible = clientId != null && secret != null && !secret.isEmpty()
                && clientId.length() <= MAX_CREDENTIAL_CHARS && secret.length() <= MAX_CREDENTIAL_CHARS;
        if (!plausible) {
            hasher.matches("-", dummy); // same cost as a real check
            return Optional.empty();
        }
        String fingerprint = null;
        if (cache.enabled()) {
            fingerprint = cache.fingerprint(clientId, secret);
            VerificationCache.Entry hit = cache.get(fingerprint);
            if (hit != null) {
                Optional<StoredClient> row = db.read(c -> load(c, clientId));
                if (hit.clientId().equals(clientId) && row.isPresent() && !row.get().client().disabled()
                        && row.get().hash().hashBase64().equals(hit.hashBase64())) {
                    return Optional.of(row.get().client());
                }
                cache.remove(fingerprint);
            }
        }
        Optional<StoredClient> row = db.read(c -> load(c, clientId));
        boolean matches = hasher.matches(secret, row.map(StoredClient::hash).orElse(dummy));
        if (!matches || row.isEmpty() || row.get().client().disabled()) {
            return Optional.empty();
        }
        if (fingerprint != null) {
            cache.put(fingerprint, clientId, row.get().hash().hashBase64());
        }
        return Optional.of(row.get().client());
    }

    /** Replaces a client's secret; the old one stops working at once (also in the cache). */
    public Credentials rotateSecret(String clientId) {
        String secret = newSecret();
        HashedSecret h = hasher.hash(secret);
        int n = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE clients SET secret_hash = ?, secret_salt = ?,"
                    + " hash_algorithm = ?, hash_iterations = ?, secret_rotated_at_ms = ? WHERE id = ?")) {
                ps.setString(1, h.hashBase64());
                ps.setString(2, h.saltBase64());
                ps.setString(3, h.algorithm());
                ps.setInt(4, h.iterations());
                ps.setLong(5, clock.millis());
                ps.setString(6, clientId);
                return ps.executeUpdate();
            }
        });
        cache.forget(clientId);
        if (n == 0) {
            throw new UnknownClientException(clientId);
        }
        return new Credentials(clientId, secret);
    }

    /** Disables a client (its credentials stop verifying); disabling twice keeps the first time. */
    public Client disable(String clientId) {
        Client c = db.transaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE clients SET disabled_at_ms = ? WHERE id = ? AND disabled_at_ms IS NULL")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, clientId);
                ps.executeUpdate();
            }
            return load(conn, clientId).orElseThrow(() -> new UnknownClientException(clientId)).client();
        });
        cache.forget(clientId);
        return c;
    }

    /** Re-enables a disabled client with its current secret. */
    public Client enable(String clientId) {
        return db.transaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE clients SET disabled_at_ms = NULL WHERE id = ?")) {
                ps.setString(1, clientId);
                ps.executeUpdate();
            }
            return load(conn, clientId).orElseThrow(() -> new UnknownClientException(clientId)).client();
        });
    }

    public Optional<Client> find(String clientId) {
        return db.read(c -> load(c, clientId)).map(StoredClient::client);
    }

    /** All clients, oldest first. */
    public List<Client> list() {
        return db.read(c -> {
            List<Client> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM clients ORDER BY created_at_ms, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs).client());
                }
            }
            return out;
        });
    }

    public boolean isEmpty() {
        return db.read(ClientStore::count) == 0;
    }

    /** PBKDF2 runs so far (cache misses, unknown ids, creations): for tests and metrics. */
    public long slowHashCount() {
        return hasher.slowHashCount();
    }

    // --- rows ---------------------------------------------------------------------------------

    private record StoredClient(Client client, HashedSecret hash) {
    }

    private static final String COLUMNS = "id, name, secret_hash, secret_salt, hash_algorithm, hash_iterations,"
            + " created_at_ms, disabled_at_ms, secret_rotated_at_ms";

    private Credentials insert(Connection c, String name) throws SQLException {
        String id = Ids.newId();
        String secret = newSecret();
        HashedSecret h = hasher.hash(secret);
        long now = clock.millis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO clients (id, name, secret_hash, secret_salt,"
                + " hash_algorithm, hash_iterations, created_at_ms, secret_rotated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, h.hashBase64());
            ps.setString(4, h.saltBase64());
            ps.setString(5, h.algorithm());
            ps.setInt(6, h.iterations());
            ps.setLong(7, now);
            ps.setLong(8, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credit_balances (client_id, balance_milli,"
                + " reserved_milli, updated_at_ms) VALUES (?, 0, 0, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
        return new Credentials(id, secret);
    }

    private static Optional<StoredClient> load(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM clients WHERE id = ?")) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static StoredClient read(ResultSet rs) throws SQLException {
        long disabled = rs.getLong("disabled_at_ms");
        OptionalLong disabledAt = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(disabled);
        Client client = new Client(rs.getString("id"), rs.getString("name"), rs.getLong("created_at_ms"), disabledAt,
                rs.getLong("secret_rotated_at_ms"));
        HashedSecret hash = new HashedSecret(rs.getString("hash_algorithm"), rs.getInt("hash_iterations"),
                rs.getString("secret_salt"), rs.getString("secret_hash"));
        return new StoredClient(client, hash);
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM clients");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String newSecret() {
        byte[] b = new byte[SECRET_BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("Client name must be 1.." + MAX_NAME_CHARS
                    + " characters, was " + (name == null ? "null" : "'" + name + "'"));
        }
        return name.strip();
    }

    /** SQL state 23505 (unique violation) is the same on H2 and PostgreSQL. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
