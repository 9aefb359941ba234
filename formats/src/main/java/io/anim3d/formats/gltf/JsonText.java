package io.anim3d.formats.gltf;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A small JSON emitter for glTF documents: maps (written in their iteration order, so callers use
 * insertion-ordered maps for a deterministic key order), lists, strings, booleans and numbers.
 * A {@code Float} is written as the shortest decimal that reads back as the same float, a
 * {@code Double} likewise at double precision, integers as integers; the digits come from
 * {@link BigDecimal}, so they do not depend on the JDK's {@code Float.toString} (which changed in
 * JDK 19) or on the default locale.
 */
final class JsonText {
    private JsonText() {
    }

    /** Compact JSON (no whitespace) for {@code value}. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(4096);
        append(out, value, "$");
        return out.toString();
    }

    private static void append(StringBuilder out, Object v, String path) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Float f) {
            out.append(number(f, path));
        } else if (v instanceof Double d) {
            out.append(number(d, path));
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, (String) e.getKey());
                out.append(':');
                append(out, e.getValue(), path + "." + e.getKey());
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, l.get(i), path + "[" + i + "]");
            }
            out.append(']');
        } else if (v instanceof float[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                out.append(i > 0 ? "," : "").append(number(a[i], path + "[" + i + "]"));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("JSON: cannot write a " + v.getClass().getName() + " at " + path);
        }
    }

    /** Shortest decimal (1 to 9 significant digits) that parses back to exactly {@code f}. */
    static String number(float f, String path) {
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException("JSON has no " + f + " (at " + path + ")");
        }
        if (f == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal d = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (d.floatValue() == f) {
                return format(d);
            }
        }
        return format(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)));
    }

    /** Shortest decimal (1 to 17 significant digits) that parses back to exactly {@code d}. */
    static String number(double d, String path) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d + " (at " + path + ")");
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                return format(r);
            }
        }
        return format(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** Plain notation for everyday magnitudes, JSON exponent notation ({@code 1.5E-7}) otherwise. */
    private static String format(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        double mag = Math.abs(s.doubleValue());
        return mag >= 1e-6 && mag < 1e15 ? s.toPlainString() : s.toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
