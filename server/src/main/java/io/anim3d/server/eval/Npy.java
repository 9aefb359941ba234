package io.anim3d.server.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0): the magic
 * {@code \x93NUMPY}, a version, a little-endian header length (2 bytes in version 1, 4 bytes
 * after), a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}, then
 * the raw elements. Supported element types: little-endian float64, float32, int64, int32 and
 * fixed-width unicode ({@code <U n}, n UTF-32LE code units per element). Anything else (big-endian
 * data, structured or pickled object arrays) fails with a {@link NpyFormatException} saying so;
 * object arrays are never unpickled.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Reads a {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    /**
     * Parses the bytes of one {@code .npy} file.
     *
     * @param name names the array in messages and in {@link NpyArray#name()}
     */
    public static NpyArray parse(byte[] bytes, String name) throws NpyFormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw new NpyFormatException(name + ": not a .npy array (no \\x93NUMPY magic at the start)");
        }
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        int headerStart;
        long headerLength;
        if (major == 1) {
            headerLength = in.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new NpyFormatException(name + ": truncated .npy header");
            }
            headerLength = in.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new NpyFormatException(name + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new NpyFormatException(name + ": header of " + headerLength + " bytes runs past the end of the "
                    + bytes.length + "-byte array");
        }
        // Versions 1 and 2 store the header in latin-1, version 3 in UTF-8.
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = HeaderParser.parse(header, name);
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeValue = dict.get("shape");
        if (!(descr instanceof String d)) {
            throw new NpyFormatException(name + ": header 'descr' is " + (descr == null ? "missing" : descr)
                    + "; structured arrays are not supported, only a plain element type like '<f8'");
        }
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw new NpyFormatException(name + ": header has no True/False 'fortran_order'");
        }
        if (!(shapeValue instanceof int[] shape)) {
            throw new NpyFormatException(name + ": header has no 'shape' tuple");
        }
        return decode(in, headerStart + (int) headerLength, d, fortranOrder, shape, name);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static NpyArray decode(ByteBuffer in, int offset, String descr, boolean fortranOrder, int[] shape, String name)
            throws NpyFormatException {
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new NpyFormatException(name + ": negative dimension in shape");
            }
            count *= d;
        }
        NpyArray.DType dtype;
        int itemSize;
        int chars = 0;
        switch (descr) {
            case "<f8" -> {
                dtype = NpyArray.DType.FLOAT64;
                itemSize = 8;
            }
            case "<f4" -> {
                dtype = NpyArray.DType.FLOAT32;
                itemSize = 4;
            }
            case "<i8" -> {
                dtype = NpyArray.DType.INT64;
                itemSize = 8;
            }
            case "<i4" -> {
                dtype = NpyArray.DType.INT32;
                itemSize = 4;
            }
            default -> {
                if (descr.matches("<U[0-9]+")) {
                    dtype = NpyArray.DType.UNICODE;
                    chars = Integer.parseInt(descr.substring(2));
                    itemSize = 4 * chars;
                } else {
                    throw new NpyFormatException(name + ": element type '" + descr + "' is not supported; "
                            + unsupportedReason(descr) + " (supported: <f8, <f4, <i8, <i4, <U<n>)");
                }
            }
        }
        long expected = count * itemSize;
        long available = in.capacity() - offset;
        if (available != expected) {
            throw new NpyFormatException(name + ": shape " + java.util.Arrays.toString(shape) + " of " + descr + " needs "
                    + expected + " data bytes, the file has " + available + (available < expected ? " (truncated)" : ""));
        }
        int n = (int) count;
        int[] order = fortranOrder ? fortranToC(shape) : null;
        switch (dtype) {
            case FLOAT64, FLOAT32 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    int at = offset + i * itemSize;
                    v[order == null ? i : order[i]] = dtype == NpyArray.DType.FLOAT64 ? in.getDouble(at) : in.getFloat(at);
                }
                return NpyArray.ofDoubles(name, dtype, shape, v);
            }
            case INT64, INT32 -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    int at = offset + i * itemSize;
                    v[order == null ? i : order[i]] = dtype == NpyArray.DType.INT64 ? in.getLong(at) : in.getInt(at);
                }
                return NpyArray.ofLongs(name, dtype, shape, v);
            }
            default -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[order == null ? i : order[i]] = utf32(in, offset + i * itemSize, chars, name, i);
                }
                return NpyArray.ofStrings(name, shape, v);
            }
        }
    }

    private static String unsupportedReason(String descr) {
        if (descr.startsWith("|O")) {
            return "object arrays hold pickled Python objects, which this reader never unpickles";
        }
        if (descr.startsWith(">")) {
            return "big-endian data; re-save it little-endian with numpy (arr.astype(arr.dtype.newbyteorder('<')))";
        }
        return "convert the array to float64, float32, int64, int32 or a unicode string type with numpy";
    }

    /** One fixed-width UTF-32LE element; NumPy pads short strings with NUL code points at the end. */
    private static String utf32(ByteBuffer in, int at, int chars, String name, int element) throws NpyFormatException {
        StringBuilder s = new StringBuilder(chars);
        int end = chars;
        while (end > 0 && in.getInt(at + 4 * (end - 1)) == 0) {
            end--;
        }
        for (int c = 0; c < end; c++) {
            int cp = in.getInt(at + 4 * c);
            if (!Character.isValidCodePoint(cp)) {
                throw new NpyFormatException(name + ": element " + element + " holds invalid code point 0x"
                        + Integer.toHexString(cp));
            }
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    /** For each element in Fortran (column-major) storage order, its index in C order. */
    private static int[] fortranToC(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        int[] map = new int[n];
        int[] index = new int[shape.length];
        for (int f = 0; f < n; f++) {
            int c = 0;
            for (int d = 0; d < shape.length; d++) {
                c = c * shape[d] + index[d];
            }
            map[f] = c;
            // Fortran order: the first index varies fastest.
            for (int d = 0; d < shape.length; d++) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return map;
    }

    /** The subset of Python literal syntax NumPy writes in headers: a dict of strings, booleans and int tuples. */
    private static final class HeaderParser {
        private final String s;
        private final String name;
        private int pos;

        private HeaderParser(String s, String name) {
            this.s = s;
            this.name = name;
        }

        static Map<String, Object> parse(String header, String name) throws NpyFormatException {
            HeaderParser p = new HeaderParser(header, name);
            Map<String, Object> dict = p.dict();
            p.skipSpace();
            if (p.pos != header.length()) {
                throw p.error("unexpected text after the header dict");
            }
            return dict;
        }

        private Map<String, Object> dict() throws NpyFormatException {
            expect('{');
            Map<String, Object> out = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return out;
                }
                String key = string();
                skipSpace();
                expect(':');
                out.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private Object value() throws NpyFormatException {
            skipSpace();
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '[') {
                // A list descr describes a structured array; skip it so the caller can say so.
                int depth = 0;
                do {
                    char x = peek();
                    depth += x == '[' ? 1 : x == ']' ? -1 : 0;
                    pos++;
                } while (depth > 0);
                return List.of();
            }
            throw error("unsupported value");
        }

        private int[] tuple() throws NpyFormatException {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    return dims.stream().mapToInt(Integer::intValue).toArray();
                }
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a dimension");
                }
                long dim = Long.parseLong(s.substring(start, pos));
                if (dim > Integer.MAX_VALUE) {
                    throw error("dimension " + dim + " is too large");
                }
                dims.add((int) dim);
                if (pos < s.length() && s.charAt(pos) == 'L') {
                    pos++; // Python 2 long literal
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')'");
                }
            }
        }

        private String string() throws NpyFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = s.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String out = s.substring(pos + 1, end);
            pos = end + 1;
            return out;
        }

        private void expect(char c) throws NpyFormatException {
            skipSpace();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() throws NpyFormatException {
            if (pos >= s.length()) {
                throw error("header ends early");
            }
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private NpyFormatException error(String what) {
            return new NpyFormatException(name + ": bad .npy header at character " + pos + ": " + what + " in "
                    + s.strip());
        }
    }
}
