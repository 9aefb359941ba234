package io.anim3d.formats.character;

import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed tube lofted through cross-sections along one straight axis (every stock body part is
 * straight in the T-pose): rings of superellipses, joined by quads and closed at both ends by a
 * rounded cap. All rings share the same vertex count, so vertices line up along the tube and
 * each ring can carry the skin of its place on the bone chain.
 */
final class Tube {
    /**
     * One cross-section.
     *
     * @param center   metres
     * @param ru       half-extent along the tube's u axis, metres
     * @param rv       half-extent along v = axis × u, metres
     * @param exponent 2 for an ellipse; larger is boxier (a rounded rectangle)
     * @param skin     the influences of this ring's vertices
     */
    record Ring(Vec3 center, double ru, double rv, double exponent, Skin skin) {
        static Ring ellipse(Vec3 center, double ru, double rv, Skin skin) {
            return new Ring(center, ru, rv, 2, skin);
        }
    }

    /** Per-vertex override of a ring's skin, e.g. to blend the chest into the shoulders. */
    @FunctionalInterface
    interface SkinField {
        Skin at(Ring ring, Vec3 position);
    }

    private Tube() {
    }

    /**
     * @param axis     the direction the rings advance along (unit)
     * @param u        the direction of each ring's first vertex (made perpendicular to axis)
     * @param sides    vertices per ring (plus a repeated seam vertex for the UVs)
     * @param startCap length of the rounded cap before the first ring, metres
     * @param endCap   length of the rounded cap after the last ring, metres
     */
    static void add(MeshBuilder mb, List<Ring> rings, Vec3 axis, Vec3 u, int sides, double startCap, double endCap,
                    SkinField field) {
        Vec3 d = axis.normalized(Vec3.Y);
        Vec3 uu = u.perpendicularTo(d).normalized(Vec3.X);
        Vec3 vv = d.cross(uu);
        List<Ring> all = new ArrayList<>();
        // A cap is one shrunken ring and a pole: enough to read as rounded at this resolution.
        Ring first = rings.get(0);
        Ring last = rings.get(rings.size() - 1);
        all.add(new Ring(first.center().minus(d.times(0.6 * startCap)), first.ru() * 0.8, first.rv() * 0.8,
                first.exponent(), first.skin()));
        all.addAll(rings);
        all.add(new Ring(last.center().plus(d.times(0.6 * endCap)), last.ru() * 0.8, last.rv() * 0.8,
                last.exponent(), last.skin()));
        int total = all.size() + 2;
        int startPole = mb.vertex(first.center().minus(d.times(startCap)), 0.5, 0,
                field.at(first, first.center().minus(d.times(startCap))));
        int[] ringStart = new int[all.size()];
        for (int r = 0; r < all.size(); r++) {
            Ring ring = all.get(r);
            ringStart[r] = mb.vertexCount();
            for (int k = 0; k <= sides; k++) {
                double a = 2 * Math.PI * (k % sides) / sides;
                Vec3 p = ring.center().plus(uu.times(ring.ru() * superPow(Math.cos(a), ring.exponent())))
                        .plus(vv.times(ring.rv() * superPow(Math.sin(a), ring.exponent())));
                mb.vertex(p, (double) k / sides, (r + 1.0) / (total - 1), field.at(ring, p));
            }
        }
        int endPole = mb.vertex(last.center().plus(d.times(endCap)), 0.5, 1,
                field.at(last, last.center().plus(d.times(endCap))));
        for (int k = 0; k < sides; k++) {
            mb.triangle(startPole, ringStart[0] + k + 1, ringStart[0] + k);
            for (int r = 0; r + 1 < all.size(); r++) {
                int a = ringStart[r] + k, b = ringStart[r] + k + 1, c = ringStart[r + 1] + k + 1, e = ringStart[r + 1] + k;
                mb.triangle(a, b, c);
                mb.triangle(a, c, e);
            }
            int l = ringStart[all.size() - 1];
            mb.triangle(l + k, l + k + 1, endPole);
        }
    }

    /** Tubes whose rings keep the skin they were given. */
    static void add(MeshBuilder mb, List<Ring> rings, Vec3 axis, Vec3 u, int sides, double startCap, double endCap) {
        add(mb, rings, axis, u, sides, startCap, endCap, (ring, p) -> ring.skin());
    }

    /** sign(c)·|c|^(2/exponent): the superellipse's coordinate for a circle's cos or sin. */
    private static double superPow(double c, double exponent) {
        return Math.signum(c) * Math.pow(Math.abs(c), 2 / exponent);
    }
}
