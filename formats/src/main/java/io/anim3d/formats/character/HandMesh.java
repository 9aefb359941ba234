package io.anim3d.formats.character;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands: a flat palm from inside the sleeve to the knuckles, and five fingers of three segments
 * lofted along the finger joints (1 → 4) with a ring at each joint, so each knuckle bends.
 */
final class HandMesh {
    private static final int PALM_SIDES = 14;
    private static final int FINGER_SIDES = 6;

    private HandMesh() {
    }

    static void build(StockRig rig, MeshBuilder mb) {
        for (int side = 0; side < 2; side++) {
            palm(rig, mb, side);
            for (String finger : Humanoid.FINGERS) {
                finger(rig, mb, side, finger);
            }
        }
    }

    private static void palm(StockRig rig, MeshBuilder mb, int side) {
        double b = rig.body;
        double g = Math.sqrt(rig.type.limbGirth());
        double sx = side == 0 ? 1 : -1;
        Vec3 hand = rig.at(Humanoid.hand(side));
        double foreToHand = hand.distance(rig.at(Humanoid.foreArm(side)));
        int[] chain = {rig.joint(Humanoid.foreArm(side)), rig.joint(Humanoid.hand(side))};
        double[] at = {-foreToHand, 0};
        double[] bands = {0, BodyMesh.armBands(b)[3]};
        // {distance from the wrist along the hand, half width (z), half thickness (y)}
        double[][] rings = {{-0.015, 0.027, 0.020}, {0.010, 0.035, 0.018}, {0.050, 0.043, 0.016}, {0.080, 0.042, 0.0135}};
        List<Tube.Ring> list = new ArrayList<>();
        for (double[] r : rings) {
            Vec3 c = hand.plus(new Vec3(sx * r[0] * b, -0.003 * b, -0.005 * b));
            list.add(new Tube.Ring(c, r[1] * b * g, r[2] * b * g, 3, Skin.chain(chain, at, bands, r[0] * b)));
        }
        Tube.add(mb, list, new Vec3(sx, 0, 0), Vec3.Z, PALM_SIDES, 0.01 * b, 0.014 * b);
    }

    private static void finger(StockRig rig, MeshBuilder mb, int side, String finger) {
        double b = rig.body;
        double r = b * Math.sqrt(rig.type.limbGirth()) * switch (finger) {
            case "Thumb" -> 0.0125;
            case "Index" -> 0.0093;
            case "Middle" -> 0.0096;
            case "Ring" -> 0.0090;
            default -> 0.0078;
        };
        Vec3[] p = new Vec3[5];
        int[] chain = new int[4];
        chain[0] = rig.joint(Humanoid.hand(side));
        for (int s = 1; s <= 4; s++) {
            p[s] = rig.at(Humanoid.finger(side, finger, s));
            if (s < 4) {
                chain[s] = rig.joint(Humanoid.finger(side, finger, s));
            }
        }
        double l1 = p[2].distance(p[1]);
        double l2 = p[3].distance(p[2]);
        double l3 = p[4].distance(p[3]);
        double[] at = {-1, 0, l1, l1 + l2};
        double[] bands = {0, 0.010 * b, 0.007 * b, 0.006 * b};
        Vec3 dir = p[4].minus(p[1]).normalized();
        double start = finger.equals("Thumb") ? -0.028 * b : -0.018 * b;
        // {distance from joint 1 along the finger, radius factor}
        double taper = finger.equals("Thumb") ? 0.9 : 1; // the thumb is thick at its root and thins fast
        double[][] rings = {{start, 1}, {0, 1}, {l1 * 0.5, 0.95 * taper}, {l1, 0.9 * taper}, {l1 + l2 * 0.5, 0.88 * taper},
            {l1 + l2, 0.84 * taper},
            {l1 + l2 + l3 * 0.45, 0.8}, {l1 + l2 + l3 - 0.005 * b, 0.75}};
        List<Tube.Ring> list = new ArrayList<>();
        for (double[] ring : rings) {
            list.add(Tube.Ring.ellipse(p[1].plus(dir.times(ring[0])), r * ring[1] * 0.85, r * ring[1],
                    Skin.chain(chain, at, bands, ring[0])));
        }
        Tube.add(mb, list, dir, Vec3.Y, FINGER_SIDES, 0.004 * b, 0.6 * r);
    }
}
