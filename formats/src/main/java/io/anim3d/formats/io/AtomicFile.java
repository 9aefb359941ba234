package io.anim3d.formats.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that its name only ever points at complete content: the bytes go to a fresh
 * sibling (opened with CREATE_NEW, so it gets the usual umask permissions and is never shared
 * with a concurrent writer), are forced to disk, and the sibling is then moved over the target.
 * A failure leaves the previous file, if any, untouched and no temporary file behind.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes what {@code body} writes to the stream it is given (it must not close it). */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                body.writeTo(out);
                out.flush();
                channel.force(true); // the data is on disk before the name points at it
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
