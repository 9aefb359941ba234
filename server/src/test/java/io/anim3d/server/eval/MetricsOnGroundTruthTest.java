package io.anim3d.server.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anim3d.motion.Vec3;
import io.anim3d.motion.metrics.PoseMetrics;
import io.anim3d.testkit.SharedTestData;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * MPJPE and PA-MPJPE on real poses, compared with the same metrics computed by NumPy with the
 * usual SVD-based Umeyama alignment (det correction included), as mmpose's
 * {@code keypoint_mpjpe(..., alignment='procrustes')} does. Reference values in mm, computed
 * once with NumPy 2.4 from these files: one pose scored against another person's pose.
 */
class MetricsOnGroundTruthTest {
    private static void check(GroundTruthSample gt, GroundTruthSample pred, double mpjpe, double paMpjpe) {
        Vec3[][] g = {gt.positions()};
        Vec3[][] p = {pred.positions()};
        int[] hips = gt.joints().hipJoints();
        String what = pred.imageName() + " scored against " + gt.imageName();
        assertEquals(mpjpe, PoseMetrics.mpjpe(g, p, hips), 1e-6, what + ": MPJPE (mm)");
        assertEquals(paMpjpe, PoseMetrics.paMpjpe(g, p, hips), 1e-6, what + ": PA-MPJPE (mm)");
    }

    @Test
    void matchesNumpyOnHuman36m() throws IOException {
        GroundTruthSet h36m = GroundTruthSet.h36m(SharedTestData.testdata("pose_gt/mmpose/h36m"));
        check(h36m.samples().get(0), h36m.samples().get(2), 272.454259255, 121.733762656);
        check(h36m.samples().get(1), h36m.samples().get(3), 608.160679969, 197.183751996);
    }

    @Test
    void matchesNumpyOnMpiInf3dhpAndRefusesToMirror() throws IOException {
        GroundTruthSet test = GroundTruthSet.mpiInf3dhp(SharedTestData.testdata("pose_gt/mmpose/mpi_inf_3dhp/test_3dhp_test.npz"));
        GroundTruthSample ts1 = test.samples().get(0);
        check(ts1, test.samples().get(1), 312.912314297, 258.223021390);
        Vec3[] mirrored = ts1.positions();
        for (int j = 0; j < mirrored.length; j++) {
            mirrored[j] = new Vec3(-mirrored[j].x(), mirrored[j].y(), mirrored[j].z());
        }
        assertEquals(161.922843810, PoseMetrics.paMpjpe(new Vec3[][] {ts1.positions()}, new Vec3[][] {mirrored},
                ts1.joints().hipJoints()), 1e-6, "PA-MPJPE of TS1 against its mirror image (mm)");
    }
}
