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
 * unknown one. Within a client, reads apply {@link CharacterOwner#sees} (shared rows plus the
 * asking sub-user's own) and changes apply to the exact owner of the row. Thread-safe.
 */
public final class CharacterStore {
    private static final String COLUMNS = "id, client_id, sub_user, name, model_key, model_ext, model_size, thumb_key, rig_id,"
            + " joint_count, has_mesh, has_skin, created_at_ms, updated_at_ms";

    private final Database db;

    public CharacterStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Number of characters the client has, its sub-users' included (the limit is per client). */
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
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, ch.id());
                ps.setString(2, ch.clientId());
                ps.setString(3, ch.subUser().orElse(null));
                ps.setString(4, ch.name());
                ps.setString(5, ch.modelKey());
                ps.setString(6, ch.facts().format());
                ps.setLong(7, ch.modelSize());
                ps.setString(8, ch.thumbKey().orElse(null));
                ps.setString(9, ch.facts().rigId());
                ps.setInt(10, ch.facts().jointCount());
                ps.setBoolean(11, ch.facts().hasMesh());
                ps.setBoolean(12, ch.facts().hasSkin());
                ps.setLong(13, ch.createdAtMs());
                ps.setLong(14, ch.updatedAtMs());
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * The character with this id if {@code viewer} sees it (the client's shared one, or the viewer
     * sub-user's own); empty for an unknown id, another client's, or another sub-user's.
     */
    public Optional<StoredCharacter> find(CharacterOwner viewer, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM characters WHERE client_id = ? AND id = ? AND " + visibleTo(viewer))) {
                ps.setString(1, viewer.clientId());
                ps.setString(2, id);
                if (viewer.subUser().isPresent()) {
                    ps.setString(3, viewer.subUser().get());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The characters {@code viewer} sees, newest first (shared and own ones mixed). */
    public List<StoredCharacter> list(CharacterOwner viewer) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM characters WHERE client_id = ? AND "
                    + visibleTo(viewer) + " ORDER BY created_at_ms DESC, id")) {
                ps.setString(1, viewer.clientId());
                if (viewer.subUser().isPresent()) {
                    ps.setString(2, viewer.subUser().get());
                }
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
     * Sets name, thumbnail and modification time of the character, if it still belongs to
     * {@code ch}'s owner (client and sub-user).
     *
     * @return false when there is no such character of that owner (deleted meanwhile, or foreign)
     */
    public boolean update(StoredCharacter ch) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE characters SET name = ?, thumb_key = ?, updated_at_ms = ?"
                    + " WHERE client_id = ? AND id = ? AND " + ownedBy(ch.owner()))) {
                ps.setString(1, ch.name());
                ps.setString(2, ch.thumbKey().orElse(null));
                ps.setLong(3, ch.updatedAtMs());
                ps.setString(4, ch.clientId());
                ps.setString(5, ch.id());
                if (ch.subUser().isPresent()) {
                    ps.setString(6, ch.subUser().get());
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes the character if {@code owner} (client and sub-user exactly) owns it.
     *
     * @return false when there is no such character of this owner
     */
    public boolean delete(CharacterOwner owner, String id) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM characters WHERE client_id = ? AND id = ? AND "
                    + ownedBy(owner))) {
                ps.setString(1, owner.clientId());
                ps.setString(2, id);
                if (owner.subUser().isPresent()) {
                    ps.setString(3, owner.subUser().get());
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** {@link CharacterOwner#sees} in SQL: one parameter (the sub-user) when the viewer has one. */
    private static String visibleTo(CharacterOwner viewer) {
        return viewer.subUser().isPresent() ? "(sub_user IS NULL OR sub_user = ?)" : "sub_user IS NULL";
    }

    /** The row's owner is exactly this one: one parameter (the sub-user) when it has one. */
    private static String ownedBy(CharacterOwner owner) {
        return owner.subUser().isPresent() ? "sub_user = ?" : "sub_user IS NULL";
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
        return new StoredCharacter(rs.getString("id"), rs.getString("client_id"),
                Optional.ofNullable(rs.getString("sub_user")), rs.getString("name"),
                rs.getString("model_key"), rs.getLong("model_size"),
                Optional.ofNullable(rs.getString("thumb_key")), facts, rs.getLong("created_at_ms"),
                rs.getLong("updated_at_ms"));
    }
}
