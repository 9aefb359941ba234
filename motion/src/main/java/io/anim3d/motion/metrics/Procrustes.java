package io.anim3d.motion.metrics;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;

/**
 * Least-squares alignment of one point set onto another: the similarity (Umeyama 1991) or rigid
 * transform T minimising Σ‖target_i − T(source_i)‖².
 *
 * <p>The rotation comes from Horn's quaternion method (1987): the unit quaternion maximising
 * Σ (target_i − t̄)·R(source_i − s̄) is the eigenvector of the largest eigenvalue of a symmetric
 * 4×4 matrix built from the cross-covariance. A quaternion always describes a proper rotation,
 * so this gives the same optimum as Umeyama's SVD solution with its det(R) = +1 correction,
 * without needing an SVD and without a reflection special case. The optimal scale is that
 * largest eigenvalue divided by Σ‖source_i − s̄‖² (Umeyama's tr(DS)/σ²).
 */
public final class Procrustes {
    private Procrustes() {
    }

    /** The similarity (scale, rotation, translation) taking {@code source} closest to {@code target}. */
    public static Similarity similarity(Vec3[] source, Vec3[] target) {
        return fit(source, target, true);
    }

    /** The rigid transform (rotation and translation, scale 1) taking {@code source} closest to {@code target}. */
    public static Similarity rigid(Vec3[] source, Vec3[] target) {
        return fit(source, target, false);
    }

    /**
     * When every source point coincides the rotation is undetermined and the best similarity has
     * scale 0 (everything maps to the target centroid); the rotation is then identity.
     */
    private static Similarity fit(Vec3[] source, Vec3[] target, boolean withScale) {
        if (source.length != target.length || source.length == 0) {
            throw new IllegalArgumentException("alignment needs two equally long, non-empty point sets, got "
                    + source.length + " and " + target.length);
        }
        Vec3 sc = Vec3.mean(source);
        Vec3 tc = Vec3.mean(target);
        double sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0;
        double sourceSpread = 0;
        for (int i = 0; i < source.length; i++) {
            Vec3 a = source[i].minus(sc);
            Vec3 b = target[i].minus(tc);
            sxx += a.x() * b.x();
            sxy += a.x() * b.y();
            sxz += a.x() * b.z();
            syx += a.y() * b.x();
            syy += a.y() * b.y();
            syz += a.y() * b.z();
            szx += a.z() * b.x();
            szy += a.z() * b.y();
            szz += a.z() * b.z();
            sourceSpread += a.dot(a);
        }
        double[][] n = {
            {sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
            {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
            {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
            {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}};
        Quat rotation = Quat.IDENTITY;
        double scale = 1;
        if (sourceSpread > 0) {
            JacobiEigen.Result eigen = JacobiEigen.decompose(n);
            double[] q = eigen.largestVector();
            rotation = new Quat(q[0], q[1], q[2], q[3]).normalized();
            if (withScale) {
                scale = Math.max(0, eigen.largestValue() / sourceSpread);
            }
        } else if (withScale) {
            scale = 0;
        }
        Vec3 translation = tc.minus(rotation.rotate(sc).times(scale));
        return new Similarity(scale, rotation, translation);
    }
}
