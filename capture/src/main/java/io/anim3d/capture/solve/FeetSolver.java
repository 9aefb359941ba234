package io.anim3d.capture.solve;

import io.anim3d.capture.filter.ZeroPhaseSmoother;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;

/**
 * Ground contact and foot locking (footLockingMode).
 *
 * <ol>
 *   <li>Grounding: a vertical offset per frame puts the lowest sole on the floor — in every
 *       frame for {@code grounding}; for {@code auto} and {@code always} only in frames where a
 *       foot is near the floor (jumps keep their height, interpolated between), so that feet
 *       neither float nor sink; none for {@code never}.</li>
 *   <li>Contacts with hysteresis: a sole enters contact below 4 cm moving slower than 0.45 m/s
 *       and leaves above 7 cm or faster than 0.9 m/s ({@code always} ignores speed); runs shorter
 *       than 3 frames are dropped.</li>
 *   <li>Locking ({@code auto}, {@code always}): during a contact the ankle is pinned where the
 *       contact began and the foot keeps the orientation it had then (a planted foot does not
 *       turn), with two-bone leg IK; both blend in and out over 3 frames before and after.</li>
 * </ol>
 */
final class FeetSolver {
    static final double ENTER_HEIGHT = 0.04;
    static final double EXIT_HEIGHT = 0.07;
    static final double ENTER_SPEED = 0.45;
    static final double EXIT_SPEED = 0.9;
    static final int MIN_CONTACT_FRAMES = 3;
    static final int BLEND_FRAMES = 3;
    /** Share of the leg's length a locked leg may stretch to before the hips move instead. */
    private static final double REACH = 0.995;
    /** A sole below this height counts as near the floor for grounding in auto/always. */
    private static final double NEAR_FLOOR = 0.10;

    private FeetSolver() {
    }

    /**
     * Applies grounding and locking in place; returns contact flags [frame][side].
     *
     * @param local  [frame][joint] local rotations (legs changed in place)
     * @param hips   [frame] world position of Hips (changed in place by grounding)
     * @param pelvis index of Hips, whose local rotation is its world rotation
     */
    static boolean[][] apply(FootLockingMode mode, Quat[][] local, Vec3[] hips, int pelvis, LegChain[] legs, double frameRate) {
        int n = hips.length;
        ground(mode, local, hips, pelvis, legs);
        boolean[][] contact = new boolean[n][2];
        Vec3[][] target = new Vec3[2][];
        Quat[][] turn = new Quat[2][];
        double[][] weight = new double[2][];
        for (int s = 0; s < 2; s++) {
            boolean[] c = detect(mode, local, hips, pelvis, legs[s], frameRate);
            for (int f = 0; f < n; f++) {
                contact[f][s] = c[f];
            }
            target[s] = new Vec3[n];
            turn[s] = new Quat[n];
            weight[s] = new double[n];
            pins(c, local, hips, pelvis, legs[s], target[s], turn[s], weight[s]);
        }
        if (mode == FootLockingMode.AUTO || mode == FootLockingMode.ALWAYS) {
            for (int f = 0; f < n; f++) {
                lockFrame(f, local, hips, pelvis, legs, target, turn, weight);
            }
        }
        return contact;
    }

    private static void ground(FootLockingMode mode, Quat[][] local, Vec3[] hips, int pelvis, LegChain[] legs) {
        if (mode == FootLockingMode.NEVER) {
            return;
        }
        int n = hips.length;
        double[] lowest = new double[n];
        for (int f = 0; f < n; f++) {
            lowest[f] = Math.min(legs[0].soleHeight(legs[0].positions(local[f][pelvis], hips[f], local[f])),
                    legs[1].soleHeight(legs[1].positions(local[f][pelvis], hips[f], local[f])));
        }
        double[] offset = new double[n];
        boolean[] known = new boolean[n];
        for (int f = 0; f < n; f++) {
            known[f] = mode == FootLockingMode.GROUNDING || lowest[f] < NEAR_FLOOR;
            offset[f] = -lowest[f];
        }
        fillGaps(offset, known);
        if (mode != FootLockingMode.GROUNDING) {
            // Eases the hips over the frames where the floor is inferred; grounding is literal.
            offset = new ZeroPhaseSmoother(1.5).apply(offset);
        }
        for (int f = 0; f < n; f++) {
            hips[f] = hips[f].plus(new Vec3(0, offset[f], 0));
        }
    }

    /** Linear interpolation of the unknown entries from their known neighbours; held at the ends. */
    private static void fillGaps(double[] v, boolean[] known) {
        int n = v.length;
        int last = -1;
        for (int f = 0; f < n; f++) {
            if (!known[f]) {
                continue;
            }
            if (last < 0) {
                for (int g = 0; g < f; g++) {
                    v[g] = v[f];
                }
            } else {
                for (int g = last + 1; g < f; g++) {
                    v[g] = v[last] + (v[f] - v[last]) * (g - last) / (double) (f - last);
                }
            }
            last = f;
        }
        if (last < 0) {
            java.util.Arrays.fill(v, 0);
        } else {
            for (int g = last + 1; g < n; g++) {
                v[g] = v[last];
            }
        }
    }

