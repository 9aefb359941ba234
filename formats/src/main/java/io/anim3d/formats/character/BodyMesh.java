package io.anim3d.formats.character;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * The body suit: torso (crotch to the base of the neck), arms to the wrists and legs to the
 * ankles, each one lofted tube. Limb tubes start inside the torso and end inside the hands and
 * shoes, so the overlaps hide every junction without stitching. Radii are those of the standard
 * adult (metres) times the rig's body scale and the type's girth factors.
 */
final class BodyMesh {
    private static final int TORSO_SIDES = 24;
    private static final int ARM_SIDES = 14;
    private static final int LEG_SIDES = 16;

    private BodyMesh() {
    }

    static void build(StockRig rig, MeshBuilder mb) {
        torso(rig, mb);
        for (int side = 0; side < 2; side++) {
            arm(rig, mb, side);
            leg(rig, mb, side);
        }
    }

    private static void torso(StockRig rig, MeshBuilder mb) {
        BodyType t = rig.type;
        double b = rig.body;
        double upLeg = rig.at(Humanoid.upLeg(0)).y();
        double hips = rig.at(Humanoid.HIPS).y();
        double spine = rig.at(Humanoid.SPINE).y();
        double spine1 = rig.at(Humanoid.SPINE1).y();
        double spine2 = rig.at(Humanoid.SPINE2).y();
        double shoulder = rig.at(Humanoid.arm(0)).y();
        double neck = rig.at(Humanoid.NECK).y();
        double hw = t.hipWidth(), w = t.waistGirth(), c = t.chestGirth(), s = t.shoulderWidth();
        double belly = t.bellyMetres(), bust = t.bustMetres();
        // {y, half depth (z), half width (x), centre z, exponent}: a crude but readable human torso.
        double[][] rings = {
            {upLeg - 0.075 * b, 0.055 * hw, 0.080 * hw, -0.005, 2.2},
            {upLeg - 0.060 * b, 0.080 * hw, 0.135 * hw, -0.008, 2.4},
            {upLeg - 0.035 * b, 0.095 * hw, 0.160 * hw, -0.008, 2.6},
            {upLeg + 0.010 * b, 0.105 * hw + belly * 0.25, 0.172 * hw, -0.010 + belly * 0.3, 2.6},
            {hips + 0.035 * b, 0.100 * (hw + w) / 2 + belly * 0.6, 0.160 * (hw + w) / 2, -0.004 + belly * 0.7, 2.5},
            {spine + 0.045 * b, 0.095 * w + belly * 0.8, 0.143 * w, belly * 0.9, 2.4},
            {spine1 + 0.030 * b, 0.100 * (w + c) / 2 + belly * 0.5, 0.150 * (w + c) / 2, 0.004 + belly * 0.5, 2.4},
            {spine2 - 0.030 * b, 0.106 * c + bust * 0.6 + belly * 0.2, 0.160 * c, 0.010 + bust * 0.6 + belly * 0.2, 2.5},
            {spine2 + 0.030 * b, 0.110 * c + bust, 0.160 * c, 0.012 + bust * 0.8, 2.5},
            {spine2 + 0.080 * b, 0.100 * c, 0.145 * s * Math.sqrt(c), 0.002, 2.4},
            {shoulder + 0.015 * b, 0.085 * Math.sqrt(c), 0.125 * s * Math.sqrt(c), -0.006, 2.2},
            {(shoulder + neck) / 2 + 0.005 * b, 0.068, 0.100 * s, -0.010, 2.4},
            {neck, 0.042, 0.046, -0.008, 2}, // inside the neck, which rises out of the slope
        };
        int[] chain = {rig.joint(Humanoid.HIPS), rig.joint(Humanoid.SPINE), rig.joint(Humanoid.SPINE1),
            rig.joint(Humanoid.SPINE2), rig.joint(Humanoid.NECK)};
        double[] at = {hips, spine, spine1, spine2, neck};
        double[] bands = {0, 0.05 * b, 0.05 * b, 0.05 * b, 0.03 * b};
        List<Tube.Ring> list = new ArrayList<>();
        for (double[] r : rings) {
            list.add(new Tube.Ring(new Vec3(0, r[0], r[3] * b), r[1] * b, r[2] * b, r[4],
                    Skin.chain(chain, at, bands, r[0])));
        }
        int[] shoulders = {rig.joint(Humanoid.shoulder(0)), rig.joint(Humanoid.shoulder(1))};
        int[] arms = {rig.joint(Humanoid.arm(0)), rig.joint(Humanoid.arm(1))};
        int[] thighs = {rig.joint(Humanoid.upLeg(0)), rig.joint(Humanoid.upLeg(1))};
        Tube.add(mb, list, Vec3.Y, Vec3.Z, TORSO_SIDES, 0.02 * b, 0.01 * b, (ring, p) -> {
            int side = p.x() >= 0 ? 0 : 1;
            double ax = Math.abs(p.x());
            // The top corners of the chest follow the clavicles, the bottom corners the thighs.
            double toShoulder = 0.7 * Skin.smoothstep((ax - 0.07 * b) / (0.08 * b))
                    * Skin.smoothstep((p.y() - spine2) / (0.09 * b));
            // The outer top corner is the deltoid's root: it half follows the upper arm.
            double toArm = 0.5 * Skin.smoothstep((ax - 0.11 * b) / (0.05 * b))
                    * Skin.smoothstep((p.y() - spine2 - 0.04 * b) / (0.05 * b));
            double toThigh = 0.35 * Skin.smoothstep((ax - 0.02 * b) / (0.06 * b))
                    * Skin.smoothstep((upLeg + 0.02 * b - p.y()) / (0.08 * b));
            Skin base = Skin.blend(ring.skin(), Skin.of(shoulders[side]), toShoulder);
            base = Skin.blend(base, Skin.of(arms[side]), toArm);
            return Skin.blend(base, Skin.of(thighs[side]), toThigh);
        });
    }

