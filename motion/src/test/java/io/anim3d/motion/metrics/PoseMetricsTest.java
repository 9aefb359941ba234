package io.anim3d.motion.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import org.junit.jupiter.api.Test;

class PoseMetricsTest {
    private static final int[] HIPS = {1, 2};
    private static final int JOINTS = 17;

    /** A pose that turns and walks: frame t is the base pose rotated by 0.02·t rad about Y and moved 2 cm·t along X. */
    static Vec3[][] walkingPose(int frames) {
        Vec3[] base = ProcrustesTest.randomPoints(11, JOINTS);
        Vec3[][] out = new Vec3[frames][];
        for (int t = 0; t < frames; t++) {
            Similarity s = new Similarity(1, Quat.axisAngle(Vec3.Y, 0.02 * t), new Vec3(0.02 * t, 0.9, 3));
            out[t] = s.apply(base);
        }
        return out;
    }

    static Vec3[][] map(Vec3[][] frames, java.util.function.BiFunction<Integer, Vec3[], Vec3[]> f) {
        Vec3[][] out = new Vec3[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            out[t] = f.apply(t, frames[t].clone());
        }
        return out;
    }

    static void assertAllNear(double expected, double[] values, double tolerance, String what) {
        for (int t = 0; t < values.length; t++) {
            assertEquals(expected, values[t], tolerance, what + " at frame " + t);
        }
    }

    @Test
    void translatedCopyHasZeroMpjpe() {
        Vec3[][] gt = walkingPose(10);
        Vec3[][] pred = map(gt, (t, p) -> new Similarity(1, Quat.IDENTITY, new Vec3(0.3, -0.1, 2 + t)).apply(p));
        assertAllNear(0, PoseMetrics.mpjpePerFrame(gt, pred, HIPS), 1e-9, "MPJPE of a translated copy (mm)");
    }

    @Test
    void oneJointOffByThreeCentimetresGivesThirtyMillimetresOverTheJointCount() {
        Vec3[][] gt = walkingPose(5);
        Vec3[][] pred = map(gt, (t, p) -> {
            p[10] = p[10].plus(new Vec3(0, 0.03, 0));
            return p;
        });
        assertEquals(30.0 / JOINTS, PoseMetrics.mpjpe(gt, pred, HIPS), 1e-9, "MPJPE (mm)");
        assertEquals(30.0 / JOINTS, PoseMetrics.mpjpePerFrame(gt, pred, HIPS)[3], 1e-9, "MPJPE of frame 3 (mm)");
    }

    @Test
    void rotatedScaledCopyHasZeroPaMpjpeAndTheExpectedMpjpe() {
        Vec3[][] gt = walkingPose(6);
        Quat turn = Quat.axisAngle(new Vec3(0.2, 1, -0.3), Math.toRadians(40));
        // Rotate and scale about the pelvis, then move: each joint's error after pelvis alignment is
        // ‖1.1·R·d − d‖ for its offset d from the pelvis.
        Vec3[][] pred = map(gt, (t, p) -> {
            Vec3 pelvis = p[1].plus(p[2]).times(0.5);
            Vec3[] out = new Vec3[p.length];
            for (int k = 0; k < p.length; k++) {
                out[k] = turn.rotate(p[k].minus(pelvis)).times(1.1).plus(new Vec3(5, 0, t));
            }
            return out;
        });
        double[] mpjpe = PoseMetrics.mpjpePerFrame(gt, pred, HIPS);
        for (int t = 0; t < gt.length; t++) {
            Vec3 pelvis = gt[t][1].plus(gt[t][2]).times(0.5);
            double expected = 0;
            for (int k = 0; k < JOINTS; k++) {
                Vec3 d = gt[t][k].minus(pelvis);
                expected += turn.rotate(d).times(1.1).distance(d);
            }
            expected = expected / JOINTS * 1000;
            assertEquals(expected, mpjpe[t], 1e-9, "MPJPE of the rotated, scaled copy at frame " + t);
            assertTrue(expected > 100, "test pose too small to mean anything: " + expected + " mm");
        }
        assertAllNear(0, PoseMetrics.paMpjpePerFrame(gt, pred, HIPS), 1e-6, "PA-MPJPE of a rotated, scaled copy (mm)");
    }

    @Test
    void mirroredPoseIsNotExcusedByProcrustes() {
        Vec3[][] gt = walkingPose(3);
        Vec3[][] pred = map(gt, (t, p) -> {
            Vec3[] out = new Vec3[p.length];
            for (int k = 0; k < p.length; k++) {
                out[k] = new Vec3(-p[k].x(), p[k].y(), p[k].z());
            }
            return out;
        });
        double[] pa = PoseMetrics.paMpjpePerFrame(gt, pred, HIPS);
        for (int t = 0; t < pa.length; t++) {
            assertTrue(pa[t] > 50, "PA-MPJPE of a mirror image at frame " + t + " is " + pa[t]
                    + " mm; a reflection must not count as a rotation");
        }
    }

