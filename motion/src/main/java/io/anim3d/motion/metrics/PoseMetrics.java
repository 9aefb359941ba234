package io.anim3d.motion.metrics;

import io.anim3d.motion.Vec3;
import java.util.Arrays;

/**
 * Pose accuracy against ground truth, as {@code docs/METRICS.md} defines it (the way the
 * published evaluation code of VIBE, WHAM and GVHMR computes it). Inputs are
 * {@code [frame][joint]} positions in metres with the joints of both arrays in the same order
 * (map differing joint sets before calling); outputs are millimetres unless stated. The
 * per-frame variants return one value per frame, the plain ones their mean over all frames.
 */
public final class PoseMetrics {
    /** Chunk length of W-MPJPE100 and WA-MPJPE100, frames. */
    public static final int CHUNK_FRAMES = 100;
    private static final double MM_PER_M = 1000;

    private PoseMetrics() {
    }

    /** MPJPE per frame, mm: both skeletons moved so that the mean of {@code pelvisJoints} is at the origin. */
    public static double[] mpjpePerFrame(Vec3[][] gt, Vec3[][] pred, int[] pelvisJoints) {
        check(gt, pred, pelvisJoints);
        double[] out = new double[gt.length];
        for (int t = 0; t < gt.length; t++) {
            out[t] = meanDistance(centred(gt[t], pelvisJoints), centred(pred[t], pelvisJoints)) * MM_PER_M;
        }
        return out;
    }

    /** MPJPE, mm: mean over frames and joints after pelvis alignment (pelvis = mean of {@code pelvisJoints}, e.g. the hips). */
    public static double mpjpe(Vec3[][] gt, Vec3[][] pred, int[] pelvisJoints) {
        return mean(mpjpePerFrame(gt, pred, pelvisJoints));
    }

    /**
     * PA-MPJPE per frame, mm: pelvis alignment, then per frame the similarity transform (scale,
     * proper rotation, translation) that best maps {@code pred} onto {@code gt}, then MPJPE.
     */
    public static double[] paMpjpePerFrame(Vec3[][] gt, Vec3[][] pred, int[] pelvisJoints) {
        check(gt, pred, pelvisJoints);
        double[] out = new double[gt.length];
        for (int t = 0; t < gt.length; t++) {
            Vec3[] g = centred(gt[t], pelvisJoints);
            Vec3[] p = centred(pred[t], pelvisJoints);
            out[t] = meanDistance(g, Procrustes.similarity(p, g).apply(p)) * MM_PER_M;
        }
        return out;
    }

    /** PA-MPJPE, mm (see {@link #paMpjpePerFrame}). */
    public static double paMpjpe(Vec3[][] gt, Vec3[][] pred, int[] pelvisJoints) {
        return mean(paMpjpePerFrame(gt, pred, pelvisJoints));
    }

    /**
     * Acceleration error per frame, mm/frame²: for t = 1 … T−2 (entry t−1 of the result), the mean
     * over joints of ‖(J(t−1) − 2J(t) + J(t+1)) − (Ĵ(t−1) − 2Ĵ(t) + Ĵ(t+1))‖, positions as given
     * (no alignment). Needs at least 3 frames.
     */
    public static double[] accelErrorPerFrame(Vec3[][] gt, Vec3[][] pred) {
        check(gt, pred);
        if (gt.length < 3) {
            throw new IllegalArgumentException("acceleration error needs at least 3 frames, got " + gt.length);
        }
        double[] out = new double[gt.length - 2];
        for (int t = 1; t < gt.length - 1; t++) {
            double sum = 0;
            for (int k = 0; k < gt[t].length; k++) {
                Vec3 ag = secondDifference(gt[t - 1][k], gt[t][k], gt[t + 1][k]);
                Vec3 ap = secondDifference(pred[t - 1][k], pred[t][k], pred[t + 1][k]);
                sum += ag.distance(ap);
            }
            out[t - 1] = sum / gt[t].length * MM_PER_M;
        }
        return out;
    }

    /** Acceleration error, mm/frame², positions as given (see {@link #accelErrorPerFrame(Vec3[][], Vec3[][])}). */
    public static double accelError(Vec3[][] gt, Vec3[][] pred) {
        return mean(accelErrorPerFrame(gt, pred));
    }

    /**
     * Acceleration error, mm/frame², of pelvis-aligned joints: the camera-frame evaluations of
     * VIBE, WHAM and GVHMR compute it on the same pelvis-centred joints as MPJPE.
     */
    public static double accelError(Vec3[][] gt, Vec3[][] pred, int[] pelvisJoints) {
        check(gt, pred, pelvisJoints);
        Vec3[][] g = new Vec3[gt.length][];
        Vec3[][] p = new Vec3[pred.length][];
        for (int t = 0; t < gt.length; t++) {
            g[t] = centred(gt[t], pelvisJoints);
            p[t] = centred(pred[t], pelvisJoints);
        }
        return accelError(g, p);
    }

    /**
     * W-MPJPE100 per frame, mm, world frame: the sequence is cut into chunks of
     * {@value #CHUNK_FRAMES} frames (the last may be shorter); in each chunk {@code pred} is
     * moved by the similarity transform fitted on the joints of the chunk's first two frames,
     * then the error is measured without pelvis alignment.
     */
    public static double[] wMpjpe100PerFrame(Vec3[][] gt, Vec3[][] pred) {
        return chunkAligned(gt, pred, 2);
    }

