package io.anim3d.formats.bvh;

import io.anim3d.motion.Motion;
import io.anim3d.motion.Vec3;
import java.util.Locale;

/** The largest joint world-position difference between two motions, and where it happened. */
record MotionComparison(double maxErrorMetres, int frame, int joint, String jointName) {
    /**
     * Compares every frame and every joint at or after {@code firstJoint} (joints matched by index;
     * both skeletons must have the same size).
     */
    static MotionComparison of(Motion expected, Motion actual, int firstJoint) {
        if (expected.frameCount() != actual.frameCount()) {
            throw new AssertionError("frame count " + actual.frameCount() + ", expected " + expected.frameCount());
        }
        if (expected.skeleton().size() != actual.skeleton().size()) {
            throw new AssertionError("joint count " + actual.skeleton().size() + ", expected "
                    + expected.skeleton().size());
        }
        double max = -1;
        int mf = -1, mj = -1;
        for (int f = 0; f < expected.frameCount(); f++) {
            Vec3[] e = expected.worldPositions(f);
            Vec3[] a = actual.worldPositions(f);
            for (int j = firstJoint; j < e.length; j++) {
                double d = e[j].distance(a[j]);
                if (d > max) {
                    max = d;
                    mf = f;
                    mj = j;
                }
            }
        }
        return new MotionComparison(max, mf, mj, mj < 0 ? "-" : expected.skeleton().name(mj));
    }

    String describe() {
        return String.format(Locale.ROOT, "max world-position error %.6f mm at frame %d, joint %d (%s)",
                maxErrorMetres * 1000, frame, joint, jointName);
    }
}
