package io.anim3d.render.overlay;

/**
 * Anti-aliased shapes blended into a packed RGB24 frame. Each pixel's coverage is estimated from
 * the distance between its centre and the shape's edge ({@code clamp(edge + 0.5 - distance)}),
 * which is exact for straight edges and close for curves a few pixels wide; only the pixels near
 * a shape are visited, so cost grows with the shape's area, not the frame's.
 *
 * <p>Coordinates are pixels with the origin at the top-left corner of the top-left pixel (its
 * centre is at 0.5, 0.5). Colours are {@code 0xRRGGBB}. Not thread-safe; one per frame.
 */
final class CoverageRaster {
    private final byte[] rgb;
    private final int width;
    private final int height;

    CoverageRaster(byte[] rgb, int width, int height) {
        this.rgb = rgb;
        this.width = width;
        this.height = height;
    }

    /** A line from (x0, y0) to (x1, y1) with round caps, {@code radius} pixels either side of its axis. */
    void capsule(double x0, double y0, double x1, double y1, double radius, int colour, double alpha) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = Math.sqrt(dx * dx + dy * dy);
        if (length < 1e-9) {
            disk(x0, y0, radius, colour, alpha);
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        double reach = radius + 0.5;
        int rowFrom = Math.max(0, (int) Math.floor(Math.min(y0, y1) - reach));
        int rowTo = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + reach));
        double invLengthSq = 1.0 / (length * length);
        for (int py = rowFrom; py <= rowTo; py++) {
            double yc = py + 0.5;
            double[] span = {Double.MAX_VALUE, -Double.MAX_VALUE};
            circleSpan(x0, y0, reach, yc, span);
            circleSpan(x1, y1, reach, yc, span);
            bodySpan(x0, y0, ux, uy, length, reach, yc, span);
            int colFrom = Math.max(0, (int) Math.floor(span[0]));
            int colTo = Math.min(width - 1, (int) Math.ceil(span[1]));
            for (int px = colFrom; px <= colTo; px++) {
                double xc = px + 0.5;
                double t = ((xc - x0) * dx + (yc - y0) * dy) * invLengthSq;
                t = t < 0 ? 0 : (t > 1 ? 1 : t);
                double ex = xc - (x0 + t * dx);
                double ey = yc - (y0 + t * dy);
                double distance = Math.sqrt(ex * ex + ey * ey);
                blend(px, py, colour, alpha * clamp01(radius + 0.5 - distance));
            }
        }
    }

    /** A filled circle of {@code radius} pixels. */
    void disk(double cx, double cy, double radius, int colour, double alpha) {
        annulus(cx, cy, 0, radius, colour, alpha);
    }

    /** The area between circles of {@code inner} and {@code outer} pixels radius (inner 0 = a disk). */
    void annulus(double cx, double cy, double inner, double outer, int colour, double alpha) {
        double reach = outer + 0.5;
        int rowFrom = Math.max(0, (int) Math.floor(cy - reach));
        int rowTo = Math.min(height - 1, (int) Math.ceil(cy + reach));
        for (int py = rowFrom; py <= rowTo; py++) {
            double yc = py + 0.5;
            double[] span = {Double.MAX_VALUE, -Double.MAX_VALUE};
            circleSpan(cx, cy, reach, yc, span);
            int colFrom = Math.max(0, (int) Math.floor(span[0]));
            int colTo = Math.min(width - 1, (int) Math.ceil(span[1]));
            for (int px = colFrom; px <= colTo; px++) {
                double ex = px + 0.5 - cx;
                double distance = Math.sqrt(ex * ex + (yc - cy) * (yc - cy));
                double coverage = outer + 0.5 - distance;
                if (inner > 0) {
                    coverage = Math.min(coverage, distance - inner + 0.5);
                }
                blend(px, py, colour, alpha * clamp01(coverage));
            }
        }
    }

    /** Widens {@code span} by the chord of the circle at row centre {@code yc}. */
    private static void circleSpan(double cx, double cy, double r, double yc, double[] span) {
        double dy = yc - cy;
        if (Math.abs(dy) > r) {
            return;
        }
        double half = Math.sqrt(r * r - dy * dy);
        span[0] = Math.min(span[0], cx - half);
        span[1] = Math.max(span[1], cx + half);
    }

    /**
     * Widens {@code span} by the row's intersection with the rectangle around the segment: points
     * whose projection on the axis lies in [0, length] and whose distance from it is at most r.
     */
    private static void bodySpan(double x0, double y0, double ux, double uy, double length, double r, double yc,
            double[] span) {
        double oy = yc - y0;
        // along(x) = (x - x0)·ux + oy·uy in [0, length];  across(x) = -(x - x0)·uy + oy·ux in [-r, r]
        double[] along = slab(ux, oy * uy, 0, length);
        double[] across = slab(-uy, oy * ux, -r, r);
        if (along == null || across == null) {
            return;
        }
        double from = Math.max(along[0], across[0]);
        double to = Math.min(along[1], across[1]);
        if (from <= to) {
            span[0] = Math.min(span[0], x0 + from);
            span[1] = Math.max(span[1], x0 + to);
        }
    }

    /** Solutions of {@code lo <= slope·s + offset <= hi} for s, or null when there are none. */
    private static double[] slab(double slope, double offset, double lo, double hi) {
        if (Math.abs(slope) < 1e-12) {
            return offset >= lo && offset <= hi ? new double[] {-Double.MAX_VALUE / 4, Double.MAX_VALUE / 4} : null;
        }
        double a = (lo - offset) / slope;
        double b = (hi - offset) / slope;
        return a < b ? new double[] {a, b} : new double[] {b, a};
    }

    private static double clamp01(double v) {
        return v <= 0 ? 0 : (v >= 1 ? 1 : v);
    }

    /** dst = dst + (colour - dst)·alpha, in 8-bit fixed point so every run gives the same bytes. */
    private void blend(int px, int py, int colour, double alpha) {
        int a = (int) (alpha * 256 + 0.5);
        if (a <= 0) {
            return;
        }
        int i = (py * width + px) * 3;
        int keep = 256 - a;
        rgb[i] = (byte) (((rgb[i] & 0xff) * keep + ((colour >> 16) & 0xff) * a + 128) >> 8);
        rgb[i + 1] = (byte) (((rgb[i + 1] & 0xff) * keep + ((colour >> 8) & 0xff) * a + 128) >> 8);
        rgb[i + 2] = (byte) (((rgb[i + 2] & 0xff) * keep + (colour & 0xff) * a + 128) >> 8);
    }
}