    @Test
    void accelErrorIsZeroForAnOffsetCopyAndCountsASpikeThreeTimes() {
        Vec3[][] gt = walkingPose(8);
        Vec3[][] shifted = map(gt, (t, p) -> new Similarity(1, Quat.IDENTITY, new Vec3(1, 2, 3)).apply(p));
        assertAllNear(0, PoseMetrics.accelErrorPerFrame(gt, shifted), 1e-9, "accel error of a shifted copy (mm/frame²)");

        // A 1 cm spike of joint 5 in frame 4 changes its second difference by 1, −2, 1 cm in frames 3, 4, 5.
        Vec3[][] spiked = map(gt, (t, p) -> {
            if (t == 4) {
                p[5] = p[5].plus(new Vec3(0.01, 0, 0));
            }
            return p;
        });
        double[] perFrame = PoseMetrics.accelErrorPerFrame(gt, spiked);
        assertEquals(6, perFrame.length, "accel error has frames − 2 entries");
        double[] expected = {0, 0, 10.0 / JOINTS, 20.0 / JOINTS, 10.0 / JOINTS, 0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], perFrame[i], 1e-9, "accel error of frame " + (i + 1) + " (mm/frame²)");
        }
        assertEquals(40.0 / JOINTS / 6, PoseMetrics.accelError(gt, spiked), 1e-9, "mean accel error");
    }

    @Test
    void chunkwiseSimilaritiesAreUndoneByWAndWaMpjpe100() {
        Vec3[][] gt = walkingPose(250);
        // A different similarity per 100-frame chunk (the last chunk has 50 frames).
        Similarity[] perChunk = {
            new Similarity(0.9, Quat.axisAngle(Vec3.Y, 0.5), new Vec3(1, 0, 0)),
            new Similarity(1.2, Quat.axisAngle(new Vec3(1, 1, 0), 0.2), new Vec3(0, -2, 4)),
            new Similarity(1.0, Quat.axisAngle(Vec3.Z, 2.5), new Vec3(-3, 0, 1))};
        Vec3[][] pred = map(gt, (t, p) -> perChunk[t / 100].apply(p));
        assertAllNear(0, PoseMetrics.wMpjpe100PerFrame(gt, pred), 1e-6, "W-MPJPE100 (mm)");
        assertAllNear(0, PoseMetrics.waMpjpe100PerFrame(gt, pred), 1e-6, "WA-MPJPE100 (mm)");
        double global = PoseMetrics.mpjpe(gt, pred, HIPS);
        assertTrue(global > 100, "without chunk alignment the error should be large, got " + global + " mm");
    }

    @Test
    void wMpjpe100FitsOnlyTheFirstTwoFramesOfEachChunk() {
        Vec3[][] gt = walkingPose(120);
        // Joint 7 is 5 cm off from the third frame of each chunk on: W's fit (frames 0–1, 100–101)
        // is exact, so those frames score 0 and the others 50 mm / 17 joints.
        Vec3[][] pred = map(gt, (t, p) -> {
            if (t % 100 >= 2) {
                p[7] = p[7].plus(new Vec3(0, 0, 0.05));
            }
            return p;
        });
        double[] w = PoseMetrics.wMpjpe100PerFrame(gt, pred);
        for (int t = 0; t < w.length; t++) {
            double expected = t % 100 >= 2 ? 50.0 / JOINTS : 0;
            assertEquals(expected, w[t], 1e-6, "W-MPJPE100 of frame " + t + " (mm)");
        }
        double[] wa = PoseMetrics.waMpjpe100PerFrame(gt, pred);
        assertTrue(wa[0] > 0.01, "WA-MPJPE100 fits the whole chunk, so frame 0 should pay for the offset; got " + wa[0] + " mm");
    }

    @Test
    void rteIgnoresARigidMoveButNotAScale() {
        Vec3[] gt = new Vec3[11];
        for (int t = 0; t < gt.length; t++) {
            gt[t] = new Vec3(t, 0, 0);
        }
        Similarity rigid = new Similarity(1, Quat.axisAngle(Vec3.Y, Math.toRadians(30)), new Vec3(2, 0, -1));
        assertEquals(0, PoseMetrics.rte(gt, rigid.apply(gt)), 1e-9, "RTE (%) of a rigidly moved trajectory");

        // 10 % longer about the midpoint: the best rigid fit is the identity (by symmetry), the error
        // at frame t is 0.1·|t − 5| m, mean 0.1·30/11 m, over a 10 m path.
        Vec3[] scaled = new Vec3[gt.length];
        for (int t = 0; t < gt.length; t++) {
            scaled[t] = new Vec3(5 + 1.1 * (t - 5), 0, 0);
        }
        assertEquals(100 * 0.1 * 30 / 11 / 10, PoseMetrics.rte(gt, scaled), 1e-9, "RTE (%) of a 10 % too long trajectory");
    }

    @Test
    void rteOfAStandingRootIsUndefined() {
        Vec3[] still = {Vec3.ZERO, Vec3.ZERO, Vec3.ZERO};
        assertTrue(Double.isNaN(PoseMetrics.rte(still, still)), "RTE without ground-truth movement should be NaN");
    }

    @Test
    void mismatchedJointSetsAreRejectedWithTheFrame() {
        Vec3[][] gt = walkingPose(3);
        Vec3[][] pred = map(gt, (t, p) -> t == 2 ? java.util.Arrays.copyOf(p, 16) : p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoseMetrics.mpjpe(gt, pred, HIPS));
        assertTrue(e.getMessage().startsWith("frame 2:"), e.getMessage());
    }
}
