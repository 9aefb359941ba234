package io.anim3d.formats.fbx;

import java.util.List;
import java.util.Locale;

/**
 * A human-readable outline of a node tree for debugging and test messages: one line per node,
 * indented two spaces per level, with its properties as {@code type value} (strings quoted and
 * shortened, the name/class separator shown as {@code \x00\x01}) and arrays as
 * {@code d[length] first, values …}.
 */
public final class FbxDump {
    private static final int MAX_STRING_CHARS = 60;
    private static final int ARRAY_PREVIEW = 4;

    private FbxDump() {
    }

    /**
     * @param maxDepth levels to print; 1 prints only the given nodes, deeper children are
     *     summarised as "… N children"
     */
    public static String describe(List<FbxNode> nodes, int maxDepth) {
        StringBuilder sb = new StringBuilder();
        for (FbxNode n : nodes) {
            append(sb, n, 0, maxDepth);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, FbxNode node, int depth, int maxDepth) {
        sb.append("  ".repeat(depth)).append(node.name());
        List<FbxProperty> props = node.properties();
        for (int i = 0; i < props.size(); i++) {
            sb.append(i == 0 ? ": " : ", ").append(describe(props.get(i)));
        }
        if (!node.children().isEmpty() && depth + 1 >= maxDepth) {
            sb.append(" { … ").append(node.children().size()).append(" children }");
        }
        sb.append('\n');
        if (depth + 1 < maxDepth) {
            for (FbxNode c : node.children()) {
                append(sb, c, depth + 1, maxDepth);
            }
        }
    }

    /** One property as {@code typeCode value}, for example {@code L 1234}, {@code S "Hips\x00\x01Model"}. */
    public static String describe(FbxProperty p) {
        String value;
        if (p instanceof FbxProperty.Int16 v) {
            value = Short.toString(v.value());
        } else if (p instanceof FbxProperty.Bool v) {
            value = v.raw() == 0 || v.raw() == 1 ? Boolean.toString(v.value()) : "0x" + Integer.toHexString(v.raw() & 0xFF);
        } else if (p instanceof FbxProperty.Int32 v) {
            value = Integer.toString(v.value());
        } else if (p instanceof FbxProperty.Int64 v) {
            value = Long.toString(v.value());
        } else if (p instanceof FbxProperty.Float32 v) {
            value = number(v.value());
        } else if (p instanceof FbxProperty.Float64 v) {
            value = number(v.value());
        } else if (p instanceof FbxProperty.Str v) {
            value = quote(v.text());
        } else if (p instanceof FbxProperty.Raw v) {
            value = "<" + v.length() + " bytes>";
        } else {
            value = array((FbxProperty.Array) p);
        }
        return p.typeCode() + " " + value;
    }

    private static String array(FbxProperty.Array a) {
        StringBuilder sb = new StringBuilder("[").append(a.length()).append("]");
        int n = Math.min(a.length(), ARRAY_PREVIEW);
        if (n == 0) {
            return sb.toString();
        }
        sb.append(' ');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(element(a, i));
        }
        return sb.append(a.length() > n ? ", …" : "").toString();
    }

    private static String element(FbxProperty.Array a, int i) {
        byte[] b = a.payloadView();
        int size = a.type().elementBytes();
        long bits = 0;
        for (int k = size - 1; k >= 0; k--) {
            bits = (bits << 8) | (b[i * size + k] & 0xFFL);
        }
        return switch (a.type()) {
            case FLOAT32 -> number(Float.intBitsToFloat((int) bits));
            case FLOAT64 -> number(Double.longBitsToDouble(bits));
            case INT32 -> Integer.toString((int) bits);
            case INT64 -> Long.toString(bits);
            case BOOL, BYTE -> Integer.toString((int) bits);
        };
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        String shown = s.length() > MAX_STRING_CHARS ? s.substring(0, MAX_STRING_CHARS) + "…" : s;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
