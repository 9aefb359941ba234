package io.anim3d.formats.bvh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZxyEulerTest {
    private static Quat compose(double[] zxy) {
        return Quat.axisAngle(Vec3.Z, zxy[0]).mul(Quat.axisAngle(Vec3.X, zxy[1])).mul(Quat.axisAngle(Vec3.Y, zxy[2]));
    }

    /** Largest element difference of the two rotation matrices (acos-based angles lose digits near 0). */
    static double matrixDistance(Quat a, Quat b) {
        double[] ma = a.toMatrix(), mb = b.toMatrix();
        double d = 0;
        for (int i = 0; i < 9; i++) {
            d = Math.max(d, Math.abs(ma[i] - mb[i]));
        }
        return d;
    }

    @Test
    void anglesRebuildEveryRandomRotation() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Quat q = new Quat(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()).normalized();
            double[] zxy = new ZxyEuler().next(q.toMatrix()); // fresh: no history
            double err = matrixDistance(compose(zxy), q);
            assertTrue(err < 1e-12, "rotation " + i + " " + q + ": rebuilt matrix differs by " + err);
            for (double a : zxy) {
                // whichever branch is nearer (0, 0, 0): each angle within ±180°
                assertTrue(Math.abs(a) <= Math.PI + 1e-12, "rotation " + i + ": angle " + a + " rad from rest");
            }
        }
    }

    @Test
    void exactGimbalLockKeepsThePreviousZAndStaysExact() {
        for (double x : new double[] {90, -90}) {
            ZxyEuler e = new ZxyEuler();
            e.next(SyntheticMotions.zxy(30, x * 0.98, 10).toMatrix());
            double[] locked = e.next(SyntheticMotions.zxy(32, x, 12).toMatrix());
            assertEquals(Math.toRadians(30), locked[0], 1e-12, "Z at X=" + x + "° must stay the previous frame's");
            assertEquals(Math.toRadians(x), locked[1], 1e-7, "X at lock");
            double err = matrixDistance(compose(locked), SyntheticMotions.zxy(32, x, 12));
            assertTrue(err < 1e-9, "X=" + x + "°: locked solution's matrix differs by " + err);
        }
    }

    @Test
    void aSpinUnwrapsPast180AndCrossesTheXPole() {
        ZxyEuler e = new ZxyEuler();
        double[] prev = {0, 0, 0};
        for (int f = 0; f <= 400; f++) {
            // Y spins 3 turns while X swings to ±120°, beyond the principal range
            double[] truth = {Math.toRadians(25 * Math.sin(f * 0.05)), Math.toRadians(120 * Math.sin(f * 0.03)),
                Math.toRadians(3 * 360.0 * f / 400)};
            double[] got = e.next(compose(truth).toMatrix());
            for (int k = 0; k < 3; k++) {
                assertEquals(truth[k], got[k], 1e-9, "frame " + f + " angle " + "ZXY".charAt(k) + ": the continuous solution");
                assertTrue(Math.abs(got[k] - prev[k]) < Math.toRadians(20), "frame " + f + " jumps");
            }
            prev = got;
        }
    }
}
