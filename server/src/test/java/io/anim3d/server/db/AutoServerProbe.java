package io.anim3d.server.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Run in a separate JVM by {@link DatabaseTest}: plays the {@code anim3d admin} process that
 * opens the database while the server has it open. Args: JDBC URL, fact to read, fact to write.
 * Prints the value it read; exits 0 on success, 2 on any failure (message on stderr).
 */
public final class AutoServerProbe {
    private AutoServerProbe() {
    }

    public static void main(String[] args) {
        DatabaseOptions base = DatabaseOptions.h2InDataDirectory(java.nio.file.Path.of("unused"));
        DatabaseOptions options = new DatabaseOptions(args[0], base.user(), base.password(), 2,
                base.connectionTimeout());
        try (Database db = Database.open(options)) {
            String read = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT fact_value FROM server_facts WHERE name = ?")) {
                    ps.setString(1, args[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "<missing>";
                    }
                }
            });
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO server_facts (name, fact_value, created_at_ms) VALUES (?, ?, 0)")) {
                    ps.setString(1, args[2]);
                    ps.setString(2, "written by probe");
                    return ps.executeUpdate();
                }
            });
            System.out.println("read=" + read + " migrationsApplied=" + db.migrationsApplied());
        } catch (RuntimeException e) {
            System.err.println(e);
            System.exit(2);
        }
    }
}
