package io.anim3d.render.video;

/**
 * Scales packed RGB24 pictures by area averaging: each output pixel is the mean of the source
 * area it covers, partly covered source pixels counting by their covered fraction. Unlike
 * bilinear sampling this does not alias when shrinking by more than 2 (a 4K or portrait
 * 1080×1920 input shrinks 2 to 3.2 times into its half), and it leaves a same-size picture
 * untouched. Enlarging (only for inputs under 2 pixels, or half a pixel of rounding) repeats
 * source pixels.
 *
 * <p>Integer arithmetic only (weights in 1/{@value #ONE}), so the output is the same on every
 * machine. The scaler is made for one source and target size; it keeps its intermediate buffer,
 * so one instance serves one thread.
 */
final class AreaScaler {
    /** Weight of a whole source pixel: 14 bits, so 255 × weight × 256 still fits an int. */
    private static final int SHIFT = 14;
    private static final int ONE = 1 << SHIFT;
    /** The horizontal pass keeps 8 fractional bits for the vertical one. */
    private static final int MID_SHIFT = SHIFT - 8;

    private final int srcWidth;
    private final int srcHeight;
    private final int dstWidth;
    private final int dstHeight;
    private final Taps columns;
    private final Taps rows;
    /** Horizontal pass result: srcHeight rows × dstWidth × 3, values × 256. */
    private final int[] mid;

    AreaScaler(int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        if (srcWidth < 1 || srcHeight < 1 || dstWidth < 1 || dstHeight < 1) {
            throw new IllegalArgumentException("scaling " + srcWidth + "x" + srcHeight + " to " + dstWidth + "x"
                    + dstHeight + ": sizes must be at least 1x1");
        }
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.dstWidth = dstWidth;
        this.dstHeight = dstHeight;
        this.columns = Taps.of(srcWidth, dstWidth);
        this.rows = Taps.of(srcHeight, dstHeight);
        this.mid = srcWidth == dstWidth && srcHeight == dstHeight ? null : new int[srcHeight * dstWidth * 3];
    }

    /**
     * Scales {@code src} into a {@code dstWidth}x{@code dstHeight} rectangle of {@code dst}.
     *
     * @param src       srcWidth*srcHeight*3 bytes, rows top to bottom
     * @param dst       the target picture, packed RGB24
     * @param dstStride bytes per row of {@code dst}
     * @param dstOffset byte index of the rectangle's top-left pixel in {@code dst}
     */
    void scale(byte[] src, byte[] dst, int dstStride, int dstOffset) {
        if (src.length != srcWidth * srcHeight * 3) {
            throw new IllegalArgumentException("source picture must hold " + srcWidth + "x" + srcHeight
                    + "x3 bytes, got " + src.length);
        }
        if (mid == null) {
            for (int y = 0; y < srcHeight; y++) {
                System.arraycopy(src, y * srcWidth * 3, dst, dstOffset + y * dstStride, srcWidth * 3);
            }
            return;
        }
        horizontal(src);
        vertical(dst, dstStride, dstOffset);
    }

    private void horizontal(byte[] src) {
        int[] first = columns.first;
        int[] count = columns.count;
        int[] weight = columns.weight;
        int[] start = columns.start;
        int round = 1 << (MID_SHIFT - 1);
        for (int y = 0; y < srcHeight; y++) {
            int srcRow = y * srcWidth * 3;
            int midRow = y * dstWidth * 3;
            for (int x = 0; x < dstWidth; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int s = srcRow + first[x] * 3;
                for (int k = start[x], end = start[x] + count[x]; k < end; k++, s += 3) {
                    int w = weight[k];
                    r += (src[s] & 0xff) * w;
                    g += (src[s + 1] & 0xff) * w;
                    b += (src[s + 2] & 0xff) * w;
                }
                int m = midRow + x * 3;
                mid[m] = (r + round) >> MID_SHIFT;
                mid[m + 1] = (g + round) >> MID_SHIFT;
                mid[m + 2] = (b + round) >> MID_SHIFT;
            }
        }
    }

    private void vertical(byte[] dst, int dstStride, int dstOffset) {
        int rowBytes = dstWidth * 3;
        int shift = SHIFT + 8;
        int round = 1 << (shift - 1);
        for (int y = 0; y < dstHeight; y++) {
            int out = dstOffset + y * dstStride;
            int firstRow = rows.first[y];
            int start = rows.start[y];
            int count = rows.count[y];
            for (int i = 0; i < rowBytes; i++) {
                int sum = 0;
                int m = firstRow * rowBytes + i;
                for (int k = start; k < start + count; k++, m += rowBytes) {
                    sum += mid[m] * rows.weight[k];
                }
                dst[out + i] = (byte) Math.min(255, (sum + round) >> shift);
            }
        }
    }

    /**
     * For each output index along one axis: the first source index it covers, how many it
     * covers, and their weights (summing to {@link #ONE}), packed into flat arrays.
     */
    private record Taps(int[] first, int[] count, int[] start, int[] weight) {
        static Taps of(int src, int dst) {
            int[] first = new int[dst];
            int[] count = new int[dst];
            int[] start = new int[dst];
            // Each output pixel covers [i*src/dst, (i+1)*src/dst) in source pixels; in units of
            // 1/dst source pixel that is [i*src, (i+1)*src), exact in long integers.
            int maxTaps = src / dst + 2;
            int[] weight = new int[dst * maxTaps];
            int next = 0;
            for (int i = 0; i < dst; i++) {
                long lo = (long) i * src;
                long hi = lo + src;
                int a = (int) (lo / dst);
                int b = (int) Math.min(src - 1, (hi - 1) / dst);
                first[i] = a;
                count[i] = b - a + 1;
                start[i] = next;
                int sum = 0;
                for (int s = a; s <= b; s++) {
                    long covered = Math.min(hi, (long) (s + 1) * dst) - Math.max(lo, (long) s * dst);
                    int w = (int) (covered * ONE / src);
                    weight[next + s - a] = w;
                    sum += w;
                }
                // Give the rounding remainder to the largest tap so every row of weights sums to ONE.
                int largest = next;
                for (int k = next; k < next + count[i]; k++) {
                    if (weight[k] > weight[largest]) {
                        largest = k;
                    }
                }
                weight[largest] += ONE - sum;
                next += count[i];
            }
            return new Taps(first, count, start, weight);
        }
    }
}
