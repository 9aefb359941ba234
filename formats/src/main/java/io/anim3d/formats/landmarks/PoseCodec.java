package io.anim3d.formats.landmarks;

import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;

/**
 * Lossless encoding of one {@link PoseObservation} as 269 float32 bit patterns, each XORed with
 * the same value of the previous pose in the stream and then split into four byte planes (most
 * significant byte first). Landmarks move little between frames, so sign, exponent and high
 * mantissa bits XOR to zero and the planes compress well; the noisy low mantissa bytes do not
 * compress, which is the price of the bit-exact round trip that reruns need.
 *
 * <p>Stateful (the previous pose): one instance per writer or reader, fed every pose in order.
 */
final class PoseCodec {
    private static final int N = PoseLandmark.COUNT;
    /** image xyz, world xyz, visibility, presence, roi. */
    static final int VALUES = 3 * N + 3 * N + N + N + 5;
    static final int BYTES = 4 * VALUES;

    private final int[] previous = new int[VALUES];
    private final int[] bits = new int[VALUES];

    void encode(PoseObservation pose, byte[] out, int offset) {
        int k = put(pose.imageLandmarks(), 0);
        k = put(pose.worldLandmarks(), k);
        k = put(pose.visibilities(), k);
        k = put(pose.presences(), k);
        Roi r = pose.roi();
        k = put(new float[] {r.xCenter(), r.yCenter(), r.width(), r.height(), r.rotation()}, k);
        for (int i = 0; i < VALUES; i++) {
            int x = bits[i] ^ previous[i];
            previous[i] = bits[i];
            out[offset + i] = (byte) (x >>> 24);
            out[offset + VALUES + i] = (byte) (x >>> 16);
            out[offset + 2 * VALUES + i] = (byte) (x >>> 8);
            out[offset + 3 * VALUES + i] = (byte) x;
        }
    }

    private int put(float[] values, int k) {
        for (float v : values) {
            bits[k++] = Float.floatToRawIntBits(v); // raw: keeps NaN payloads bit-exact
        }
        return k;
    }

    PoseObservation decode(byte[] in, int offset) {
        float[] all = new float[VALUES];
        for (int i = 0; i < VALUES; i++) {
            int x = (in[offset + i] & 0xFF) << 24 | (in[offset + VALUES + i] & 0xFF) << 16
                    | (in[offset + 2 * VALUES + i] & 0xFF) << 8 | (in[offset + 3 * VALUES + i] & 0xFF);
            previous[i] ^= x;
            all[i] = Float.intBitsToFloat(previous[i]);
        }
        int w = 3 * N;
        int v = 6 * N;
        int p = 7 * N;
        int r = 8 * N;
        return new PoseObservation(slice(all, 0, w), slice(all, w, v), slice(all, v, p), slice(all, p, r),
                new Roi(all[r], all[r + 1], all[r + 2], all[r + 3], all[r + 4]));
    }

    private static float[] slice(float[] all, int from, int to) {
        return java.util.Arrays.copyOfRange(all, from, to);
    }
}
