package io.anim3d.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rotation math and the skeleton/motion model's invariants. */
class MotionModelTest {
    private static final Random RANDOM = new Random(42);

    private static Quat randomRotation() {
        return Quat.axisAngle(new Vec3(RANDOM.nextGaussian(), RANDOM.nextGaussian(), RANDOM.nextGaussian()),
                RANDOM.nextDouble() * 2 * Math.PI);
    }

    @Test
    void matrixRoundTripAndComposition() {
        for (int i = 0; i < 1000; i++) {
            Quat q = randomRotation();
            Quat back = Quat.fromMatrix(q.toMatrix());
            assertTrue(q.angleTo(back) < 1e-7, "matrix round trip of " + q + " gave " + back);
            Quat r = randomRotation();
            Vec3 v = new Vec3(1, 2, 3);
            Vec3 composed = q.mul(r).rotate(v);
            Vec3 stepwise = q.rotate(r.rotate(v));
            assertTrue(composed.distance(stepwise) < 1e-9, "q·r applies r first");
        }
    }

    @Test
    void swingTwistRecomposesAndTwistsAboutTheAxis() {
        Vec3 axis = new Vec3(0, 1, 0);
        for (int i = 0; i < 1000; i++) {
            Quat q = randomRotation();
            Quat[] st = q.swingTwist(axis);
            assertTrue(st[0].mul(st[1]).angleTo(q) < 1e-7, "swing · twist = q");
            Vec3 twistAxis = new Vec3(st[1].x(), st[1].y(), st[1].z());
            assertTrue(twistAxis.cross(axis).length() < 1e-9, "twist turns about the axis");
            Vec3 swingAxis = new Vec3(st[0].x(), st[0].y(), st[0].z());
            assertEquals(0, swingAxis.dot(axis), 1e-9, "the swing turns about an axis perpendicular to the twist axis");
            assertTrue(st[0].rotate(axis).distance(q.rotate(axis)) < 1e-9, "the swing moves the axis where q does");
        }
    }

    @Test
    void logExpAndSlerpAreConsistent() {
        for (int i = 0; i < 200; i++) {
            Quat q = randomRotation();
            // angleTo resolves about 1e-8 rad (acos near 1).
            assertTrue(Quat.exp(q.log()).angleTo(q) < 1e-6, "exp(log q) = q");
            Quat r = randomRotation();
            Quat half = q.slerp(r, 0.5);
            assertEquals(q.angleTo(half), half.angleTo(r), 1e-7, "slerp halfway is equidistant");
            assertTrue(q.slerp(r, 0).angleTo(q) < 1e-7 && q.slerp(r, 1).angleTo(r) < 1e-7, "slerp end points");
        }
        Quat a = Quat.axisAngle(Vec3.Y, 0.1);
        assertTrue(a.negated().alignedWith(a).dot(a) > 0, "alignedWith picks the hemisphere");
    }

    @Test
    void standardHumanoidHas65JointsInTPose() {
        Skeleton s = Humanoid.standard();
        assertEquals(Humanoid.JOINT_COUNT, s.size());
        assertEquals("Hips", s.name(0));
        Skeleton withRoot = Humanoid.standard(true);
        assertEquals(66, withRoot.size());
        assertEquals("Root", withRoot.name(0));
        assertEquals(0, withRoot.parent(withRoot.require("Hips")));
        Vec3[] rest = s.restPositions();
        assertTrue(rest[s.require("LeftHand")].x() > 0.5, "the left hand is out along +X in the T-pose");
        assertTrue(rest[s.require("RightHand")].x() < -0.5, "the right hand is out along -X");
        assertTrue(rest[s.require("LeftToe_End")].z() > rest[s.require("LeftFoot")].z(), "the feet point to +Z");
        int leaves = 0;
        for (int j = 0; j < s.size(); j++) {
            if (s.isLeaf(j)) {
                leaves++;
                String n = s.name(j);
                assertTrue(n.equals("HeadTop_End") || n.endsWith("4") || n.endsWith("Toe_End"), "unexpected leaf " + n);
            }
        }
        assertEquals(1 + 10 + 2, leaves, "head top, ten finger tips, two toe ends");
    }

    @Test
    void forwardKinematicsOfARotatedChain() {
        Skeleton s = new Skeleton(List.of("a", "b", "c"), new int[] {-1, 0, 1},
                List.of(new Vec3(0, 1, 0), new Vec3(1, 0, 0), new Vec3(1, 0, 0)));
        Motion m = Motion.builder(s, 30, 1)
                .rotation(0, 1, Quat.axisAngle(Vec3.Z, Math.PI / 2))
                .rootPosition(0, new Vec3(0, 2, 0)).build();
        Vec3[] p = m.worldPositions(0);
        assertTrue(p[0].distance(new Vec3(0, 2, 0)) < 1e-12, "root at its position");
        assertTrue(p[1].distance(new Vec3(1, 2, 0)) < 1e-12, "b at its offset");
        assertTrue(p[2].distance(new Vec3(1, 3, 0)) < 1e-12, "c turned 90° about Z by b: " + p[2]);
        assertThrows(IllegalArgumentException.class, () -> new Skeleton(List.of("a", "a"), new int[] {-1, 0},
                List.of(Vec3.ZERO, Vec3.X)));
    }
}
