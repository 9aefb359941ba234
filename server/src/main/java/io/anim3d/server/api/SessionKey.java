package io.anim3d.server.api;

import io.anim3d.server.storage.UrlSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The HMAC key of session cookies, kept in {@code <dataDir>/session.key}: created once with
 * owner-only permissions and reused, so sessions survive restarts and are valid on every server
 * process that shares the data directory. Deleting the file logs every client out.
 */
public final class SessionKey {
    public static final String FILE_NAME = "session.key";

    private SessionKey() {
    }

    /**
     * Reads the key, creating it first if there is none. Several processes starting together
     * agree on one key: each writes a private temporary file and hard-links it to the final name,
     * which fails for all but the first; the others then read the winner's key.
     */
    public static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(dataDir, file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length < UrlSigner.MIN_SECRET_BYTES) {
                throw new IllegalStateException("Session key " + file + " has " + key.length + " bytes, at least "
                        + UrlSigner.MIN_SECRET_BYTES + " are needed; delete it to create a new one (this logs all clients out)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path dataDir, Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(dataDir, ".session", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dataDir, ".session", ".tmp");
        try {
            Files.write(tmp, UrlSigner.randomSecret());
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException lostRace) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException noHardLinks) {
                try {
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException lostRace) {
                    // same as above
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
