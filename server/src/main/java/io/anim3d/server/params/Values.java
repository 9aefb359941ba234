package io.anim3d.server.params;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Strict readers for single param values; each adds a problem naming param and value on failure. */
final class Values {
    /**
     * Plain decimals only: {@link Double#parseDouble} alone would also take "NaN", "Infinity",
     * hex floats and a trailing "d"/"f", none of which a client means as a number here.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Longest value echoed in a message: params may be up to 4096 characters long. */
    private static final int QUOTE_MAX_CHARS = 80;

    private Values() {
    }

    /** 0/1/true/false (true/false in any case: Python clients format {@code True}); null after a problem. */
    static Boolean bool(String param, String value, List<String> problems) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true":
                return Boolean.TRUE;
            case "0", "false":
                return Boolean.FALSE;
            default:
                problems.add(param + " " + quote(value) + " is not a boolean: use 0, 1, true or false");
                return null;
        }
    }

    /**
     * A finite decimal in [{@code min}, {@code max}]; null after a problem. "1e400" is rejected
     * because it overflows to infinity.
     */
    static Double decimal(String param, String value, double min, double max, List<String> problems) {
        String range = "allowed " + min + " to " + max;
        if (!DECIMAL.matcher(value).matches()) {
            problems.add(param + " " + quote(value) + " is not a decimal number (" + range + ")");
            return null;
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            problems.add(param + " " + quote(value) + " is not a finite number (" + range + ")");
            return null;
        }
        if (!(d >= min && d <= max)) {
            problems.add(param + " " + quote(value) + " is out of range: " + range);
            return null;
        }
        return d + 0.0; // "-0" reads as -0.0; adding +0.0 makes it 0.0, so that equal params compare equal
    }

    /** An integer in [{@code min}, {@code max}] written with digits only; null if it is not one. */
    static Integer smallInt(String value, int min, int max) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int i = Integer.parseInt(value);
        return i >= min && i <= max ? i : null;
    }

    /**
     * {@code value} in single quotes for a message, with control characters escaped and long
     * values cut, so that a hostile value cannot forge log lines or bloat the response.
     */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(value.length(), QUOTE_MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (value.length() > n) {
            sb.append("...' (").append(value.length()).append(" characters)");
            return sb.toString();
        }
        return sb.append('\'').toString();
    }
}
