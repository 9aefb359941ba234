package io.anim3d.motion.metrics;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Skeleton;
import java.util.Arrays;
import java.util.List;

/**
 * Which joints make up each foot, as indices into a {@link PositionTrack}'s joints. Side 0 is
 * left, 1 is right (as {@link Humanoid#SIDES} and {@link io.anim3d.motion.Motion#contact}).
 * Immutable.
 */
public final class Feet {
    private final int[][] joints;

    private Feet(int[] left, int[] right) {
        if (left.length == 0 || right.length == 0) {
            throw new IllegalArgumentException("each foot needs at least one joint, got " + left.length + " left and "
                    + right.length + " right");
        }
        this.joints = new int[][] {left.clone(), right.clone()};
        for (int[] side : joints) {
            for (int j : side) {
                if (j < 0) {
                    throw new IllegalArgumentException("foot joint index " + j + " is negative");
                }
            }
        }
    }

    /** Feet given by joint indices. */
    public static Feet of(int[] left, int[] right) {
        return new Feet(left, right);
    }

    /** Feet given by joint names of {@code skeleton}; throws when a name is missing. */
    public static Feet named(Skeleton skeleton, List<String> left, List<String> right) {
        return new Feet(left.stream().mapToInt(skeleton::require).toArray(),
                right.stream().mapToInt(skeleton::require).toArray());
    }

    /** The standard skeleton's feet: {@code LeftFoot, LeftToeBase, LeftToe_End} and the Right ones. */
    public static Feet standard(Skeleton skeleton) {
        return named(skeleton, sideNames(0), sideNames(1));
    }

    private static List<String> sideNames(int side) {
        return List.of(Humanoid.foot(side), Humanoid.toeBase(side), Humanoid.toeEnd(side));
    }

    /** The joint indices of foot {@code side} (0 left, 1 right), a copy. */
    public int[] side(int side) {
        return joints[side].clone();
    }

    /** Number of joints of foot {@code side}. */
    public int count(int side) {
        return joints[side].length;
    }

    /** The {@code i}-th joint index of foot {@code side}. */
    public int joint(int side, int i) {
        return joints[side][i];
    }

    /** Throws when a foot joint is not among {@code jointCount} joints. */
    void checkWithin(int jointCount) {
        for (int[] side : joints) {
            for (int j : side) {
                if (j >= jointCount) {
                    throw new IllegalArgumentException("foot joint " + j + " is not among the " + jointCount + " joints");
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Feet f && Arrays.deepEquals(joints, f.joints);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(joints);
    }

    @Override
    public String toString() {
        return "Feet[left=" + Arrays.toString(joints[0]) + ", right=" + Arrays.toString(joints[1]) + "]";
    }
}