    /** W-MPJPE100, mm: the mean of {@link #wMpjpe100PerFrame} over all frames. */
    public static double wMpjpe100(Vec3[][] gt, Vec3[][] pred) {
        return mean(wMpjpe100PerFrame(gt, pred));
    }

    /** WA-MPJPE100 per frame, mm: as W-MPJPE100 but the similarity is fitted on the whole chunk. */
    public static double[] waMpjpe100PerFrame(Vec3[][] gt, Vec3[][] pred) {
        return chunkAligned(gt, pred, CHUNK_FRAMES);
    }

    /** WA-MPJPE100, mm: the mean of {@link #waMpjpe100PerFrame} over all frames. */
    public static double waMpjpe100(Vec3[][] gt, Vec3[][] pred) {
        return mean(waMpjpe100PerFrame(gt, pred));
    }

    /**
     * Root translation error per frame, as a fraction of the ground-truth path length (not yet
     * in percent): the predicted root trajectory is rigidly aligned (rotation + translation, no
     * scale) onto the ground truth over the whole sequence, then ‖root(t) − root̂(t)‖ / path
     * length. All NaN when the ground-truth root does not move (RTE is undefined then).
     */
    public static double[] rtePerFrame(Vec3[] gtRoot, Vec3[] predRoot) {
        if (gtRoot.length != predRoot.length || gtRoot.length == 0) {
            throw new IllegalArgumentException("RTE needs two equally long, non-empty root trajectories, got "
                    + gtRoot.length + " and " + predRoot.length + " frames");
        }
        double path = 0;
        for (int t = 1; t < gtRoot.length; t++) {
            path += gtRoot[t].distance(gtRoot[t - 1]);
        }
        Vec3[] aligned = Procrustes.rigid(predRoot, gtRoot).apply(predRoot);
        double[] out = new double[gtRoot.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = path > 0 ? gtRoot[t].distance(aligned[t]) / path : Double.NaN;
        }
        return out;
    }

    /** RTE, %: the mean of {@link #rtePerFrame} × 100; NaN when the ground-truth root does not move. */
    public static double rte(Vec3[] gtRoot, Vec3[] predRoot) {
        return mean(rtePerFrame(gtRoot, predRoot)) * 100;
    }

    private static double[] chunkAligned(Vec3[][] gt, Vec3[][] pred, int fitFrames) {
        check(gt, pred);
        double[] out = new double[gt.length];
        for (int start = 0; start < gt.length; start += CHUNK_FRAMES) {
            int end = Math.min(gt.length, start + CHUNK_FRAMES);
            int fitEnd = Math.min(end, start + fitFrames);
            Similarity s = Procrustes.similarity(flatten(pred, start, fitEnd), flatten(gt, start, fitEnd));
            for (int t = start; t < end; t++) {
                out[t] = meanDistance(gt[t], s.apply(pred[t])) * MM_PER_M;
            }
        }
        return out;
    }

    private static Vec3[] flatten(Vec3[][] frames, int from, int to) {
        int joints = frames[from].length;
        Vec3[] out = new Vec3[(to - from) * joints];
        for (int t = from; t < to; t++) {
            System.arraycopy(frames[t], 0, out, (t - from) * joints, joints);
        }
        return out;
    }

    private static Vec3 secondDifference(Vec3 before, Vec3 at, Vec3 after) {
        return before.minus(at.times(2)).plus(after);
    }

    /** The joints moved so that the mean of {@code pelvisJoints} is at the origin. */
    static Vec3[] centred(Vec3[] joints, int[] pelvisJoints) {
        Vec3[] pelvis = new Vec3[pelvisJoints.length];
        for (int i = 0; i < pelvisJoints.length; i++) {
            pelvis[i] = joints[pelvisJoints[i]];
        }
        Vec3 c = Vec3.mean(pelvis);
        Vec3[] out = new Vec3[joints.length];
        for (int k = 0; k < joints.length; k++) {
            out[k] = joints[k].minus(c);
        }
        return out;
    }

    private static double meanDistance(Vec3[] a, Vec3[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k].distance(b[k]);
        }
        return sum / a.length;
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static void check(Vec3[][] gt, Vec3[][] pred, int[] pelvisJoints) {
        check(gt, pred);
        if (pelvisJoints.length == 0) {
            throw new IllegalArgumentException("name at least one pelvis joint (usually the two hips)");
        }
        for (int j : pelvisJoints) {
            if (j < 0 || j >= gt[0].length) {
                throw new IllegalArgumentException("pelvis joint " + j + " is not among the " + gt[0].length + " joints");
            }
        }
    }

    private static void check(Vec3[][] gt, Vec3[][] pred) {
        if (gt.length != pred.length || gt.length == 0) {
            throw new IllegalArgumentException("ground truth has " + gt.length + " frames and the prediction "
                    + pred.length + "; both need the same, non-zero number");
        }
        for (int t = 0; t < gt.length; t++) {
            if (gt[t].length == 0 || gt[t].length != pred[t].length || gt[t].length != gt[0].length) {
                throw new IllegalArgumentException("frame " + t + ": ground truth has " + gt[t].length
                        + " joints and the prediction " + pred[t].length + "; map both to the same joint set (frame 0 has "
                        + gt[0].length + ")");
            }
        }
    }
}
