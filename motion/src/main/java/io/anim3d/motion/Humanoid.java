package io.anim3d.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard humanoid skeleton: Mixamo-style joint names without prefix, T-pose rest with
 * zero local rotations, Y up, the character facing +Z, its left side towards +X. 65 joints,
 * end joints included ({@code HeadTop_End}, finger tips {@code *4}, {@code *Toe_End}); with
 * {@code rootAtOrigin} a static {@code Root} parents {@code Hips} (66 joints).
 *
 * <p>Default proportions are those of an adult about 1.75 m tall; the solver fits each bone to
 * the person's measured lengths with {@link Skeleton#withOffsets}.
 */
public final class Humanoid {
    public static final String ROOT = "Root";
    public static final String HIPS = "Hips";
    public static final String SPINE = "Spine";
    public static final String SPINE1 = "Spine1";
    public static final String SPINE2 = "Spine2";
    public static final String NECK = "Neck";
    public static final String HEAD = "Head";
    public static final String HEAD_TOP = "HeadTop_End";
    public static final String[] FINGERS = {"Thumb", "Index", "Middle", "Ring", "Pinky"};
    /** Sides as they prefix joint names; index 0 is left (+X), 1 is right. */
    public static final String[] SIDES = {"Left", "Right"};

    /** Number of joints without the optional Root. */
    public static final int JOINT_COUNT = 65;

    private Humanoid() {
    }

    public static String shoulder(int side) {
        return SIDES[side] + "Shoulder";
    }

    public static String arm(int side) {
        return SIDES[side] + "Arm";
    }

    public static String foreArm(int side) {
        return SIDES[side] + "ForeArm";
    }

    public static String hand(int side) {
        return SIDES[side] + "Hand";
    }

    /** Finger joint, e.g. {@code finger(0, "Index", 1)} = LeftHandIndex1; segment 4 is the tip. */
    public static String finger(int side, String finger, int segment) {
        return SIDES[side] + "Hand" + finger + segment;
    }

    public static String upLeg(int side) {
        return SIDES[side] + "UpLeg";
    }

    public static String leg(int side) {
        return SIDES[side] + "Leg";
    }

    public static String foot(int side) {
        return SIDES[side] + "Foot";
    }

    public static String toeBase(int side) {
        return SIDES[side] + "ToeBase";
    }

    public static String toeEnd(int side) {
        return SIDES[side] + "Toe_End";
    }

    /** The standard skeleton with default adult proportions. */
    public static Skeleton standard() {
        return build(false);
    }

    /** The standard skeleton, with a static {@code Root} at the origin parenting {@code Hips} when asked. */
    public static Skeleton standard(boolean rootAtOrigin) {
        return build(rootAtOrigin);
    }

    private static Skeleton build(boolean rootAtOrigin) {
        List<String> names = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Vec3> offsets = new ArrayList<>();
        Adder add = (name, parent, offset) -> {
            names.add(name);
            parents.add(parent == null ? -1 : names.indexOf(parent));
            offsets.add(offset);
        };
        if (rootAtOrigin) {
            add.add(ROOT, null, Vec3.ZERO);
        }
        add.add(HIPS, rootAtOrigin ? ROOT : null, new Vec3(0, 0.95, 0));
        add.add(SPINE, HIPS, new Vec3(0, 0.10, 0));
        add.add(SPINE1, SPINE, new Vec3(0, 0.12, 0));
        add.add(SPINE2, SPINE1, new Vec3(0, 0.12, 0));
        add.add(NECK, SPINE2, new Vec3(0, 0.16, 0));
        add.add(HEAD, NECK, new Vec3(0, 0.09, 0.01));
        add.add(HEAD_TOP, HEAD, new Vec3(0, 0.18, 0));
        for (int side = 0; side < 2; side++) {
            double sx = side == 0 ? 1 : -1;
            add.add(shoulder(side), SPINE2, new Vec3(0.05 * sx, 0.11, 0));
            add.add(arm(side), shoulder(side), new Vec3(0.13 * sx, 0, 0));
            add.add(foreArm(side), arm(side), new Vec3(0.27 * sx, 0, 0));
            add.add(hand(side), foreArm(side), new Vec3(0.25 * sx, 0, 0));
            for (String f : FINGERS) {
                Vec3 base;
                double[] lengths;
                switch (f) {
                    case "Thumb" -> {
                        base = new Vec3(0.025 * sx, -0.01, 0.025);
                        lengths = new double[] {0.035, 0.03, 0.025};
                    }
                    case "Index" -> {
                        base = new Vec3(0.09 * sx, 0.0, 0.025);
                        lengths = new double[] {0.04, 0.025, 0.02};
                    }
                    case "Middle" -> {
                        base = new Vec3(0.09 * sx, 0.0, 0.003);
                        lengths = new double[] {0.045, 0.03, 0.022};
                    }
                    case "Ring" -> {
                        base = new Vec3(0.085 * sx, 0.0, -0.017);
                        lengths = new double[] {0.04, 0.028, 0.02};
                    }
                    default -> {
                        base = new Vec3(0.077 * sx, 0.0, -0.035);
                        lengths = new double[] {0.032, 0.02, 0.018};
                    }
                }
                Vec3 dir = f.equals("Thumb") ? new Vec3(sx, 0, 1).normalized() : new Vec3(sx, 0, 0);
                add.add(finger(side, f, 1), hand(side), base);
                for (int s = 2; s <= 4; s++) {
                    add.add(finger(side, f, s), finger(side, f, s - 1), dir.times(lengths[s - 2]));
                }
            }
        }
        for (int side = 0; side < 2; side++) {
            double sx = side == 0 ? 1 : -1;
            add.add(upLeg(side), HIPS, new Vec3(0.09 * sx, -0.06, 0));
            add.add(leg(side), upLeg(side), new Vec3(0, -0.42, 0));
            add.add(foot(side), leg(side), new Vec3(0, -0.41, 0));
            add.add(toeBase(side), foot(side), new Vec3(0, -0.055, 0.13));
            add.add(toeEnd(side), toeBase(side), new Vec3(0, 0, 0.06));
        }
        int[] p = parents.stream().mapToInt(Integer::intValue).toArray();
        return new Skeleton(names, p, offsets);
    }

    @FunctionalInterface
    private interface Adder {
        void add(String name, String parent, Vec3 offset);
    }
}
