package io.anim3d.render.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.HashMap;
import java.util.Map;

/** Poses built from local rotations on the standard humanoid skeleton, for tests and the benchmark. */
final class TestPoses {
    private TestPoses() {
    }

    /** The rest (T) pose, root at its rest offset. */
    static Pose tPose(Character c) {
        return pose(c.skeleton(), Map.of(), Vec3.ZERO);
    }

    /** Local rotations by joint name (others identity), the root moved by {@code rootShift} from its rest offset. */
    static Pose pose(Skeleton s, Map<String, Quat> rotations, Vec3 rootShift) {
        Quat[] local = new Quat[s.size()];
        for (int j = 0; j < local.length; j++) {
            local[j] = rotations.getOrDefault(s.name(j), Quat.IDENTITY);
        }
        return Pose.of(s, local, s.offset(0).plus(rootShift));
    }

    /** Arms raised (left up high, right half up, elbows bent), a step forward, head turned, a slight lean. */
    static Map<String, Quat> armsRaised() {
        Map<String, Quat> r = new HashMap<>();
        r.put(Humanoid.arm(0), Quat.axisAngle(Vec3.Z, Math.toRadians(65)));
        r.put(Humanoid.foreArm(0), Quat.axisAngle(Vec3.Z, Math.toRadians(35)));
        r.put(Humanoid.arm(1), Quat.axisAngle(Vec3.Z, Math.toRadians(-20)).mul(Quat.axisAngle(Vec3.Y, Math.toRadians(35))));
        r.put(Humanoid.foreArm(1), Quat.axisAngle(Vec3.Y, Math.toRadians(70)));
        r.put(Humanoid.upLeg(0), Quat.axisAngle(Vec3.X, Math.toRadians(-30)));
        r.put(Humanoid.leg(0), Quat.axisAngle(Vec3.X, Math.toRadians(35)));
        r.put(Humanoid.upLeg(1), Quat.axisAngle(Vec3.X, Math.toRadians(12)));
        r.put(Humanoid.NECK, Quat.axisAngle(Vec3.Y, Math.toRadians(20)));
        r.put(Humanoid.SPINE1, Quat.axisAngle(Vec3.Z, Math.toRadians(4)));
        return r;
    }

    /** The left arm reaching forward with the forearm across the chest: the hand in front of the torso. */
    static Map<String, Quat> handOnChest() {
        Map<String, Quat> r = new HashMap<>();
        r.put(Humanoid.arm(0), Quat.axisAngle(Vec3.Y, Math.toRadians(-75)));
        r.put(Humanoid.foreArm(0), Quat.axisAngle(Vec3.Y, Math.toRadians(-100)));
        r.put(Humanoid.arm(1), Quat.axisAngle(Vec3.Z, Math.toRadians(-70)));
        return r;
    }

    /**
     * A walk cycle at time {@code t} seconds: legs and arms swing at 1 Hz, the hips bob and move
     * along +X at 0.6 m/s back and forth over ±1 m, the body turns slowly.
     */
    static Pose walking(Skeleton s, double t) {
        double phase = 2 * Math.PI * t;
        double swing = Math.sin(phase);
        Map<String, Quat> r = new HashMap<>();
        r.put(Humanoid.HIPS, Quat.axisAngle(Vec3.Y, 0.6 * Math.sin(0.3 * phase)));
        r.put(Humanoid.upLeg(0), Quat.axisAngle(Vec3.X, Math.toRadians(-28 * swing)));
        r.put(Humanoid.upLeg(1), Quat.axisAngle(Vec3.X, Math.toRadians(28 * swing)));
        r.put(Humanoid.leg(0), Quat.axisAngle(Vec3.X, Math.toRadians(30 * Math.max(0, -Math.cos(phase)) + 5)));
        r.put(Humanoid.leg(1), Quat.axisAngle(Vec3.X, Math.toRadians(30 * Math.max(0, Math.cos(phase)) + 5)));
        r.put(Humanoid.arm(0), Quat.axisAngle(Vec3.Z, Math.toRadians(-70)).mul(Quat.axisAngle(Vec3.Y, Math.toRadians(-25 * swing))));
        r.put(Humanoid.arm(1), Quat.axisAngle(Vec3.Z, Math.toRadians(70)).mul(Quat.axisAngle(Vec3.Y, Math.toRadians(-25 * swing))));
        r.put(Humanoid.foreArm(0), Quat.axisAngle(Vec3.Y, Math.toRadians(-20)));
        r.put(Humanoid.foreArm(1), Quat.axisAngle(Vec3.Y, Math.toRadians(20)));
        r.put(Humanoid.SPINE1, Quat.axisAngle(Vec3.Y, Math.toRadians(-8 * swing)));
        double x = Math.sin(0.3 * phase);
        double bob = 0.025 * Math.cos(2 * phase) - 0.02;
        return pose(s, r, new Vec3(x, bob, 0));
    }
}
