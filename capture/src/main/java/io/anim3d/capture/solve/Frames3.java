package io.anim3d.capture.solve;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;

/** Orientation helpers: rotations built from body directions, and the aim rotation of a bone. */
final class Frames3 {
    private Frames3() {
    }

    /**
     * The rotation with local Z along {@code forward} and local Y as close as possible to
     * {@code up}; X = Y × Z completes a right-handed frame. The rest pose's frame is identity.
     */
    static Quat zForwardYUp(Vec3 forward, Vec3 up) {
        Vec3 z = forward.normalized(Vec3.Z);
        Vec3 y = up.perpendicularTo(z).normalized(Vec3.Y.perpendicularTo(z).normalized(Vec3.X));
        return Quat.fromAxes(y.cross(z), y, z);
    }

    /** The rotation with local X along {@code side} and local Y as close as possible to {@code up}. */
    static Quat xSideYUp(Vec3 side, Vec3 up) {
        Vec3 x = side.normalized(Vec3.X);
        Vec3 y = up.perpendicularTo(x).normalized(Vec3.Y.perpendicularTo(x).normalized(Vec3.Z));
        return Quat.fromAxes(x, y, x.cross(y));
    }

    /**
     * World rotation of a bone that points along {@code restDirection} with a reference
     * direction {@code restReference} in the rest pose, and along {@code direction} with
     * {@code reference} now: the rotation taking the rest pair onto the current pair.
     */
    static Quat aim(Vec3 restDirection, Vec3 restReference, Vec3 direction, Vec3 reference) {
        Quat now = Quat.lookAlongY(direction, reference);
        Quat rest = Quat.lookAlongY(restDirection, restReference);
        return now.mul(rest.inverse());
    }

    /** Signed angle in radians from {@code a} to {@code b} about the unit {@code axis} (both projected onto its plane). */
    static double signedAngle(Vec3 a, Vec3 b, Vec3 axis) {
        Vec3 pa = a.perpendicularTo(axis);
        Vec3 pb = b.perpendicularTo(axis);
        return Math.atan2(pa.cross(pb).dot(axis), pa.dot(pb));
    }

    /** Clamps the rotation angle of {@code q} to {@code maxRadians}, keeping its axis. */
    static Quat clampAngle(Quat q, double maxRadians) {
        Vec3 r = q.log();
        double a = r.length();
        return a <= maxRadians ? q : Quat.exp(r.times(maxRadians / a));
    }
}