    private static void arm(StockRig rig, MeshBuilder mb, int side) {
        double b = rig.body;
        double g = rig.type.limbGirth();
        double sx = side == 0 ? 1 : -1;
        Vec3 shoulder = rig.at(Humanoid.shoulder(side));
        double tArm = Math.abs(rig.at(Humanoid.arm(side)).x() - shoulder.x());
        double tFore = Math.abs(rig.at(Humanoid.foreArm(side)).x() - shoulder.x());
        double tHand = Math.abs(rig.at(Humanoid.hand(side)).x() - shoulder.x());
        int[] chain = {rig.joint(Humanoid.shoulder(side)), rig.joint(Humanoid.arm(side)),
            rig.joint(Humanoid.foreArm(side)), rig.joint(Humanoid.hand(side))};
        // The shoulder blend is centred a little inside the Arm joint, on the deltoid, so that a
        // lowered arm takes the top of the shoulder with it instead of leaving a shelf.
        double[] at = {0, tArm - 0.03 * b, tFore, tHand};
        double[] bands = armBands(b);
        // {distance from the shoulder joint, half depth (z), half height (y)}
        double[][] rings = {
            {0.035 * b, 0.042, 0.042},
            {tArm - 0.030 * b, 0.055, 0.058},
            {tArm + 0.020 * b, 0.052, 0.054},
            {tArm + 0.100 * b, 0.047, 0.046},
            {tFore - 0.050 * b, 0.042, 0.040},
            {tFore, 0.040, 0.037},
            {tFore + 0.050 * b, 0.043, 0.039},
            {tFore + 0.120 * b, 0.038, 0.033},
            {tHand - 0.050 * b, 0.031, 0.026},
            {tHand - 0.004 * b, 0.029, 0.023},
        };
        List<Tube.Ring> list = new ArrayList<>();
        for (double[] r : rings) {
            Vec3 c = shoulder.plus(new Vec3(sx * r[0], 0, 0));
            list.add(Tube.Ring.ellipse(c, r[1] * b * g, r[2] * b * g, Skin.chain(chain, at, bands, r[0])));
        }
        Tube.add(mb, list, new Vec3(sx, 0, 0), Vec3.Z, ARM_SIDES, 0.03 * b, 0.008 * b);
    }

    /** Blend bands at Arm, ForeArm and Hand, shared with the hands so sleeve and wrist bend alike. */
    static double[] armBands(double b) {
        return new double[] {0, 0.07 * b, 0.06 * b, 0.03 * b};
    }

    private static void leg(StockRig rig, MeshBuilder mb, int side) {
        double b = rig.body;
        double g = rig.type.limbGirth();
        Vec3 hip = rig.at(Humanoid.upLeg(side));
        double tKnee = hip.y() - rig.at(Humanoid.leg(side)).y();
        double tAnkle = hip.y() - rig.at(Humanoid.foot(side)).y();
        int[] chain = {rig.joint(Humanoid.HIPS), rig.joint(Humanoid.upLeg(side)), rig.joint(Humanoid.leg(side)),
            rig.joint(Humanoid.foot(side))};
        double[] at = {-1, 0, tKnee, tAnkle};
        double[] bands = {0, 0.05 * b, 0.06 * b, 0.04 * b};
        // {distance below the hip joint, half depth (z), half width (x), centre z}
        double[][] rings = {
            {-0.050 * b, 0.072, 0.075, 0},
            {0, 0.080, 0.083, 0.003},
            {0.100 * b, 0.078, 0.080, 0.004},
            {0.250 * b, 0.064, 0.066, 0.002},
            {tKnee - 0.060 * b, 0.055, 0.055, 0.002},
            {tKnee, 0.051, 0.052, 0.004},
            {tKnee + 0.060 * b, 0.053, 0.050, -0.006},
            {tKnee + 0.130 * b, 0.057, 0.052, -0.012},
            {tKnee + 0.260 * b, 0.043, 0.040, -0.006},
            {tAnkle - 0.070 * b, 0.036, 0.034, -0.002},
            {tAnkle - 0.020 * b, 0.034, 0.032, 0},
            {tAnkle + 0.020 * b, 0.032, 0.030, 0},
        };
        List<Tube.Ring> list = new ArrayList<>();
        for (double[] r : rings) {
            // Girth thickens the thigh fully, the shin less (fat sits on the thigh).
            double girth = r[0] < tKnee ? g : Math.sqrt(g);
            Vec3 c = new Vec3(hip.x(), hip.y() - r[0], hip.z() + r[3] * b);
            list.add(Tube.Ring.ellipse(c, r[1] * b * girth, r[2] * b * girth, Skin.chain(chain, at, bands, r[0])));
        }
        Tube.add(mb, list, new Vec3(0, -1, 0), Vec3.Z, LEG_SIDES, 0.03 * b, 0.012 * b);
    }
}
