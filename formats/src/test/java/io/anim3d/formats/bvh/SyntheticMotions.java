package io.anim3d.formats.bvh;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;

/**
 * Deterministic, deliberately hard motions on the standard humanoid: every joint rotates (sine
 * rotation vectors, some beyond 180°), the hips spin two full turns about Y, some joints pass
 * exactly through ZXY gimbal lock (X = ±90°) or over it, and the root translates.
 */
final class SyntheticMotions {
    static final double FPS = 30;

    private SyntheticMotions() {
    }

    /**
     * @param rootAtOrigin with the static Root joint; then {@code rootMoves} chooses whether the
     *                     Root carries the translation and a yaw, or stays at the origin with
     *                     identity rotation while the Hips carry the translation
     *                     ({@link Motion#translatedJoint()}), as the solver writes rootAtOrigin
     */
    static Motion humanoid(boolean rootAtOrigin, boolean rootMoves, int frames) {
        Skeleton s = Humanoid.standard(rootAtOrigin);
        Motion.Builder b = Motion.builder(s, FPS, frames);
        for (int f = 0; f < frames; f++) {
            double t = f / FPS;
            for (int j = 0; j < s.size(); j++) {
                b.rotation(f, j, rotation(s.name(j), j, f, frames, t));
            }
            Vec3 travel = new Vec3(0.6 * Math.sin(0.7 * t), 0.08 * Math.sin(3.1 * t), 0.9 * t);
            if (!rootAtOrigin) {
                b.rootPosition(f, travel.plus(new Vec3(0, 0.95, 0)));
            } else if (rootMoves) {
                b.rootPosition(f, travel);
                b.rotation(f, 0, Quat.axisAngle(Vec3.Y, 0.8 * Math.sin(0.5 * t)));
            } else {
                b.rotation(f, 0, Quat.IDENTITY);
                b.rootPosition(f, travel.plus(new Vec3(0, 0.95, 0)));
            }
        }
        if (rootAtOrigin && !rootMoves) {
            b.translatedJoint(s.require(Humanoid.HIPS));
        }
        return b.build();
    }

    private static Quat rotation(String name, int j, int f, int frames, double t) {
        switch (name) {
            case "Hips":
                // two full turns about Y over the clip plus a wobble: the Y channel unwraps past ±180°
                return Quat.axisAngle(Vec3.Y, 4 * Math.PI * f / frames)
                        .mul(Quat.exp(new Vec3(0.3 * Math.sin(1.3 * t), 0, 0.2 * Math.sin(0.9 * t))));
            case "Spine":
                // held exactly at X = -90° (gimbal lock every frame) while Z and Y move
                return zxy(40 * Math.sin(1.1 * t), -90, 30 * Math.sin(0.6 * t));
            case "LeftArm":
                // X reaches exactly +90° at frames 10, 50, 90, ...
                return zxy(60 * Math.sin(0.8 * t), 90 * Math.sin(2 * Math.PI * f / 40.0), 45 * Math.cos(1.2 * t));
            case "RightForeArm":
                // X swings to ±110°: over the pole, where the continuous solution leaves [-90°, 90°]
                return zxy(20 * Math.sin(t), 110 * Math.sin(1.5 * t), 150 * Math.sin(0.4 * t));
            default:
                double big = j % 5 == 0 ? 3.6 : 1.0; // ~206° peaks: rotation angles beyond 180°
                return Quat.exp(new Vec3(big * 0.5 * Math.sin(0.9 * t + j), 0.6 * Math.sin(1.7 * t + 2 * j),
                        0.4 * Math.sin(1.3 * t + 0.5 * j)));
        }
    }

    /** R = Rz·Rx·Ry from degrees. */
    static Quat zxy(double zDeg, double xDeg, double yDeg) {
        return Quat.axisAngle(Vec3.Z, Math.toRadians(zDeg)).mul(Quat.axisAngle(Vec3.X, Math.toRadians(xDeg)))
                .mul(Quat.axisAngle(Vec3.Y, Math.toRadians(yDeg)));
    }
}