    private static boolean[] detect(FootLockingMode mode, Quat[][] local, Vec3[] hips, int pelvis, LegChain leg, double frameRate) {
        int n = hips.length;
        Vec3[] ankle = new Vec3[n];
        double[] sole = new double[n];
        for (int f = 0; f < n; f++) {
            Vec3[] p = leg.positions(local[f][pelvis], hips[f], local[f]);
            ankle[f] = p[2];
            sole[f] = leg.soleHeight(p);
        }
        boolean ignoreSpeed = mode == FootLockingMode.ALWAYS;
        boolean[] c = new boolean[n];
        boolean in = false;
        for (int f = 0; f < n; f++) {
            int a = Math.max(0, f - 1), b = Math.min(n - 1, f + 1);
            double dx = ankle[b].x() - ankle[a].x(), dz = ankle[b].z() - ankle[a].z();
            double speed = b == a ? 0 : Math.hypot(dx, dz) * frameRate / (b - a);
            if (ignoreSpeed) {
                speed = 0;
            }
            if (in) {
                in = sole[f] <= EXIT_HEIGHT && speed <= EXIT_SPEED;
            } else {
                in = sole[f] < ENTER_HEIGHT && speed < ENTER_SPEED;
            }
            c[f] = in;
        }
        // Drop contacts too short to be real.
        forEachRun(c, (start, end) -> {
            if (end - start < MIN_CONTACT_FRAMES && n >= MIN_CONTACT_FRAMES) {
                java.util.Arrays.fill(c, start, end, false);
            }
        });
        return c;
    }

    private interface Run {
        void accept(int start, int end);
    }

    /** Calls {@code run} with [start, end) of every stretch of true values, in order. */
    private static void forEachRun(boolean[] c, Run run) {
        for (int f = 0; f < c.length; ) {
            if (!c[f]) {
                f++;
                continue;
            }
            int end = f;
            while (end < c.length && c[end]) {
                end++;
            }
            run.accept(f, end);
            f = end;
        }
    }

    /**
     * Where and how strongly each frame's foot is pinned (ankle position and foot orientation at
     * the start of the contact): 1 during a contact, ramping over the blend frames.
     */
    private static void pins(boolean[] c, Quat[][] local, Vec3[] hips, int pelvis, LegChain leg, Vec3[] target,
                             Quat[] turn, double[] weight) {
        int n = c.length;
        forEachRun(c, (f, end) -> {
            Vec3 pin = leg.positions(local[f][pelvis], hips[f], local[f])[2];
            Quat pinTurn = leg.footWorld(local[f][pelvis], local[f]);
            for (int g = Math.max(0, f - BLEND_FRAMES); g < Math.min(n, end + BLEND_FRAMES); g++) {
                double w = g < f ? (g - (f - BLEND_FRAMES - 1)) / (double) (BLEND_FRAMES + 1)
                        : g >= end ? ((end + BLEND_FRAMES) - g) / (double) (BLEND_FRAMES + 1) : 1;
                if (w > weight[g]) {
                    weight[g] = w;
                    target[g] = pin;
                    turn[g] = pinTurn;
                }
            }
        });
    }

    /**
     * Pins the feet of one frame: when a pinned ankle is out of the leg's reach, the hips move
     * towards it first (just enough), then each leg is solved with IK.
     */
    private static void lockFrame(int f, Quat[][] local, Vec3[] hips, int pelvis, LegChain[] legs, Vec3[][] target,
                                  Quat[][] turn, double[][] weight) {
        Vec3[] goal = new Vec3[2];
        Quat[] goalTurn = new Quat[2];
        for (int s = 0; s < 2; s++) {
            if (weight[s][f] > 0) {
                Vec3 free = legs[s].positions(local[f][pelvis], hips[f], local[f])[2];
                goal[s] = free.lerp(target[s][f], weight[s][f]);
                goalTurn[s] = legs[s].footWorld(local[f][pelvis], local[f]).slerp(turn[s][f], weight[s][f]);
            }
        }
        for (int iteration = 0; iteration < 3; iteration++) {
            for (int s = 0; s < 2; s++) {
                if (goal[s] == null) {
                    continue;
                }
                Vec3[] p = legs[s].positions(local[f][pelvis], hips[f], local[f]);
                double reach = REACH * (p[1].distance(p[0]) + p[2].distance(p[1]));
                Vec3 toGoal = goal[s].minus(p[0]);
                double excess = toGoal.length() - reach;
                if (excess > 0) {
                    hips[f] = hips[f].plus(toGoal.normalized().times(excess));
                }
            }
        }
        for (int s = 0; s < 2; s++) {
            if (goal[s] != null) {
                legs[s].reach(local[f][pelvis], hips[f], local[f], goal[s]);
                legs[s].setFootWorld(local[f][pelvis], local[f], goalTurn[s]);
            }
        }
    }
}
