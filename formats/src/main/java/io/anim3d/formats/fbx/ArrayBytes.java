package io.anim3d.formats.fbx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Conversions between Java primitive arrays and FBX's little-endian array payloads. */
final class ArrayBytes {
    private ArrayBytes() {
    }

    static byte[] ofDoubles(double[] v) {
        ByteBuffer b = le(v.length * 8L);
        b.asDoubleBuffer().put(v);
        return b.array();
    }

    static byte[] ofFloats(float[] v) {
        ByteBuffer b = le(v.length * 4L);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static byte[] ofInts(int[] v) {
        ByteBuffer b = le(v.length * 4L);
        b.asIntBuffer().put(v);
        return b.array();
    }

    static byte[] ofLongs(long[] v) {
        ByteBuffer b = le(v.length * 8L);
        b.asLongBuffer().put(v);
        return b.array();
    }

    static double[] toDoubles(byte[] bytes) {
        double[] out = new double[bytes.length / 8];
        wrap(bytes).asDoubleBuffer().get(out);
        return out;
    }

    static float[] toFloats(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        wrap(bytes).asFloatBuffer().get(out);
        return out;
    }

    static int[] toInts(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        wrap(bytes).asIntBuffer().get(out);
        return out;
    }

    static long[] toLongs(byte[] bytes) {
        long[] out = new long[bytes.length / 8];
        wrap(bytes).asLongBuffer().get(out);
        return out;
    }

    private static ByteBuffer le(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array of " + size + " bytes is too large for one FBX property");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
