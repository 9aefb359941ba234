package io.anim3d.capture.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.capture.video.VideoOptions;
import io.anim3d.capture.vision.BodyTracker;
import io.anim3d.capture.vision.PoseModel;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.capture.vision.PoseTracker;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import io.anim3d.testkit.SharedTestData;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The solver on real clips: physically sensible squats, constant bones, the character facing
 * the camera, and each footLockingMode doing what it says on the dance video (static camera).
 */
class MotionSolverVideosTest {
    private static LandmarkTrack dance;
    private static LandmarkTrack squats;
    private static LandmarkTrack runner;

    @BeforeAll
    static void track() {
        try (PoseModels models = PoseModels.load(PoseModel.FULL)) {
            dance = BodyTracker.track(models, SharedTestData.testdata("videos/single/dance_white_1080p.mp4"),
                    VideoOptions.DEFAULT, PoseTracker.Options.VIDEO, null).track();
            squats = BodyTracker.track(models, SharedTestData.testdata("blazepose_golden/tfjs-models/pose-detection/test_data/pose_squats.mp4"),
                    VideoOptions.DEFAULT, PoseTracker.Options.VIDEO, null).track();
            runner = BodyTracker.track(models, SharedTestData.testdata("videos/single/runner_pan_1080p.mp4"),
                    VideoOptions.DEFAULT, PoseTracker.Options.VIDEO, null).track();
        }
    }

    @Test
    void variableFrameRateIsResampledToTheAverageRate() {
        // Drop every third frame of the dance: intervals alternate 1/30 and 2/30 s.
        java.util.List<io.anim3d.motion.TrackFrame> kept = new java.util.ArrayList<>();
        for (int i = 0; i < dance.frames().size(); i++) {
            if (i % 3 != 1) {
                kept.add(dance.frames().get(i));
            }
        }
        double span = kept.get(kept.size() - 1).timeSeconds() - kept.get(0).timeSeconds();
        double average = (kept.size() - 1) / span;
        LandmarkTrack vfr = new LandmarkTrack(dance.frameWidth(), dance.frameHeight(), average, dance.model(), kept);
        Motion m = solve(vfr, FootLockingMode.AUTO);
        assertEquals(average, m.frameRate(), 1e-9, "the motion runs at the clip's average rate");
        assertEquals((int) Math.round(span * average) + 1, m.frameCount(), "frames cover the clip at that rate");
        // Resampled motion stays smooth: no joint jumps between frames more than in the full-rate solve.
        Motion full = solve(dance, FootLockingMode.AUTO);
        assertTrue(maxStep(m) < 2.5 * maxStep(full), "resampling added jumps: " + maxStep(m) + " vs " + maxStep(full));
    }

    private static double maxStep(Motion m) {
        int hips = m.skeleton().require(Humanoid.HIPS);
        double max = 0;
        for (int f = 1; f < m.frameCount(); f++) {
            for (int j = 0; j < m.skeleton().size(); j++) {
                if (j != hips) {
                    max = Math.max(max, m.rotation(f, j).angleTo(m.rotation(f - 1, j)));
                }
            }
        }
        return max;
    }

