package io.anim3d.formats.character;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Vec3;

/**
 * The head as a function of direction: an ellipsoid (skull top at HeadTop_End, chin below the
 * Head joint) narrowed towards the jaw, with the face carved into it as smooth radial bumps (nose,
 * eye sockets, brow ridge, lips, chin, ears). Directions are unit vectors (nx, ny, nz) from the
 * head's centre; the face looks along +Z, so face landmarks are given as (nx, ny) on the front.
 * Amounts are metres for the standard adult head, scaled by {@link #scale}.
 */
final class HeadShape {
    /** Half extents of the skull ellipsoid for the standard adult, metres. */
    private static final double AX = 0.078;
    private static final double AY = 0.116;
    private static final double AZ = 0.097;
    /** Face landmarks (nx, ny): the left eye (mirror nx for the right) and the mouth line. */
    static final double EYE_X = 0.38;
    static final double EYE_Y = 0.03;
    static final double MOUTH_Y = -0.515;

    final Vec3 center;
    final double scale;

    HeadShape(StockRig rig) {
        scale = rig.head;
        Vec3 head = rig.at(Humanoid.HEAD);
        double top = rig.at(Humanoid.HEAD_TOP).y() + StockRig.SKULL_ABOVE_HEAD_TOP * scale;
        center = new Vec3(0, top - AY * scale, head.z() + 0.012 * scale);
    }

    /** The surface point in direction n (unit), metres. */
    Vec3 surface(Vec3 n) {
        double nx = n.x(), ny = n.y(), nz = n.z();
        // Narrower at the jaw, wider over the ears (the parietal bulge), tucked in at the nape.
        double width = 1 - 0.15 * Math.pow(Math.max(0, -ny), 1.5) + 0.07 * Math.sin(Math.PI * Math.max(0, ny));
        double nape = 1 - 0.22 * Math.max(0, -nz) * Math.max(0, -ny);
        Vec3 ellipsoid = new Vec3(AX * nx * width, AY * ny, AZ * nz * nape);
        return center.plus(ellipsoid.times(scale)).plus(n.times(relief(nx, ny, nz) * scale));
    }

    /** Radial offset of the face features from the ellipsoid, metres (standard adult). */
    private static double relief(double nx, double ny, double nz) {
        double ax = Math.abs(nx);
        double front = front(nz);
        double face = 0.020 * gauss(nx / 0.085, (ny + 0.20) / 0.17) // nose bridge
                + 0.008 * gauss(nx / 0.11, (ny + 0.32) / 0.07) // nose tip
                + 0.004 * gauss((ax - 0.10) / 0.06, (ny + 0.34) / 0.05) // nostril wings
                - 0.011 * gauss((ax - EYE_X) / 0.15, (ny - EYE_Y) / 0.11) // eye sockets
                + 0.005 * gauss((ax - 0.30) / 0.25, (ny - 0.21) / 0.06) // brow ridge
                + 0.004 * gauss((ax - 0.50) / 0.15, (ny + 0.20) / 0.12) // cheekbones
                + 0.005 * gauss(nx / 0.20, (ny + 0.46) / 0.045) // upper lip
                + 0.0055 * gauss(nx / 0.18, (ny + 0.57) / 0.05) // lower lip
                - 0.002 * gauss(nx / 0.22, (ny - MOUTH_Y) / 0.03) // mouth line (the lips part along it)
                + 0.012 * gauss(nx / 0.30, (ny + 0.78) / 0.15); // chin
        double ears = 0.010 * gauss((ny + 0.03) / 0.17, (nz + 0.15) / 0.08) * Skin.smoothstep((ax - 0.85) / 0.12);
        return face * front + ears;
    }

    /** 0 on the back half of the head, 1 over the face. */
    static double front(double nz) {
        return Skin.smoothstep(nz / 0.35);
    }

    static double gauss(double a, double b) {
        return Math.exp(-(a * a + b * b));
    }

    /** The unit direction with the given front-face coordinates (nz ≥ 0). */
    static Vec3 frontDirection(double nx, double ny) {
        return new Vec3(nx, ny, Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny)));
    }
}
