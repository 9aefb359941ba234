package io.anim3d.server.characters;

import java.util.Locale;

/**
 * Display names of characters. A name comes from the client ({@code name} of getModelUploadUrl,
 * {@code modelName} of storeModel) and may look like a path ({@code ../x}, {@code C:\models\hero}):
 * only the last segment is kept, without control characters, and it is only ever shown, never
 * used in a blob key or a file path (those are generated ids).
 */
final class CharacterNames {
    /** Longest name, in characters (the column is VARCHAR(200)). */
    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "model";

    private CharacterNames() {
    }

    /**
     * The name to keep for {@code raw}, or null when nothing usable is left (absent, blank, only
     * separators or dots).
     *
     * @param field the request field, named in the refusal of a name over {@value #MAX_LENGTH} characters
     * @throws CharacterException (400) for a name that is too long
     */
    static String clean(String raw, String field) {
        if (raw == null) {
            return null;
        }
        int slash = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
        StringBuilder sb = new StringBuilder();
        raw.substring(slash + 1).codePoints().filter(c -> !Character.isISOControl(c)).forEach(sb::appendCodePoint);
        String name = sb.toString().strip();
        if (name.isEmpty() || name.matches("\\.+")) {
            return null;
        }
        if (name.length() > MAX_LENGTH) {
            throw CharacterException.invalid(field + " is " + name.length() + " characters long; at most " + MAX_LENGTH
                    + " are allowed");
        }
        return name;
    }

    /** {@code name} without a trailing model extension ({@code hero.fbx} → {@code hero}), never empty. */
    static String withoutModelExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".fbx", ".glb", ".gltf", ".vrm"}) {
            if (lower.endsWith(ext) && name.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }
}
