package io.anim3d.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The Flyway migrations the build packages ({@code V<n>__*.sql} under {@code db/migration}). */
public final class MigrationFiles {
    private MigrationFiles() {
    }

    /** How many there are: what a fresh database must have applied. */
    public static int count() {
        URL dir = Database.class.getClassLoader().getResource("db/migration");
        if (dir == null || !"file".equals(dir.getProtocol())) {
            throw new IllegalStateException("db/migration is not a folder on the test class path: " + dir);
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
