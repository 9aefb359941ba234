package io.anim3d.formats.fbx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One value in a node's property list, exactly as binary FBX stores it: every type code of FBX
 * 7.x has its own type, so reading then writing a value gives the same bytes.
 *
 * <p>Scalars are records. Strings, raw bytes and arrays keep their bytes (arrays as the
 * little-endian payload, uncompressed) so that every value, NaN payloads included, survives a
 * round trip bit for bit; they are immutable (bytes are copied on the way in and out).
 */
public sealed interface FbxProperty {

    /** The one-byte type code of this value in the file ({@code 'I'}, {@code 'd'}, ...). */
    char typeCode();

    /** {@code Y}: a signed 16-bit integer. */
    record Int16(short value) implements FbxProperty {
        @Override
        public char typeCode() {
            return 'Y';
        }
    }

    /**
     * {@code C}: a boolean stored as one byte. The byte is kept as read because files from the
     * FBX SDK sometimes store a character ({@code 'Y'}, {@code 'T'}) rather than 0/1; any
     * non-zero byte means true.
     */
    record Bool(byte raw) implements FbxProperty {
        public static Bool of(boolean value) {
            return new Bool((byte) (value ? 1 : 0));
        }

        public boolean value() {
            return raw != 0;
        }

        @Override
        public char typeCode() {
            return 'C';
        }
    }

    /** {@code I}: a signed 32-bit integer. */
    record Int32(int value) implements FbxProperty {
        @Override
        public char typeCode() {
            return 'I';
        }
    }

    /** {@code L}: a signed 64-bit integer (object UIDs, KTime values). */
    record Int64(long value) implements FbxProperty {
        @Override
        public char typeCode() {
            return 'L';
        }
    }

    /** {@code F}: a 32-bit float. Equality compares bits, so NaN equals the same NaN. */
    record Float32(float value) implements FbxProperty {
        @Override
        public char typeCode() {
            return 'F';
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Float32 f && Float.floatToRawIntBits(f.value) == Float.floatToRawIntBits(value);
        }

        @Override
        public int hashCode() {
            return Float.floatToRawIntBits(value);
        }
    }

    /** {@code D}: a 64-bit float. Equality compares bits, so NaN equals the same NaN. */
    record Float64(double value) implements FbxProperty {
        @Override
        public char typeCode() {
            return 'D';
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Float64 d && Double.doubleToRawLongBits(d.value) == Double.doubleToRawLongBits(value);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(Double.doubleToRawLongBits(value));
        }
    }

    /**
     * {@code S}: a string, stored without terminator. The bytes are kept as read (FBX does not
     * promise UTF-8; old exporters wrote Latin-1); {@link #text()} decodes them as UTF-8. Object
     * names are {@code "Name\u0000\u0001Class"}, which is plain UTF-8 too.
     */
    final class Str extends Bytes implements FbxProperty {
        public Str(byte[] bytes) {
            super(bytes);
        }

