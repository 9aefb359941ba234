package io.anim3d.motion.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class MotionQualityTest {
    private static final MotionQuality QUALITY = new MotionQuality();
    /** Joint 0 is the left foot, joint 1 the right foot in the small synthetic tracks. */
    private static final Feet TWO_FEET = Feet.of(new int[] {0}, new int[] {1});

    static PositionTrack track(int frames, double fps, BiFunction<Integer, Integer, Vec3> position) {
        Vec3[][] p = new Vec3[frames][2];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < 2; k++) {
                p[t][k] = position.apply(t, k);
            }
        }
        return PositionTrack.of(p, fps);
    }

    @Test
    void constantAccelerationHasNoJitterAndACubicHasItsThirdDerivative() {
        double fps = 30;
        PositionTrack parabola = track(20, fps, (t, k) -> {
            double s = t / fps;
            return new Vec3(1 + 2 * s + 4.9 * s * s, k, -3 * s * s);
        });
        double[] none = QUALITY.jitterPerFrame(parabola);
        for (int t = 0; t < none.length; t++) {
            assertEquals(0, none[t], 1e-6, "jitter of a constant-acceleration path at frame " + t + " (10 m/s³)");
        }
        // x = 5 s³ m: third derivative 30 m/s³ = 3.0 in units of 10 m/s³.
        PositionTrack cubic = track(20, fps, (t, k) -> new Vec3(5 * Math.pow(t / fps, 3), 0, k));
        assertEquals(3.0, QUALITY.jitter(cubic), 1e-6, "jitter of x = 5 s³ (10 m/s³)");
        assertEquals(17, QUALITY.jitterPerFrame(cubic).length, "jitter has frames − 3 entries");
    }

    @Test
    void footSlidingOneCentimetrePerFrameOnTheGroundIsTenMillimetres() {
        // Left foot on the ground sliding 1 cm/frame along Z; right foot lifted 20 cm and moving fast:
        // only the left counts.
        PositionTrack t = track(12, 30, (f, k) -> k == 0 ? new Vec3(0.1, 0.01, 0.01 * f) : new Vec3(-0.1, 0.2, 0.5 * f));
        assertEquals(10.0, QUALITY.footSliding(t, TWO_FEET), 1e-9, "foot sliding (mm/frame)");
    }

    @Test
    void footSlidingIsHorizontalOnlyAndNaNWithoutContact() {
        PositionTrack sinking = track(5, 30, (f, k) -> new Vec3(0, 0.04 - 0.005 * f, 0));
        assertEquals(0.0, QUALITY.footSliding(sinking, TWO_FEET), 1e-12, "vertical movement is not sliding (mm/frame)");
        PositionTrack flying = track(5, 30, (f, k) -> new Vec3(f, 1, 0));
        assertTrue(Double.isNaN(QUALITY.footSliding(flying, TWO_FEET)), "no contact, foot sliding should be NaN");
    }

    @Test
    void skatingRatioUsesTheZeroPaddedFiveFrameAverage() {
        // 11 frames = 10 pairs. Left foot on the ground at 0.6 m/s (2 cm/frame at 30 fps). The
        // centred 5-pair average is 0.36 and 0.48 m/s at either end (zero padding), 0.6 m/s in
        // pairs 2–7: 6 of 10 pairs skate.
        PositionTrack t = track(11, 30, (f, k) -> k == 0 ? new Vec3(0.02 * f, 0, 0) : new Vec3(-0.2, 0, 0));
        assertEquals(60.0, QUALITY.skatingRatio(t, TWO_FEET), 1e-9, "skating ratio (%)");
        assertArrayEquals(new boolean[] {false, false, true, true, true, true, true, true, false, false},
                QUALITY.skatingPerPair(t, TWO_FEET), "skating pairs");
        // 0.3 m/s is below the 0.5 m/s threshold: no skating, although the foot slides.
        PositionTrack slow = track(11, 30, (f, k) -> new Vec3(0.01 * f, 0, k));
        assertEquals(0.0, QUALITY.skatingRatio(slow, TWO_FEET), 0, "skating ratio at 0.3 m/s (%)");
    }

    @Test
    void contactNeedsTwoAdjacentFramesBelowFiveCentimetres() {
        // The left foot is at 4 cm only in frame 2: no pair has it low in both frames.
        PositionTrack t = track(5, 30, (f, k) -> new Vec3(0.05 * f, f == 2 ? 0.04 : 0.3, k));
        FootContacts c = QUALITY.contacts(t, TWO_FEET);
        for (int pair = 0; pair < c.pairCount(); pair++) {
            assertTrue(!c.inContact(0, 0, pair), "left foot should not be in contact in pair " + pair);
        }
    }

    @Test
    void groundPenetrationAveragesDepthOverFramesAndFootJoints() {
        // Left 2 cm under the ground, right 10 cm above: mean depth (20 + 0) / 2 = 10 mm.
        PositionTrack t = track(4, 30, (f, k) -> new Vec3(0, k == 0 ? -0.02 : 0.1, 0));
        assertEquals(10.0, QUALITY.groundPenetration(t, TWO_FEET), 1e-9, "ground penetration (mm)");
        MotionQuality raised = new MotionQuality(new MotionQuality.Options(0.2, 0.05, 0.5, 5, 90));
        assertEquals(((0.2 + 0.02) + 0.1) / 2 * 1000, raised.groundPenetration(t, TWO_FEET), 1e-9,
                "ground penetration with the ground at y = 0.2 m (mm)");
    }

    @Test
    void boneLengthDriftIsTheStandardDeviationOfEachBone() {
        // Bone 0→1 alternates 0.40 m and 0.42 m: standard deviation 10 mm.
        PositionTrack t = track(6, 30, (f, k) -> k == 0 ? Vec3.ZERO : new Vec3(0, f % 2 == 0 ? 0.40 : 0.42, 0));
        double[] perBone = QUALITY.boneLengthDriftPerBone(t, new int[] {-1, 0});
        assertTrue(Double.isNaN(perBone[0]), "the root has no bone");
        assertEquals(10.0, perBone[1], 1e-9, "drift of bone 0→1 (mm)");
        assertEquals(10.0, QUALITY.boneLengthDrift(t, new int[] {-1, 0}), 1e-9, "mean drift (mm)");
    }

    @Test
    void aSkeletalMotionHasNoBoneDriftAndSlidesWithItsRoot() {
        Skeleton sk = Humanoid.standard();
        int frames = 10;
        Motion.Builder b = Motion.builder(sk, 30, frames);
        for (int t = 0; t < frames; t++) {
            b.rootPosition(t, new Vec3(0.01 * t, 0.95, 0));
            b.rotation(t, sk.require(Humanoid.leg(0)), Quat.axisAngle(Vec3.X, 0.1 * t));
            b.contact(t, 0, true);
        }
        Motion m = b.build();
        PositionTrack track = PositionTrack.of(m);
        int[] parents = new int[sk.size()];
        for (int j = 0; j < sk.size(); j++) {
            parents[j] = sk.parent(j);
        }
        assertEquals(0.0, QUALITY.boneLengthDrift(track, parents), 1e-9, "bone drift of forward kinematics (mm)");
        Feet feet = Feet.standard(sk);
        // The right foot stands on the ground (toes at 5 mm) while the root moves 1 cm/frame.
        double byHeight = QUALITY.footSliding(track, Feet.of(new int[] {feet.joint(1, 1)}, new int[] {feet.joint(1, 2)}));
        assertEquals(10.0, byHeight, 1e-9, "right toes sliding with contacts by height (mm/frame)");
        // The motion flags only the left foot. Its knee bends 0.1 rad/frame about X, which swings
        // the foot along Z on top of the root's 1 cm/frame along X, so it slides more than 10 mm/frame.
        FootContacts flags = FootContacts.fromMotion(m, feet);
        for (int pair = 0; pair < frames - 1; pair++) {
            assertTrue(flags.inContact(0, 0, pair) && !flags.inContact(1, 0, pair), "contact flags of pair " + pair);
        }
        assertTrue(QUALITY.footSliding(track, feet, flags) > 10.0, "the bending left leg slides more than the root's 10 mm/frame");
    }

    @Test
    void flipsCountBigJumpsButNotSignFlipsOrSlowTurns() {
        Skeleton sk = Humanoid.standard();
        int joint = sk.require(Humanoid.foreArm(0));
        int frames = 30;
        Motion.Builder b = Motion.builder(sk, 30, frames);
        for (int t = 0; t < frames; t++) {
            // 10°/frame: 290° in total, never a flip.
            Quat q = Quat.axisAngle(Vec3.Y, Math.toRadians(10 * t));
            b.rotation(t, joint, t % 3 == 0 ? q.negated() : q);
        }
        assertEquals(0, QUALITY.flips(b.build()), "slow turn with quaternion sign flips every third frame");

        b.rotation(12, sk.require(Humanoid.HEAD), Quat.axisAngle(Vec3.X, Math.toRadians(120)));
        Motion m = b.build();
        // Frame 12 jumps 120° away and frame 13 jumps back: two flips.
        assertArrayEquals(new int[] {12, 13}, QUALITY.flipFrames(m), "frames with a flip");
        assertEquals(2, QUALITY.flips(m), "flips");
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MotionQuality.Options(0, 0.05, 0.5, 4, 90));
        assertTrue(e.getMessage().contains("skateWindow"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MotionQuality.Options(0, 0, 0.5, 5, 90));
        assertThrows(IllegalArgumentException.class, () -> QUALITY.jitter(track(3, 30, (f, k) -> Vec3.ZERO)));
    }
}
