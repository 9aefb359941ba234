package io.anim3d.capture.solve;

/**
 * Options of the solver.
 *
 * @param footLocking           what to do with the feet
 * @param poseFilteringStrength 0 to 1: extra zero-phase smoothing of rotations and root on top
 *                              of the tracker's One Euro filter; 0 = none, otherwise a Gaussian
 *                              whose cutoff falls from 8 Hz towards 2 Hz ({@link #filterCutoffHz()})
 * @param rootAtOrigin          add a static {@code Root} joint at the origin parenting {@code Hips}
 * @param focalLengthFactor     the camera's focal length as a multiple of the frame's longer
 *                              side (0.8 ≈ a phone's main camera, 65° across the long side)
 */
public record SolveOptions(FootLockingMode footLocking, double poseFilteringStrength, boolean rootAtOrigin,
                           double focalLengthFactor) {
    public static final SolveOptions DEFAULT = new SolveOptions(FootLockingMode.AUTO, 0.0, false, 0.8);

    public SolveOptions {
        if (footLocking == null) {
            throw new IllegalArgumentException("footLocking is required");
        }
        if (!(poseFilteringStrength >= 0 && poseFilteringStrength <= 1)) {
            throw new IllegalArgumentException("poseFilteringStrength must be in [0, 1], got " + poseFilteringStrength);
        }
        if (!(focalLengthFactor > 0.2 && focalLengthFactor < 5)) {
            throw new IllegalArgumentException("focalLengthFactor must be in (0.2, 5), got " + focalLengthFactor);
        }
    }

    /** Cutoff of the extra smoothing, Hz: 8 · 4^(−strength), i.e. 8 Hz → 4 Hz at 0.5 → 2 Hz at 1; +∞ at 0 (off). */
    public double filterCutoffHz() {
        return poseFilteringStrength <= 0 ? Double.POSITIVE_INFINITY : 8 * Math.pow(4, -poseFilteringStrength);
    }

    public SolveOptions withFootLocking(FootLockingMode mode) {
        return new SolveOptions(mode, poseFilteringStrength, rootAtOrigin, focalLengthFactor);
    }

    public SolveOptions withPoseFilteringStrength(double s) {
        return new SolveOptions(footLocking, s, rootAtOrigin, focalLengthFactor);
    }

    public SolveOptions withRootAtOrigin(boolean r) {
        return new SolveOptions(footLocking, poseFilteringStrength, r, focalLengthFactor);
    }
}