        public static Str of(String text) {
            return new Str(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The string decoded as UTF-8 (malformed bytes become U+FFFD). */
        public String text() {
            return new String(bytesView(), StandardCharsets.UTF_8);
        }

        @Override
        public char typeCode() {
            return 'S';
        }

        @Override
        public String toString() {
            return "Str[" + text().replace("\u0000\u0001", "\\x00\\x01") + "]";
        }
    }

    /** {@code R}: raw bytes (FileId, embedded textures). */
    final class Raw extends Bytes implements FbxProperty {
        public Raw(byte[] bytes) {
            super(bytes);
        }

        @Override
        public char typeCode() {
            return 'R';
        }

        @Override
        public String toString() {
            return "Raw[" + length() + " bytes]";
        }
    }

    /**
     * An array ({@code f d i l b c}) of {@link #length()} elements. Build with the typed
     * factories ({@link #doubles(double...)}, ...); read with the accessor of its element type,
     * which returns a new Java array each call.
     */
    final class Array implements FbxProperty {
        private final FbxArrayType type;
        private final int length;
        private final byte[] littleEndian;

        /** Takes ownership of {@code littleEndian}: callers pass a fresh array they never touch again. */
        private Array(FbxArrayType type, byte[] littleEndian) {
            if (littleEndian.length % type.elementBytes() != 0) {
                throw new IllegalArgumentException(type + " array payload of " + littleEndian.length
                        + " bytes is not a whole number of " + type.elementBytes() + "-byte elements");
            }
            this.type = type;
            this.length = littleEndian.length / type.elementBytes();
            this.littleEndian = littleEndian;
        }

        /**
         * An array from its uncompressed little-endian payload ({@code length × type.elementBytes()}
         * bytes, copied).
         */
        public static Array of(FbxArrayType type, byte[] littleEndian) {
            return new Array(type, littleEndian.clone());
        }

        /** Like {@link #of} without the copy, for the reader's freshly decoded payloads. */
        static Array wrap(FbxArrayType type, byte[] littleEndian) {
            return new Array(type, littleEndian);
        }

        public static Array doubles(double... values) {
            return new Array(FbxArrayType.FLOAT64, ArrayBytes.ofDoubles(values));
        }

        public static Array floats(float... values) {
            return new Array(FbxArrayType.FLOAT32, ArrayBytes.ofFloats(values));
        }

        public static Array ints(int... values) {
            return new Array(FbxArrayType.INT32, ArrayBytes.ofInts(values));
        }

        public static Array longs(long... values) {
            return new Array(FbxArrayType.INT64, ArrayBytes.ofLongs(values));
        }

        public static Array booleans(boolean... values) {
            byte[] b = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                b[i] = (byte) (values[i] ? 1 : 0);
            }
            return new Array(FbxArrayType.BOOL, b);
        }

        /** A {@code c} array: bytes with no numeric meaning. */
        public static Array bytes(byte... values) {
            return new Array(FbxArrayType.BYTE, values.clone());
        }

        public FbxArrayType type() {
            return type;
        }

        /** Number of elements. */
        public int length() {
            return length;
        }

        public double[] doubles() {
            return ArrayBytes.toDoubles(expect(FbxArrayType.FLOAT64));
        }

        public float[] floats() {
            return ArrayBytes.toFloats(expect(FbxArrayType.FLOAT32));
        }

        public int[] ints() {
            return ArrayBytes.toInts(expect(FbxArrayType.INT32));
        }

        public long[] longs() {
            return ArrayBytes.toLongs(expect(FbxArrayType.INT64));
        }

        /** A {@code b} array as booleans (any non-zero byte is true). */
        public boolean[] booleans() {
            byte[] b = expect(FbxArrayType.BOOL);
            boolean[] out = new boolean[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] != 0;
            }
            return out;
        }

        /** The uncompressed little-endian payload, whatever the element type (a copy). */
        public byte[] littleEndianBytes() {
            return littleEndian.clone();
        }

        /** The payload without copying, for the writer, which never modifies it. */
        byte[] payloadView() {
            return littleEndian;
        }

        private byte[] expect(FbxArrayType wanted) {
            if (type != wanted) {
                throw new IllegalStateException("this is a " + type + " array ('" + type.code()
                        + "'), not " + wanted + " ('" + wanted.code() + "')");
            }
            return littleEndian;
        }

        @Override
        public char typeCode() {
            return type.code();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Array a && a.type == type && Arrays.equals(a.littleEndian, littleEndian);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + Arrays.hashCode(littleEndian);
        }

        @Override
        public String toString() {
            return type + "[" + length + "]";
        }
    }

    /** Shared storage of {@link Str} and {@link Raw}: immutable bytes compared by content. */
    abstract class Bytes {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        /** The stored bytes (a copy). */
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        /** The bytes without copying, for the writer and {@link Str#text()}, which never modify them. */
        byte[] bytesView() {
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass() && Arrays.equals(((Bytes) o).bytes, bytes);
        }

        @Override
        public int hashCode() {
            return getClass().hashCode() * 31 + Arrays.hashCode(bytes);
        }
    }
}
