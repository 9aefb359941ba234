package io.anim3d.server.eval;

import java.util.Arrays;

/**
 * One NumPy array: its element type, its shape and its elements in C (row-major) order.
 * Numbers are kept as {@code double} (float64, float32 widened exactly) or {@code long} (int64,
 * int32); unicode strings as Java strings. Immutable: arrays are copied on the way in and out.
 */
public final class NpyArray {
    /** The element types this reader supports, with their NumPy {@code descr} (little-endian). */
    public enum DType {
        FLOAT64("<f8"), FLOAT32("<f4"), INT64("<i8"), INT32("<i4"), UNICODE("<U");

        private final String descr;

        DType(String descr) {
            this.descr = descr;
        }

        /** NumPy's {@code descr}; for UNICODE the prefix, followed by the length in characters. */
        public String descr() {
            return descr;
        }

        boolean isFloat() {
            return this == FLOAT64 || this == FLOAT32;
        }

        boolean isInteger() {
            return this == INT64 || this == INT32;
        }
    }

    private final String name;
    private final DType dtype;
    private final int[] shape;
    private final double[] doubles;
    private final long[] longs;
    private final String[] strings;

    private NpyArray(String name, DType dtype, int[] shape, double[] doubles, long[] longs, String[] strings) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.doubles = doubles;
        this.longs = longs;
        this.strings = strings;
    }

    static NpyArray ofDoubles(String name, DType dtype, int[] shape, double[] values) {
        return new NpyArray(name, dtype, shape, values.clone(), null, null);
    }

    static NpyArray ofLongs(String name, DType dtype, int[] shape, long[] values) {
        return new NpyArray(name, dtype, shape, null, values.clone(), null);
    }

    static NpyArray ofStrings(String name, int[] shape, String[] values) {
        return new NpyArray(name, DType.UNICODE, shape, null, null, values.clone());
    }

    /** Where the array came from, e.g. {@code test_h36m_body3d.npz:S}, for messages. */
    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    /** The shape, a copy; empty for a 0-d array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (the product of the shape). */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The elements as doubles in C order, a copy; integers are converted (exactly up to 2⁵³). */
    public double[] doubles() {
        if (doubles != null) {
            return doubles.clone();
        }
        if (longs != null) {
            return Arrays.stream(longs).asDoubleStream().toArray();
        }
        throw new IllegalStateException(name + " holds " + dtype + ", not numbers");
    }

    /** The elements of an integer array in C order, a copy. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException(name + " holds " + dtype + ", not integers");
        }
        return longs.clone();
    }

    /** The elements of a unicode array in C order (trailing NUL padding removed), a copy. */
    public String[] strings() {
        if (strings == null) {
            throw new IllegalStateException(name + " holds " + dtype + ", not strings");
        }
        return strings.clone();
    }

    /** One element of a numeric array as a double. */
    public double getDouble(int... index) {
        int flat = flatIndex(index);
        if (doubles != null) {
            return doubles[flat];
        }
        if (longs != null) {
            return longs[flat];
        }
        throw new IllegalStateException(name + " holds " + dtype + ", not numbers");
    }

    /** One element of a unicode array. */
    public String getString(int... index) {
        if (strings == null) {
            throw new IllegalStateException(name + " holds " + dtype + ", not strings");
        }
        return strings[flatIndex(index)];
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(name + " has " + shape.length + " dimensions " + Arrays.toString(shape)
                    + ", got index " + Arrays.toString(index));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException(name + ": index " + Arrays.toString(index) + " outside shape "
                        + Arrays.toString(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
