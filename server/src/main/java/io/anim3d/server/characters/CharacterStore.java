package io.anim3d.server.characters;

import io.anim3d.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code characters} table. Every query names the owning client, so one client can neither
 * read, change nor delete another's rows; an id of someone else's character behaves like an
 * unknown one. Thread-safe.
 */
public final class CharacterStore {
    private static final String COLUMNS = "id, client_id, name, model_key, model_ext, model_size, thumb_key, rig_id,"
            + " joint_count, has_mesh, has_skin, created_at_ms, updated_at_ms";

    private final Database db;

    public CharacterStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Number of characters the client has. */
    public int count(String clientId) {
        return db.read(c -> count(c, clientId));
    }

    /**
     * Adds a row unless the client already has {@code maxPerClient} characters. The client's row is
     * locked for the check, so two concurrent inserts cannot both take the last place.
     *
     * @return false (nothing inserted) when the client is at the limit
     */
    public boolean insert(StoredCharacter ch, int maxPerClient) {
        return db.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM clients WHERE id = ? FOR UPDATE")) {
                lock.setString(1, ch.clientId());
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no client " + ch.clientId());
                    }
                }
            }
            if (count(c, ch.clientId()) >= maxPerClient) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO characters (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, ch.id());
                ps.setString(2, ch.clientId());
                ps.setString(3, ch.name());
                ps.setString(4, ch.modelKey());
                ps.setString(5, ch.facts().format());
                ps.setLong(6, ch.modelSize());
                ps.setString(7, ch.thumbKey().orElse(null));
                ps.setString(8, ch.facts().rigId());
                ps.setInt(9, ch.facts().jointCount());
                ps.setBoolean(10, ch.facts().hasMesh());
                ps.setBoolean(11, ch.facts().hasSkin());
                ps.setLong(12, ch.createdAtMs());
                ps.setLong(13, ch.updatedAtMs());
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** The client's character with this id; empty for an unknown id or another client's. */
    public Optional<StoredCharacter> find(String clientId, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM characters WHERE client_id = ? AND id = ?")) {
                ps.setString(1, clientId);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The client's characters, newest first. */
    public List<StoredCharacter> list(String clientId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM characters WHERE client_id = ? ORDER BY created_at_ms DESC, id")) {
                ps.setString(1, clientId);
                List<StoredCharacter> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Sets name, thumbnail and modification time of the client's character.
     *
     * @return false when there is no such character of this client (deleted meanwhile, or foreign)
     */
    public boolean update(StoredCharacter ch) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE characters SET name = ?, thumb_key = ?, updated_at_ms = ? WHERE client_id = ? AND id = ?")) {
                ps.setString(1, ch.name());
                ps.setString(2, ch.thumbKey().orElse(null));
                ps.setLong(3, ch.updatedAtMs());
                ps.setString(4, ch.clientId());
                ps.setString(5, ch.id());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes the client's character; false when there is no such character of this client. */
    public boolean delete(String clientId, String id) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM characters WHERE client_id = ? AND id = ?")) {
                ps.setString(1, clientId);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static int count(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM characters WHERE client_id = ?")) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static StoredCharacter row(ResultSet rs) throws SQLException {
        CharacterFacts facts = new CharacterFacts(rs.getString("model_ext"), rs.getString("rig_id"),
                rs.getInt("joint_count"), rs.getBoolean("has_mesh"), rs.getBoolean("has_skin"));
        return new StoredCharacter(rs.getString("id"), rs.getString("client_id"), rs.getString("name"),
                rs.getString("model_key"), rs.getLong("model_size"),
                Optional.ofNullable(rs.getString("thumb_key")), facts, rs.getLong("created_at_ms"),
                rs.getLong("updated_at_ms"));
    }
}
