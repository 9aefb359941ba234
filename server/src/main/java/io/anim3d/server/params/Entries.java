package io.anim3d.server.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first pass over the raw {@code key=value} entries: bounds, splitting, trimming, aliases,
 * last-one-wins and unknown keys. It yields each known param once, under its canonical name,
 * with its last non-empty value; the typed checks come after it.
 */
final class Entries {
    /** Most entries one request may carry: the documented params are about twenty. */
    static final int MAX_ENTRIES = 100;
    /** Longest entry, characters: a 16-person {@code models=} list fits in about 1000. */
    static final int MAX_ENTRY_CHARS = 4096;

    /** A comma followed by {@code name=}: where a client that joined several entries into one put the next one. */
    private static final Pattern NEXT_KEY = Pattern.compile("\\s*([A-Za-z][A-Za-z.]*)\\s*=");

    private Entries() {
    }

    /**
     * Reads {@code raw} (null and blank entries are skipped).
     *
     * @return canonical name → value, in the order the params were first given
     */
    static Map<String, String> collect(List<String> raw, List<String> problems, List<String> warnings) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        if (raw.size() > MAX_ENTRIES) {
            problems.add("params has " + raw.size() + " entries; at most " + MAX_ENTRIES + " are allowed");
            return values;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> firstValues = new LinkedHashMap<>();
        for (String entry : raw) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            if (entry.length() > MAX_ENTRY_CHARS) {
                problems.add("param " + Values.quote(entry) + " is longer than " + MAX_ENTRY_CHARS + " characters");
                continue;
            }
            for (String part : splitJoined(entry)) {
                read(part.strip(), values, counts, firstValues, warnings);
            }
        }
        counts.forEach((key, n) -> {
            if (n > 1 && !firstValues.get(key).equals(values.get(key))) {
                warnings.add("'" + key + "' was given " + n + " times with different values; the last one, "
                        + Values.quote(values.get(key)) + ", was used");
            }
        });
        values.values().removeIf(String::isEmpty);
        return values;
    }

    private static void read(String entry, Map<String, String> values, Map<String, Integer> counts,
                             Map<String, String> firstValues, List<String> warnings) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
            String known = ParamKeys.canonical(entry);
            warnings.add(known != null
                    ? "parameter '" + entry + "' has no value (write " + entry + "=<value>) and was ignored"
                    : unknown(entry));
            return;
        }
        String key = entry.substring(0, eq).strip();
        String value = entry.substring(eq + 1).strip();
        String canonical = ParamKeys.canonical(key);
        if (canonical == null) {
            warnings.add(unknown(key));
            return;
        }
        if (value.isEmpty()) {
            warnings.add("parameter '" + key + "' has an empty value; its default is used");
        }
        values.put(canonical, value); // a repeated key keeps its first position and gets its last value
        firstValues.putIfAbsent(canonical, value);
        counts.merge(canonical, 1, Integer::sum);
    }

    private static String unknown(String key) {
        String hint = ParamKeys.suggestion(key);
        return "unknown parameter " + Values.quote(key) + " was ignored"
                + (hint == null ? "" : " (names are case-sensitive: did you mean '" + hint + "'?)");
    }

    /**
     * Splits an entry such as {@code "config=configDefault,formats=bvh,fbx"}, which some clients
     * send by joining their params with commas, at each top-level comma followed by a known
     * {@code name=}. Values never contain {@code '='} (ids are URL-safe, the {@code models} JSON
     * uses ':'), and commas inside brackets or quotes are left alone, so a proper entry is never cut.
     */
    static List<String> splitJoined(String entry) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        Matcher m = NEXT_KEY.matcher(entry);
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0 && m.region(i + 1, entry.length()).lookingAt()
                    && ParamKeys.canonical(m.group(1)) != null) {
                parts.add(entry.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(entry.substring(start));
        return parts;
    }
}
