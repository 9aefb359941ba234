package io.anim3d.formats.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Deterministic ZIP archives for downloads (e.g. {@code male-young.fbx.zip} holding
 * {@code male-young.fbx} and its textures): entries in the order given, every entry stamped
 * with the same fixed local time (set as DOS time directly, so the time zone cannot change it),
 * deflated with fixed settings, no comments or extra fields. Same content, same bytes.
 */
public final class ZipPackage {
    /** The timestamp of every entry. */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0, 0);

    private ZipPackage() {
    }

    /** The archive of {@code entries} (name → bytes, in iteration order: pass a LinkedHashMap or TreeMap). */
    public static byte[] toBytes(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(6);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw new IllegalArgumentException("unsafe ZIP entry name '" + name + "'");
                }
                ZipEntry entry = new ZipEntry(name);
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory ZIP failed", e);
        }
        return bytes.toByteArray();
    }

    /** Writes the archive atomically to {@code file}. */
    public static void write(Path file, Map<String, byte[]> entries) throws IOException {
        byte[] zip = toBytes(entries);
        AtomicFile.write(file, out -> out.write(zip));
    }
}
