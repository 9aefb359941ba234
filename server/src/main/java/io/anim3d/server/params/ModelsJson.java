package io.anim3d.server.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader for the {@code models=} value: a JSON array of flat objects, in the three spellings
 * clients use (docs/COMPAT.md): strict JSON with or without spaces, and the spec's own
 * JavaScript-like form with bare keys and single quotes, {@code [{trackingId:'001', modelId:'id'}]}.
 *
 * <p>Grammar (whitespace allowed between tokens, one trailing comma allowed in lists):
 * <pre>
 * array  = '[' [ object { ',' object } ] ']'
 * object = '{' [ member { ',' member } ] '}'
 * member = ( string | identifier ) ':' scalar
 * scalar = string | number | true | false | null
 * string = '"' ... '"' | "'" ... "'"     with JSON escapes, and \' inside either
 * </pre>
 * Nothing nests deeper than that, so the input size bounds the work; the caller bounds the size.
 */
final class ModelsJson {
    /** A member's value: its kind and its text (strings unescaped, numbers as written). */
    record Scalar(Kind kind, String text) {
        enum Kind { STRING, NUMBER, BOOLEAN, NULL }
    }

    /** Thrown with a message that says what was expected where. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private ModelsJson(String text) {
        this.text = text;
    }

    /** Parses {@code text}: one map per object, members in the order written (a repeated key: the last wins). */
    static List<Map<String, Scalar>> parse(String text) throws SyntaxException {
        ModelsJson p = new ModelsJson(text);
        List<Map<String, Scalar>> objects = p.array();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("end of the value");
        }
        return objects;
    }

    private List<Map<String, Scalar>> array() throws SyntaxException {
        expect('[');
        List<Map<String, Scalar>> objects = new ArrayList<>();
        while (!consume(']')) {
            objects.add(object());
            if (!consume(',')) {
                expect(']');
                break;
            }
        }
        return objects;
    }

    private Map<String, Scalar> object() throws SyntaxException {
        expect('{');
        Map<String, Scalar> members = new LinkedHashMap<>();
        while (!consume('}')) {
            String key = key();
            expect(':');
            members.put(key, scalar());
            if (!consume(',')) {
                expect('}');
                break;
            }
        }
        return members;
    }

    private String key() throws SyntaxException {
        skipSpace();
        if (pos < text.length() && (peek() == '"' || peek() == '\'')) {
            return string();
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$')) {
            pos++;
        }
        if (pos == start) {
            throw error("a key (a name or a quoted string)");
        }
        return text.substring(start, pos);
    }

    private Scalar scalar() throws SyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = peek();
        if (c == '"' || c == '\'') {
            return new Scalar(Scalar.Kind.STRING, string());
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || "+-.".indexOf(peek()) >= 0)) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "true", "false":
                return new Scalar(Scalar.Kind.BOOLEAN, word);
            case "null":
                return new Scalar(Scalar.Kind.NULL, word);
            default:
                if (word.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                    return new Scalar(Scalar.Kind.NUMBER, word);
                }
                pos = start;
                throw error("a value (a quoted string, a number, true, false or null)");
        }
    }

    private String string() throws SyntaxException {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\'', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(unicodeEscape());
                default -> {
                    pos -= 2;
                    throw error("a valid escape (\\\" \\' \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
            }
        }
        throw error("the closing " + quote + " of the string");
    }

    private char unicodeEscape() throws SyntaxException {
        if (pos + 4 > text.length()) {
            throw error("four hex digits after \\u");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("four hex digits after \\u");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private void expect(char c) throws SyntaxException {
        if (!consume(c)) {
            throw error("'" + c + "'");
        }
    }

    private boolean consume(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SyntaxException error(String expected) {
        String found = pos < text.length() ? Values.quote(String.valueOf(text.charAt(pos))) : "the end";
        return new SyntaxException("expected " + expected + " at character " + (pos + 1) + ", found " + found);
    }
}
