package io.anim3d.motion.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcrustesTest {
    static Vec3[] randomPoints(long seed, int n) {
        Random r = new Random(seed);
        Vec3[] p = new Vec3[n];
        for (int i = 0; i < n; i++) {
            p[i] = new Vec3(r.nextGaussian() * 0.3, r.nextGaussian() * 0.5, r.nextGaussian() * 0.2);
        }
        return p;
    }

    static double determinant(Quat q) {
        double[] m = q.toMatrix();
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static double rms(Vec3[] a, Vec3[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(a[i].distance(b[i]), 2);
        }
        return Math.sqrt(s / a.length);
    }

    @Test
    void recoversAKnownSimilarityForManyRotationsIncludingHalfTurns() {
        Vec3[] source = randomPoints(1, 17);
        Quat[] rotations = {
            Quat.IDENTITY,
            Quat.axisAngle(new Vec3(1, 2, 3), 0.7),
            Quat.axisAngle(Vec3.Y, Math.PI),
            Quat.axisAngle(new Vec3(1, 1, 0), Math.PI),
            Quat.axisAngle(new Vec3(-2, 0.5, 1), 2.9)};
        for (Quat rotation : rotations) {
            Similarity truth = new Similarity(1.37, rotation, new Vec3(0.4, -1.2, 5.1));
            Similarity fit = Procrustes.similarity(source, truth.apply(source));
            String what = "rotation " + rotation + ": ";
            assertEquals(1.37, fit.scale(), 1e-12, what + "scale");
            assertTrue(fit.rotation().angleTo(rotation) < 1e-7, what + "fitted rotation is " + fit.rotation()
                    + ", off by " + Math.toDegrees(fit.rotation().angleTo(rotation)) + "°");
            assertTrue(fit.translation().distance(truth.translation()) < 1e-9, what + "translation " + fit.translation());
            assertTrue(rms(fit.apply(source), truth.apply(source)) < 1e-9, what + "residual");
        }
    }

    @Test
    void rigidFitKeepsScaleOne() {
        Vec3[] source = randomPoints(2, 10);
        Similarity truth = new Similarity(2.0, Quat.axisAngle(Vec3.Z, 0.3), Vec3.X);
        Similarity fit = Procrustes.rigid(source, truth.apply(source));
        assertEquals(1.0, fit.scale(), 0, "rigid fit must not scale");
        assertTrue(fit.rotation().angleTo(truth.rotation()) < 1e-7, "rigid fit of a scaled copy still finds the rotation, got "
                + fit.rotation());
    }

    @Test
    void aMirrorImageIsNotAlignedByAReflection() {
        Vec3[] source = randomPoints(3, 17);
        Vec3[] mirrored = new Vec3[source.length];
        for (int i = 0; i < source.length; i++) {
            mirrored[i] = new Vec3(-source[i].x(), source[i].y(), source[i].z());
        }
        Similarity fit = Procrustes.similarity(source, mirrored);
        assertEquals(1.0, determinant(fit.rotation()), 1e-12, "det(R) of the fitted rotation");
        double spread = rms(source, fill(Vec3.mean(source), source.length));
        double residual = rms(fit.apply(source), mirrored);
        // A reflection would give 0; the best proper rotation leaves an error of the order of the
        // point set's smallest extent (here the 0.3 m x spread).
        assertTrue(residual > 0.1 * spread, "mirror image aligned too well: residual " + residual + " m, spread " + spread + " m");
    }

    @Test
    void planarPointsGetAProperRotationAndZeroResidual() {
        // For coplanar points a rotation and a reflection fit equally well: the degenerate case
        // where SVD-based code without the det correction returns a mirror.
        Vec3[] source = randomPoints(4, 12);
        for (int i = 0; i < source.length; i++) {
            source[i] = new Vec3(source[i].x(), source[i].y(), 0);
        }
        Similarity truth = new Similarity(0.8, Quat.axisAngle(new Vec3(0.3, -1, 0.2), 1.1), new Vec3(1, 2, 3));
        Similarity fit = Procrustes.similarity(source, truth.apply(source));
        assertEquals(1.0, determinant(fit.rotation()), 1e-12, "det(R)");
        assertTrue(rms(fit.apply(source), truth.apply(source)) < 1e-9, "residual for planar points "
                + rms(fit.apply(source), truth.apply(source)));
    }

    @Test
    void collapsedSourceMapsToTheTargetCentroid() {
        Vec3[] source = fill(new Vec3(1, 1, 1), 5);
        Vec3[] target = randomPoints(5, 5);
        Similarity fit = Procrustes.similarity(source, target);
        assertEquals(0.0, fit.scale(), 0, "scale for a collapsed source");
        assertTrue(fit.apply(source[0]).distance(Vec3.mean(target)) < 1e-12, "collapsed source should map to the target centroid");
    }

    @Test
    void unequalPointSetsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Procrustes.similarity(randomPoints(6, 3), randomPoints(7, 4)));
        assertTrue(e.getMessage().contains("3 and 4"), e.getMessage());
    }

    static Vec3[] fill(Vec3 v, int n) {
        Vec3[] out = new Vec3[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