    @Test
    void aPanningCameraIsReportedNotFatal() {
        SolveResult r = MotionSolver.solve(runner, SolveOptions.DEFAULT);
        assertEquals(runner.frames().size(), r.motion().frameCount(), "the runner clip is still solved");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("camera moves")), "no moving-camera warning: " + r.warnings());
        for (LandmarkTrack still : new LandmarkTrack[] {dance, squats}) {
            java.util.List<String> w = MotionSolver.solve(still, SolveOptions.DEFAULT).warnings();
            assertTrue(w.isEmpty(), "a static camera got warnings: " + w);
        }
    }

    private static Motion solve(LandmarkTrack t, FootLockingMode mode) {
        return MotionSolver.solve(t, SolveOptions.DEFAULT.withFootLocking(mode)).motion();
    }

    @Test
    void squatsBendTheKneesPast90DegreesWithTheHipsInPhase() {
        Motion m = solve(squats, FootLockingMode.AUTO);
        Skeleton s = m.skeleton();
        int hips = s.require(Humanoid.HIPS);
        double[] height = new double[m.frameCount()];
        double[] knee = new double[m.frameCount()];
        double maxKnee = 0;
        for (int f = 0; f < m.frameCount(); f++) {
            height[f] = m.worldPositions(f)[hips].y();
            knee[f] = (flexion(m, f, 0) + flexion(m, f, 1)) / 2;
            maxKnee = Math.max(maxKnee, knee[f]);
        }
        assertTrue(maxKnee > 90, String.format(Locale.ROOT, "deepest squat bends the knees %.0f°, expected past 90°", maxKnee));
        double r = correlation(height, knee);
        assertTrue(r < -0.8, String.format(Locale.ROOT, "hips height and knee flexion should move in opposition, correlation %.2f", r));
        double drop = java.util.Arrays.stream(height).max().orElse(0) - java.util.Arrays.stream(height).min().orElse(0);
        assertTrue(drop > 0.2, String.format(Locale.ROOT, "the hips go down only %.2f m in the squats", drop));
        System.out.printf(Locale.ROOT, "squats: max knee flexion %.0f°, hips travel %.2f m, correlation %.2f%n", maxKnee, drop, r);
    }

    private static double flexion(Motion m, int f, int side) {
        return Math.toDegrees(m.rotation(f, m.skeleton().require(Humanoid.leg(side))).angle());
    }

    @Test
    void bonesKeepTheirLengthsInEveryFrame() {
        Motion m = solve(dance, FootLockingMode.AUTO);
        Skeleton s = m.skeleton();
        for (int f = 0; f < m.frameCount(); f++) {
            Vec3[] p = m.worldPositions(f);
            for (int j = 1; j < s.size(); j++) {
                if (j == m.translatedJoint()) {
                    continue;
                }
                double len = p[j].distance(p[s.parent(j)]);
                assertEquals(s.offset(j).length(), len, 1e-9, "bone " + s.name(j) + " in frame " + f);
            }
        }
    }

    @Test
    void theDancerFacesTheCameraWhenSheDoesAndStandsOnTheFloor() {
        Motion m = solve(dance, FootLockingMode.AUTO);
        int hips = m.skeleton().require(Humanoid.HIPS);
        // She faces the camera where her shoulders look widest in the image and both eyes are seen.
        double widest = 0;
        double[] width = new double[dance.frames().size()];
        for (int f = 0; f < width.length; f++) {
            var p = dance.frames().get(f).pose();
            width[f] = Math.abs(p.x(11) - p.x(12));
            widest = Math.max(widest, width[f]);
        }
        int frontal = 0, facing = 0;
        for (int f = 0; f < width.length; f++) {
            var p = dance.frames().get(f).pose();
            if (width[f] > 0.85 * widest && p.visibility(2) > 0.9 && p.visibility(5) > 0.9) {
                frontal++;
                Vec3 forward = m.worldTransforms(f).rotation(hips).rotate(Vec3.Z);
                if (forward.z() > 0.8) {
                    facing++;
                }
            }
        }
        assertTrue(frontal > 20, "too few frontal frames to judge: " + frontal);
        assertTrue(facing >= 0.95 * frontal, "the character faces the camera (+Z) in " + facing + " of the " + frontal
                + " frames where the dancer does");
        double[] sole = lowestSole(m);
        double mean = java.util.Arrays.stream(sole).average().orElse(0);
        assertTrue(Math.abs(mean) < 0.03, String.format(Locale.ROOT, "the lowest foot is on average %.3f m from the floor", mean));
    }

    @Test
    void autoPinsFeetInContact() {
        Motion m = solve(dance, FootLockingMode.AUTO);
        int contactSteps = 0;
        for (int side = 0; side < 2; side++) {
            int foot = m.skeleton().require(Humanoid.foot(side));
            for (int f = 1; f < m.frameCount(); f++) {
                if (m.contact(f, side) && m.contact(f - 1, side)) {
                    double step = m.worldPositions(f)[foot].distance(m.worldPositions(f - 1)[foot]);
                    assertTrue(step < 0.01, String.format(Locale.ROOT, "%s in contact moved %.1f mm from frame %d to %d",
                            Humanoid.foot(side), step * 1000, f - 1, f));
                    contactSteps++;
                }
            }
        }
        assertTrue(contactSteps > 30, "too few contact frames to judge: " + contactSteps);
    }

    @Test
    void neverLeavesTheLegsAndHeightAlone() {
        Motion never = solve(dance, FootLockingMode.NEVER);
        Motion grounding = solve(dance, FootLockingMode.GROUNDING);
        Motion auto = solve(dance, FootLockingMode.AUTO);
        Skeleton s = never.skeleton();
        boolean autoChangedLegs = false;
        for (int f = 0; f < never.frameCount(); f++) {
            for (int side = 0; side < 2; side++) {
                for (String joint : new String[] {Humanoid.upLeg(side), Humanoid.leg(side), Humanoid.foot(side)}) {
                    int j = s.require(joint);
                    Quat a = never.rotation(f, j), b = grounding.rotation(f, j);
                    // acos near 1 resolves angles only to about 1e-8 rad.
                    assertTrue(a.angleTo(b) < 1e-6, "grounding changed " + joint + " in frame " + f + " by " + a.angleTo(b) + " rad");
                    autoChangedLegs |= a.angleTo(auto.rotation(f, j)) > 1e-3;
                }
            }
        }
        assertTrue(autoChangedLegs, "auto should move the legs to pin the feet");
        // Never: no grounding, so the height of the lowest foot is what the camera gave.
        double[] neverSole = lowestSole(never);
        double[] groundSole = lowestSole(grounding);
        double spreadNever = spread(neverSole), spreadGround = spread(groundSole);
        assertTrue(spreadGround < 0.5 * spreadNever, String.format(Locale.ROOT,
                "grounding should hold the lowest foot at the floor: spread %.3f m vs %.3f m without", spreadGround, spreadNever));
        for (double h : groundSole) {
            assertTrue(Math.abs(h) < 0.03, String.format(Locale.ROOT, "grounding left the lowest foot %.3f m from the floor", h));
        }
    }

    @Test
    void alwaysLocksMoreThanAuto() {
        int auto = contacts(solve(dance, FootLockingMode.AUTO));
        int always = contacts(solve(dance, FootLockingMode.ALWAYS));
        assertTrue(always > auto, "always (" + always + " contact frames) should lock at least as much as auto (" + auto + ")");
    }

    private static int contacts(Motion m) {
        int n = 0;
        for (int f = 0; f < m.frameCount(); f++) {
            n += (m.contact(f, 0) ? 1 : 0) + (m.contact(f, 1) ? 1 : 0);
        }
        return n;
    }

    /** Lowest point of either sole: the toes, or the heel (the ankle less its rest height above the floor). */
    private static double[] lowestSole(Motion m) {
        Skeleton s = m.skeleton();
        Vec3[] rest = s.restPositions();
        double ankleHeight = rest[s.require(Humanoid.foot(0))].y() - rest[s.require(Humanoid.toeBase(0))].y();
        double[] out = new double[m.frameCount()];
        for (int f = 0; f < m.frameCount(); f++) {
            Vec3[] p = m.worldPositions(f);
            double low = Double.MAX_VALUE;
            for (int side = 0; side < 2; side++) {
                low = Math.min(low, p[s.require(Humanoid.toeBase(side))].y());
                low = Math.min(low, p[s.require(Humanoid.toeEnd(side))].y());
                low = Math.min(low, p[s.require(Humanoid.foot(side))].y() - ankleHeight);
            }
            out[f] = low;
        }
        return out;
    }

    private static double spread(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElse(0);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElse(0), mb = java.util.Arrays.stream(b).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
