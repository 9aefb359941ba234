package io.anim3d.render.scene;

import io.anim3d.motion.Vec3;

/**
 * Colours of the pixels behind the character: each pixel's ray is intersected with the floor
 * (y = {@code floorY}) or, for the studio, with a cyclorama whose floor curves up into a wall
 * behind the camera's target. Pixels that reach the background colour are written as exactly
 * {@link RenderStyle#backgroundRgb()} (not through the sRGB tables, which would round it).
 *
 * <p>Shares no mutable state: bands paint their rows concurrently.
 */
final class BackdropPainter {
    /** GROUND: the floor keeps its tint up to this distance from the target's foot point, metres... */
    private static final double FADE_START = 3.0;
    /** ... and has faded into the background colour from this distance on. */
    private static final double FADE_END = 12.0;
    /** STUDIO: the floor starts curving up this far behind the target, metres... */
    private static final double CYC_START = 2.0;
    /** ... along a quarter circle of this radius into a vertical wall. */
    private static final double CYC_RADIUS = 1.2;
    /** STUDIO: height on the curve and wall at which the tint has become the background colour, metres. */
    private static final double WALL_FADE = 2.6;

    private final RenderStyle style;
    private final double floorY;
    private final int bgArgb;
    private final double[] bg = new double[3];
    private final double[] floor = new double[3];

    BackdropPainter(RenderStyle style, double floorY) {
        this.style = style;
        this.floorY = floorY;
        int rgb = style.backgroundRgb();
        bgArgb = 0xFF000000 | rgb;
        for (int c = 0; c < 3; c++) {
            bg[c] = Srgb.decode(((rgb >> (16 - 8 * c)) & 0xFF) / 255.0);
        }
        double luminance = 0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2];
        for (int c = 0; c < 3; c++) {
            // Darker than a light background, lighter than a near-black one: a shadow stays visible on both.
            floor[c] = 0.8 * bg[c] + 0.03 * (1 - luminance);
        }
    }

    int backgroundArgb() {
        return bgArgb;
    }

    /** Whether the camera sees the top of the floor (it is above it). */
    boolean floorVisible(View view) {
        return view.eye.y() > floorY;
    }

    /**
     * Paints pixels x0..x1 (inclusive) of row {@code py} into {@code out} at {@code offset + x}.
     *
     * @param shadow darkness on the floor, or null for none
     */
    void paintRow(View view, int py, int x0, int x1, int[] out, int offset, GroundShadow shadow) {
        if (!floorVisible(view)) {
            java.util.Arrays.fill(out, offset + x0, offset + x1 + 1, bgArgb);
            return;
        }
        Vec3 target = view.camera.target();
        double cx = target.x(), cz = target.z();
        double ex = view.eye.x(), ey = view.eye.y() - floorY, ez = view.eye.z();
        double y = py + 0.5;
        double rx = view.d0.x() + y * view.dy.x(), ry = view.d0.y() + y * view.dy.y(), rz = view.d0.z() + y * view.dy.z();
        boolean studio = style.backdrop() == RenderStyle.Backdrop.STUDIO;
        // The ray's height component is linear along the row: a row that rises at both ends is all sky.
        if (!studio && ry + (x0 + 0.5) * view.dx.y() >= 0 && ry + (x1 + 0.5) * view.dx.y() >= 0) {
            java.util.Arrays.fill(out, offset + x0, offset + x1 + 1, bgArgb);
            return;
        }
        double hx = view.heading.x(), hz = view.heading.z();
        double se = (ex - cx) * hx + (ez - cz) * hz;
        for (int px = x0; px <= x1; px++) {
            double x = px + 0.5;
            double dxw = rx + x * view.dx.x(), dyw = ry + x * view.dx.y(), dzw = rz + x * view.dx.z();
            int argb = bgArgb;
            if (studio) {
                argb = studio(ex, ey, ez, se, dxw, dyw, dzw, hx, hz, shadow);
            } else if (dyw < 0) {
                double t = -ey / dyw;
                double gx = ex + t * dxw, gz = ez + t * dzw;
                double d = Math.sqrt((gx - cx) * (gx - cx) + (gz - cz) * (gz - cz));
                if (d < FADE_END) {
                    double fade = smoothstep(FADE_START, FADE_END, d);
                    double lit = shadow == null ? 1 : 1 - shadow.darknessAt(gx, gz);
                    argb = mix(lit, fade);
                }
            }
            out[offset + px] = argb;
        }
    }

    /** Floor tint × {@code lit}, faded by {@code toBackground} (0 floor, 1 background) into the background. */
    private int mix(double lit, double toBackground) {
        double r = floor[0] * lit, g = floor[1] * lit, b = floor[2] * lit;
        return Srgb.toArgb(r + (bg[0] - r) * toBackground, g + (bg[1] - g) * toBackground, b + (bg[2] - b) * toBackground);
    }

    /**
     * The cyclorama in the vertical plane of the camera's heading: s along the heading from the
     * target, height above the floor; it extends sideways without end.
     */
    private int studio(double ex, double ey, double ez, double se, double dx, double dy, double dz, double hx, double hz,
                       GroundShadow shadow) {
        double ds = dx * hx + dz * hz;
        if (dy < 0) {
            double t = -ey / dy;
            if (se + t * ds <= CYC_START) {
                double lit = shadow == null ? 1 : 1 - shadow.darknessAt(ex + t * dx, ez + t * dz);
                return mix(lit, 0);
            }
        }
        double wall = CYC_START + CYC_RADIUS;
        if (ds > 0) {
            double t = (wall - se) / ds;
            double h = ey + t * dy;
            if (h >= CYC_RADIUS) {
                return wallColour(h);
            }
        }
        // The quarter circle centred (CYC_START, CYC_RADIUS): the nearest crossing on its lower back quarter.
        double os = se - CYC_START, oy = ey - CYC_RADIUS;
        double qa = ds * ds + dy * dy;
        double qb = 2 * (ds * os + dy * oy);
        double qc = os * os + oy * oy - CYC_RADIUS * CYC_RADIUS;
        double disc = qb * qb - 4 * qa * qc;
        if (qa > 0 && disc >= 0) {
            double root = Math.sqrt(disc);
            for (int k = 0; k < 2; k++) {
                double t = (-qb + (k == 0 ? -root : root)) / (2 * qa);
                double s = os + t * ds;
                double h = ey + t * dy;
                if (t > 0 && s >= 0 && h <= CYC_RADIUS) {
                    return wallColour(h);
                }
            }
        }
        return bgArgb;
    }

    private int wallColour(double height) {
        if (height >= WALL_FADE) {
            return bgArgb;
        }
        return mix(1, smoothstep(0, WALL_FADE, height));
    }

    private static double smoothstep(double from, double to, double x) {
        double t = (x - from) / (to - from);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        return t * t * (3 - 2 * t);
    }
}
