package io.anim3d.motion.metrics;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;

/**
 * A similarity transform {@code p ↦ scale · rotation(p) + translation}. The rotation is a unit
 * quaternion, so it is always proper (det = +1): a mirror image can never be produced.
 *
 * @param scale       uniform scale, ≥ 0 (1 for a rigid transform)
 * @param rotation    unit quaternion
 * @param translation metres
 */
public record Similarity(double scale, Quat rotation, Vec3 translation) {
    public static final Similarity IDENTITY = new Similarity(1, Quat.IDENTITY, Vec3.ZERO);

    public Similarity {
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and ≥ 0, got " + scale);
        }
    }

    public Vec3 apply(Vec3 p) {
        return rotation.rotate(p).times(scale).plus(translation);
    }

    /** Every point transformed, in a new array. */
    public Vec3[] apply(Vec3[] points) {
        Vec3[] out = new Vec3[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = apply(points[i]);
        }
        return out;
    }
}
