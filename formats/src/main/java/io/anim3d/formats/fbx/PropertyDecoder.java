package io.anim3d.formats.fbx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the property list of one record (see {@link PropertyEncoder} for the layout), checking
 * every length against the list's end and every array against the reader's limits.
 */
final class PropertyDecoder {
    /** Smallest property: type code + one byte (a C bool). */
    private static final int MIN_PROPERTY_BYTES = 2;
    private static final int MAX_JAVA_ARRAY = Integer.MAX_VALUE - 8;

    private final byte[] file;
    private final FbxReader.Limits limits;
    private long arrayBytes;

    PropertyDecoder(byte[] file, FbxReader.Limits limits) {
        this.file = file;
        this.limits = limits;
    }

    List<FbxProperty> decodeList(long start, long end, long count, RecordParser at) throws FbxFormatException {
        if (count > (end - start) / MIN_PROPERTY_BYTES) {
            throw at.fail("record declares " + count + " properties but its property list has only " + (end - start)
                    + " bytes", start);
        }
        List<FbxProperty> out = new ArrayList<>((int) Math.min(count, 64));
        int pos = (int) start;
        for (int i = 0; i < count; i++) {
            if (pos >= end) {
                throw at.fail("property #" + i + " of " + count + " starts at the end of the property list", pos);
            }
            char code = (char) (file[pos] & 0xFF);
            int valueAt = pos + 1;
            Decoded d = decode(code, valueAt, (int) end, i, at);
            out.add(d.value);
            pos = d.next;
        }
        if (pos != end) {
            throw at.fail("the " + count + " properties end at " + pos + " but the property list length says " + end,
                    pos);
        }
        return out;
    }

    private record Decoded(FbxProperty value, int next) {
    }

    private Decoded decode(char code, int at, int end, int index, RecordParser parser) throws FbxFormatException {
        String what = "property #" + index + " ('" + printable(code) + "')";
        switch (code) {
            case 'Y':
                need(at, 2, end, what, parser);
                return new Decoded(new FbxProperty.Int16((short) le(at, 2)), at + 2);
            case 'C':
                need(at, 1, end, what, parser);
                return new Decoded(new FbxProperty.Bool(file[at]), at + 1);
            case 'I':
                need(at, 4, end, what, parser);
                return new Decoded(new FbxProperty.Int32((int) le(at, 4)), at + 4);
            case 'F':
                need(at, 4, end, what, parser);
                return new Decoded(new FbxProperty.Float32(Float.intBitsToFloat((int) le(at, 4))), at + 4);
            case 'L':
                need(at, 8, end, what, parser);
                return new Decoded(new FbxProperty.Int64(le(at, 8)), at + 8);
            case 'D':
                need(at, 8, end, what, parser);
                return new Decoded(new FbxProperty.Float64(Double.longBitsToDouble(le(at, 8))), at + 8);
            case 'S':
            case 'R': {
                need(at, 4, end, what, parser);
                long length = le(at, 4) & 0xFFFF_FFFFL;
                need(at + 4, length, end, what, parser);
                byte[] b = Arrays.copyOfRange(file, at + 4, at + 4 + (int) length);
                FbxProperty p = code == 'S' ? new FbxProperty.Str(b) : new FbxProperty.Raw(b);
                return new Decoded(p, at + 4 + (int) length);
            }
            default:
                FbxArrayType type = FbxArrayType.forCode(code);
                if (type == null) {
                    throw parser.fail(what + " has unknown type code 0x" + Integer.toHexString(code)
                            + "; binary FBX 7.x uses Y C I F D L S R f d l i b c", at - 1);
                }
                return decodeArray(type, at, end, what, parser);
        }
    }

    private Decoded decodeArray(FbxArrayType type, int at, int end, String what, RecordParser parser)
            throws FbxFormatException {
        need(at, 12, end, what + " array header", parser);
        long count = le(at, 4) & 0xFFFF_FFFFL;
        long encoding = le(at + 4, 4) & 0xFFFF_FFFFL;
        long storedBytes = le(at + 8, 4) & 0xFFFF_FFFFL;
        int payload = at + 12;
        if (count > limits.maxArrayElements()) {
            throw parser.fail(what + " array has " + count + " elements, more than the limit of "
                    + limits.maxArrayElements(), at);
        }
        long rawBytes = count * type.elementBytes();
        if (rawBytes > MAX_JAVA_ARRAY) {
            throw parser.fail(what + " array of " + count + " elements (" + rawBytes + " bytes) is too large", at);
        }
        arrayBytes += rawBytes;
        if (arrayBytes > limits.maxTotalArrayBytes()) {
            throw parser.fail("arrays in this file add up to more than " + limits.maxTotalArrayBytes()
                    + " bytes uncompressed; the file is too large to import", at);
        }
        need(payload, storedBytes, end, what + " array payload", parser);
        byte[] data;
        if (encoding == FbxLayout.ENCODING_RAW) {
            if (storedBytes != rawBytes) {
                throw parser.fail(what + " array length mismatch: " + count + " elements need " + rawBytes
                        + " bytes but the payload has " + storedBytes, at);
            }
            data = Arrays.copyOfRange(file, payload, payload + (int) storedBytes);
        } else if (encoding == FbxLayout.ENCODING_ZLIB) {
            data = inflate(payload, (int) storedBytes, (int) rawBytes, what, parser);
        } else {
            throw parser.fail(what + " array has unknown encoding " + encoding + " (0 = raw, 1 = zlib)", at + 4);
        }
        return new Decoded(FbxProperty.Array.wrap(type, data), payload + (int) storedBytes);
    }

    /**
     * Inflates a zlib stream that must produce exactly {@code expected} bytes. The output grows
     * as data arrives, so a forged element count cannot make us allocate more than the data
     * really expands to.
     */
    private byte[] inflate(int at, int length, int expected, String what, RecordParser parser)
            throws FbxFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(file, at, length);
            byte[] out = new byte[(int) Math.min(expected, Math.max(1024L, length * 4L))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (n == expected) {
                        if (inflater.inflate(new byte[1]) > 0) {
                            throw parser.fail(what + " array length mismatch: its zlib data decompresses to more than "
                                    + "the " + expected + " bytes its element count needs", at);
                        }
                        if (inflater.finished()) {
                            break;
                        }
                        throw parser.fail(what + " array's zlib data is truncated or corrupt (no end of stream "
                                + "after " + expected + " bytes)", at);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(expected, out.length * 2L));
                }
                int k = inflater.inflate(out, n, out.length - n);
                n += k;
                if (k == 0 && !inflater.finished()) {
                    throw parser.fail(what + " array's zlib data ends early after " + n + " of " + expected
                            + " bytes (truncated or corrupt)", at);
                }
            }
            if (n != expected) {
                throw parser.fail(what + " array length mismatch: the element count needs " + expected
                        + " bytes but its zlib data decompresses to " + n, at);
            }
            return out;
        } catch (DataFormatException e) {
            throw parser.fail(what + " array has bad zlib data (" + e.getMessage() + ")", at, e);
        } finally {
            inflater.end();
        }
    }

    private void need(long at, long bytes, long end, String what, RecordParser parser) throws FbxFormatException {
        if (bytes > end - at) {
            throw parser.fail(what + " needs " + bytes + " bytes but only " + Math.max(0, end - at)
                    + " remain in the property list", at);
        }
    }

    /** Little-endian value of {@code n} bytes at {@code at} (sign comes from the caller's cast). */
    private long le(int at, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = (v << 8) | (file[at + k] & 0xFFL);
        }
        return v;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }
}
