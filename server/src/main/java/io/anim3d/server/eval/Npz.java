package io.anim3d.server.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A NumPy {@code .npz} archive: a ZIP file (stored or deflated, as {@code np.savez} and
 * {@code np.savez_compressed} write it) holding one {@code .npy} file per array. Arrays are
 * named by their entry name without {@code .npy}, kept in archive order. Immutable.
 */
public final class Npz {
    private final Path file;
    private final Map<String, NpyArray> arrays;

    private Npz(Path file, Map<String, NpyArray> arrays) {
        this.file = file;
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /** Reads every array of {@code file}; fails on the first entry that is not a supported {@code .npy} array. */
    public static Npz read(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        String where = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String key = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                arrays.put(key, Npy.parse(bytes, where + ":" + key));
            }
        } catch (ZipException e) {
            throw new NpyFormatException(where + ": not a readable .npz (ZIP) archive: " + e.getMessage());
        }
        return new Npz(file, arrays);
    }

    public Path file() {
        return file;
    }

    /** Array names in archive order. */
    public List<String> names() {
        return new ArrayList<>(arrays.keySet());
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    /** The array called {@code name}; the exception lists the names there are. */
    public NpyArray get(String name) throws NpyFormatException {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new NpyFormatException(file.getFileName() + " has no array '" + name + "' (it has " + arrays.keySet() + ")");
        }
        return a;
    }
}
