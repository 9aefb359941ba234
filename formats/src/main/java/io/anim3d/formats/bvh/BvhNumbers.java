package io.anim3d.formats.bvh;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Deterministic number text for BVH files: the same double always gives the same characters. */
final class BvhNumbers {
    /** Decimals of every OFFSET and channel value: 1e-6 cm and 1e-6° (≈ 2e-8 m at 1 m). */
    static final int DECIMALS = 6;
    private static final double SCALE = 1e6;
    /** Beyond this the scaled value no longer fits a long exactly; such values take the slow path. */
    private static final double FAST_LIMIT = 1e9;
    /** Significant digits of {@code Frame Time}: 1/30 s → 0.03333333333, which Blender reads as 30 fps. */
    private static final MathContext FRAME_TIME_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

    private BvhNumbers() {
    }

    /** {@code v} with exactly {@link #DECIMALS} decimals, '.' as separator, never "-0.000000". */
    static void appendFixed(StringBuilder out, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write " + v + " to a BVH file");
        }
        if (Math.abs(v) >= FAST_LIMIT) {
            String s = new BigDecimal(v).setScale(DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
            out.append(s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s);
            return;
        }
        long units = (long) Math.rint(v * SCALE);
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        out.append(units / 1_000_000L).append('.');
        String frac = Long.toString(units % 1_000_000L);
        for (int i = frac.length(); i < DECIMALS; i++) {
            out.append('0');
        }
        out.append(frac);
    }

    static String fixed(double v) {
        StringBuilder sb = new StringBuilder(16);
        appendFixed(sb, v);
        return sb.toString();
    }

    /** Seconds per frame for {@code frameRate}, 10 significant digits, no exponent, no trailing zeros. */
    static String frameTime(double frameRate) {
        return new BigDecimal(1 / frameRate).round(FRAME_TIME_DIGITS).stripTrailingZeros().toPlainString();
    }
}
