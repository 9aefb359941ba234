package io.anim3d.render;

/**
 * An exact frame rate {@code num / den} frames per second, as containers store it.
 *
 * @param num numerator, &gt; 0
 * @param den denominator, &gt; 0
 */
record Rational(int num, int den) {

    /** Largest denominator tried for rates that are neither whole nor NTSC-style. */
    private static final int MAX_DEN = 1001;

    Rational {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("rational needs num > 0 and den > 0, got " + num + "/" + den);
        }
    }

    /**
     * The simplest fraction for {@code fps} frames per second. Rates written as rounded decimals
     * of the NTSC family (29.97, 23.976, 59.94, 119.88) become {@code n·1000/1001}: a player
     * that sees 2997/100 instead drifts against 30000/1001 by one frame every ~16 minutes.
     */
    static Rational ofFrameRate(double fps) {
        if (!(fps > 0) || Double.isInfinite(fps) || fps > 1000) {
            throw new IllegalArgumentException("frame rate must be > 0 and at most 1000 fps, got " + fps);
        }
        long whole = Math.round(fps);
        if (Math.abs(fps - whole) < 1e-9) {
            return new Rational((int) whole, 1);
        }
        long ntsc = Math.round(fps * 1001 / 1000);
        // 29.97 is 30000/1001 to 1e-6 relative; 2e-5 accepts the rounded decimals users type
        // (23.976, 59.94) and nothing that is meant as another rate.
        if (Math.abs(fps - ntsc * 1000.0 / 1001) < 2e-5 * fps) {
            return new Rational((int) ntsc * 1000, 1001);
        }
        Rational best = null;
        double bestError = Double.MAX_VALUE;
        for (int den = 1; den <= MAX_DEN; den++) {
            long n = Math.round(fps * den);
            double error = Math.abs(fps - (double) n / den);
            if (n > 0 && error < bestError - 1e-12) {
                best = new Rational((int) n, den);
                bestError = error;
            }
            if (error < 1e-9 * fps) {
                break;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
