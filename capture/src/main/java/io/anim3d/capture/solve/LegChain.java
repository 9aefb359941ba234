package io.anim3d.capture.solve;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;

/**
 * One leg of the standard skeleton in one frame: forward kinematics of hip → knee → ankle →
 * toes from the pelvis transform and the leg's local rotations, and analytic two-bone IK that
 * moves the ankle to a target while keeping the knee in its current bend plane and the foot's
 * world orientation.
 */
final class LegChain {
    final int upLeg;
    final int leg;
    final int foot;
    final int toeBase;
    final int toeEnd;
    private final Skeleton skeleton;
    /** Height of the ankle above the sole in the rest pose, metres. */
    final double ankleHeight;

    LegChain(Skeleton skeleton, int side) {
        this.skeleton = skeleton;
        upLeg = skeleton.require(Humanoid.upLeg(side));
        leg = skeleton.require(Humanoid.leg(side));
        foot = skeleton.require(Humanoid.foot(side));
        toeBase = skeleton.require(Humanoid.toeBase(side));
        toeEnd = skeleton.require(Humanoid.toeEnd(side));
        Vec3[] rest = skeleton.restPositions();
        ankleHeight = rest[foot].y() - Math.min(rest[toeBase].y(), rest[toeEnd].y());
    }

    /** Positions {hip, knee, ankle, toeBase, toeEnd} for pelvis world rotation/position and local rotations. */
    Vec3[] positions(Quat pelvis, Vec3 hipsPosition, Quat[] local) {
        Quat wUp = pelvis.mul(local[upLeg]);
        Quat wLeg = wUp.mul(local[leg]);
        Quat wFoot = wLeg.mul(local[foot]);
        Quat wToe = wFoot.mul(local[toeBase]);
        Vec3 hip = hipsPosition.plus(pelvis.rotate(skeleton.offset(upLeg)));
        Vec3 knee = hip.plus(wUp.rotate(skeleton.offset(leg)));
        Vec3 ankle = knee.plus(wLeg.rotate(skeleton.offset(foot)));
        Vec3 toe = ankle.plus(wFoot.rotate(skeleton.offset(toeBase)));
        Vec3 tip = toe.plus(wToe.rotate(skeleton.offset(toeEnd)));
        return new Vec3[] {hip, knee, ankle, toe, tip};
    }

    /** World rotation of the foot for the pelvis rotation and local rotations. */
    Quat footWorld(Quat pelvis, Quat[] local) {
        return pelvis.mul(local[upLeg]).mul(local[leg]).mul(local[foot]);
    }

    /** Sets the foot's local rotation so that its world rotation is {@code world}. */
    void setFootWorld(Quat pelvis, Quat[] local, Quat world) {
        Quat shin = pelvis.mul(local[upLeg]).mul(local[leg]);
        local[foot] = shin.inverse().mul(world).alignedWith(local[foot]);
    }

    /** Height of the sole: the lowest of the toes and the ankle less its rest height. */
    double soleHeight(Vec3[] p) {
        return Math.min(Math.min(p[3].y(), p[4].y()), p[2].y() - ankleHeight);
    }

    /**
     * Moves the ankle to {@code target} (as far as the leg reaches), updating {@code local}'s
     * thigh, shin and foot rotations in place.
     */
    void reach(Quat pelvis, Vec3 hipsPosition, Quat[] local, Vec3 target) {
        Vec3[] p = positions(pelvis, hipsPosition, local);
        Vec3 hip = p[0], knee = p[1], ankle = p[2];
        double a = knee.distance(hip), b = ankle.distance(knee);
        Vec3 toTarget = target.minus(hip);
        double d = Math.max(Math.abs(a - b) + 1e-4, Math.min(a + b - 1e-4, toTarget.length()));
        Vec3 dir = toTarget.normalized(ankle.minus(hip).normalized(Vec3.Y.times(-1)));
        Vec3 pole = knee.minus(hip).perpendicularTo(dir).normalized(Vec3.Z);
        double cosA = (a * a + d * d - b * b) / (2 * a * d);
        double sinA = Math.sqrt(Math.max(0, 1 - cosA * cosA));
        Vec3 newKnee = hip.plus(dir.times(a * cosA)).plus(pole.times(a * sinA));

        Quat wUp = pelvis.mul(local[upLeg]);
        Quat wLeg = wUp.mul(local[leg]);
        Quat wFoot = wLeg.mul(local[foot]);
        Quat newUp = Quat.fromTo(knee.minus(hip), newKnee.minus(hip)).mul(wUp);
        Quat legAfterThigh = newUp.mul(local[leg]);
        Vec3 ankleAfterThigh = newKnee.plus(legAfterThigh.rotate(skeleton.offset(foot)));
        Vec3 reachedTarget = hip.plus(dir.times(d));
        Quat newLeg = Quat.fromTo(ankleAfterThigh.minus(newKnee), reachedTarget.minus(newKnee)).mul(legAfterThigh);
        local[upLeg] = pelvis.inverse().mul(newUp).alignedWith(local[upLeg]);
        local[leg] = newUp.inverse().mul(newLeg).alignedWith(local[leg]);
        local[foot] = newLeg.inverse().mul(wFoot).alignedWith(local[foot]);
    }
}
