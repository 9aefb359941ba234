package io.anim3d.capture.solve;

import static io.anim3d.motion.PoseLandmark.LEFT_ANKLE;
import static io.anim3d.motion.PoseLandmark.LEFT_EAR;
import static io.anim3d.motion.PoseLandmark.LEFT_ELBOW;
import static io.anim3d.motion.PoseLandmark.LEFT_FOOT_INDEX;
import static io.anim3d.motion.PoseLandmark.LEFT_HEEL;
import static io.anim3d.motion.PoseLandmark.LEFT_HIP;
import static io.anim3d.motion.PoseLandmark.LEFT_INDEX;
import static io.anim3d.motion.PoseLandmark.LEFT_KNEE;
import static io.anim3d.motion.PoseLandmark.LEFT_PINKY;
import static io.anim3d.motion.PoseLandmark.LEFT_SHOULDER;
import static io.anim3d.motion.PoseLandmark.LEFT_WRIST;
import static io.anim3d.motion.PoseLandmark.NOSE;
import static io.anim3d.motion.PoseLandmark.RIGHT_ANKLE;
import static io.anim3d.motion.PoseLandmark.RIGHT_EAR;
import static io.anim3d.motion.PoseLandmark.RIGHT_ELBOW;
import static io.anim3d.motion.PoseLandmark.RIGHT_FOOT_INDEX;
import static io.anim3d.motion.PoseLandmark.RIGHT_HEEL;
import static io.anim3d.motion.PoseLandmark.RIGHT_HIP;
import static io.anim3d.motion.PoseLandmark.RIGHT_INDEX;
import static io.anim3d.motion.PoseLandmark.RIGHT_KNEE;
import static io.anim3d.motion.PoseLandmark.RIGHT_PINKY;
import static io.anim3d.motion.PoseLandmark.RIGHT_SHOULDER;
import static io.anim3d.motion.PoseLandmark.RIGHT_WRIST;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;

/**
 * Local joint rotations of the standard skeleton from one frame of world landmarks (solver
 * frame: Y up, the person facing +Z when facing the camera).
 *
 * <ul>
 *   <li>Pelvis from the hip line and the torso's up direction; the chest's extra twist and bend
 *       shared evenly by Spine, Spine1 and Spine2; the head from ears and nose, shared by Neck and
 *       Head.</li>
 *   <li>Upper arm and thigh aimed at the elbow and knee, turned so the elbow/knee bends in the
 *       plane of the limb (the forearm forward, the shin backward in rest terms). Near a straight
 *       limb that plane is undefined: the reference blends into the previous frame's, so the
 *       twist holds instead of spinning.</li>
 *   <li>Elbow and knee are hinges: the shortest rotation in that plane, flexion only, at most
 *       160°. Forearm twist comes from the knuckle line (pinky → index), half in the forearm,
 *       the rest in the hand.</li>
 *   <li>Foot from heel → toe and the shin; toes, fingers and the clavicles stay at rest.</li>
 *   <li>Low visibility: a joint's new rotation is blended towards the previous frame's in
 *       proportion to how unsure its landmarks are, so occluded limbs hold instead of snapping.</li>
 * </ul>
 *
 * Stateful across frames (references and previous rotations): one instance per motion.
 */
final class RotationSolver {
    /** Below this sine of the bend angle (≈ 25°) the bend plane is blended with the previous reference. */
    private static final double BEND_PLANE_SINE = Math.sin(Math.toRadians(25));
    private static final double MAX_HINGE = Math.toRadians(160);
    private static final double MAX_HAND = Math.toRadians(70);
    private static final double MAX_ANKLE = Math.toRadians(60);
    private static final double MAX_TWIST = Math.toRadians(110);
    /** Fastest believable turn of a limb joint (a fast kick or throw stays below it). */
    private static final double MAX_LIMB_DEGREES_PER_SECOND = 1500;
    /** Fastest believable turn of the hand on its forearm. */
    private static final double MAX_HAND_DEGREES_PER_SECOND = 900;
    /** Rest direction from the ear midpoint to the nose: forward and a little down. */
    private static final Vec3 REST_NOSE = new Vec3(0, -0.3, 1).normalized();

    private final Skeleton skeleton;
    private final int hips;
    private final int spine;
    private final int spine1;
    private final int spine2;
    private final int neck;
    private final int head;
    private final int[] arm = new int[2];
    private final int[] foreArm = new int[2];
    private final int[] hand = new int[2];
    private final int[] upLeg = new int[2];
    private final int[] leg = new int[2];
    private final int[] foot = new int[2];
    private final Vec3[] armReference = new Vec3[2];
    private final Vec3[] legReference = new Vec3[2];
    private final double[] previousTwist = new double[2];
    private Quat[] previous;

    RotationSolver(Skeleton skeleton) {
        this.skeleton = skeleton;
        hips = skeleton.require(Humanoid.HIPS);
        spine = skeleton.require(Humanoid.SPINE);
        spine1 = skeleton.require(Humanoid.SPINE1);
        spine2 = skeleton.require(Humanoid.SPINE2);
        neck = skeleton.require(Humanoid.NECK);
        head = skeleton.require(Humanoid.HEAD);
        for (int s = 0; s < 2; s++) {
            arm[s] = skeleton.require(Humanoid.arm(s));
            foreArm[s] = skeleton.require(Humanoid.foreArm(s));
            hand[s] = skeleton.require(Humanoid.hand(s));
            upLeg[s] = skeleton.require(Humanoid.upLeg(s));
            leg[s] = skeleton.require(Humanoid.leg(s));
            foot[s] = skeleton.require(Humanoid.foot(s));
        }
    }

    /** Local rotations of every joint in frame {@code f}; the root's is its world rotation. */
    Quat[] solve(BodyFrames b, int f) {
        Quat[] local = new Quat[skeleton.size()];
        java.util.Arrays.fill(local, Quat.IDENTITY);
        Vec3 lh = b.world(f, LEFT_HIP), rh = b.world(f, RIGHT_HIP);
        Vec3 ls = b.world(f, LEFT_SHOULDER), rs = b.world(f, RIGHT_SHOULDER);
        Vec3 midHip = lh.lerp(rh, 0.5), midShoulder = ls.lerp(rs, 0.5);
        Vec3 up = midShoulder.minus(midHip);

        Quat pelvis = Frames3.xSideYUp(lh.minus(rh), up);
        Quat chest = Frames3.xSideYUp(ls.minus(rs), up);
        local[hips] = pelvis;
        Quat spinePart = Quat.exp(pelvis.inverse().mul(chest).alignedWith(Quat.IDENTITY).log().times(1.0 / 3));
        local[spine] = spinePart;
        local[spine1] = spinePart;
        local[spine2] = spinePart;
        Quat chestWorld = pelvis.mul(spinePart).mul(spinePart).mul(spinePart);

        Vec3 earL = b.world(f, LEFT_EAR), earR = b.world(f, RIGHT_EAR);
        Vec3 toNose = b.world(f, NOSE).minus(earL.lerp(earR, 0.5));
        // Up = forward × (left ear − right ear), as Y = Z × X.
        Quat headWorld = Frames3.zForwardYUp(toNose, toNose.cross(earL.minus(earR)))
                .mul(Frames3.zForwardYUp(REST_NOSE, REST_NOSE.cross(Vec3.X)).inverse());
        Quat neckPart = Quat.exp(chestWorld.inverse().mul(headWorld).alignedWith(Quat.IDENTITY).log().times(0.5));
        local[neck] = Frames3.clampAngle(neckPart, Math.toRadians(60));
        local[head] = local[neck];

        for (int s = 0; s < 2; s++) {
            solveArm(b, f, s, chestWorld, local);
            solveLeg(b, f, s, pelvis, local);
        }
        holdUnsure(b, f, local);
        return local;
    }

    private void solveArm(BodyFrames b, int f, int s, Quat chestWorld, Quat[] local) {
        PoseLandmark sh = s == 0 ? LEFT_SHOULDER : RIGHT_SHOULDER;
        PoseLandmark el = s == 0 ? LEFT_ELBOW : RIGHT_ELBOW;
        PoseLandmark wr = s == 0 ? LEFT_WRIST : RIGHT_WRIST;
        PoseLandmark ix = s == 0 ? LEFT_INDEX : RIGHT_INDEX;
        PoseLandmark pk = s == 0 ? LEFT_PINKY : RIGHT_PINKY;
        Vec3 restDir = s == 0 ? Vec3.X : Vec3.X.times(-1);
        Vec3 upper = b.world(f, el).minus(b.world(f, sh));
        Vec3 lower = b.world(f, wr).minus(b.world(f, el));
        Vec3 axis = upper.normalized(restDir);
        // Elbow flexion moves the forearm towards +Z in the rest pose.
        Vec3 bend = lower.perpendicularTo(axis);
        double sine = lower.normalized().cross(axis).length();
        Vec3 fallback = armReference[s] != null ? armReference[s] : chestWorld.rotate(Vec3.Z);
        Vec3 reference = blendReference(bend, fallback, axis, sine, armReference[s] != null);
        armReference[s] = reference;
        // The clavicle stays at rest, so the upper arm's parent frame is the chest's.
        Quat upperWorld = Frames3.aim(restDir, Vec3.Z, upper, reference);
        local[arm[s]] = chestWorld.inverse().mul(upperWorld);

        Vec3 lowerLocal = flexionOnly(upperWorld.inverse().rotate(lower), Vec3.Z);
        Quat hinge = Frames3.clampAngle(Quat.fromTo(restDir, lowerLocal), MAX_HINGE);
        // Twist about the forearm from the knuckle line (pinky → index points to +Z at rest).
        Quat foreWorldNoTwist = upperWorld.mul(hinge);
        Vec3 knuckles = b.world(f, ix).minus(b.world(f, pk));
        Vec3 foreAxis = lower.normalized(axis);
        double twist = Frames3.signedAngle(foreWorldNoTwist.rotate(Vec3.Z), knuckles, foreAxis);
        double handConfidence = Math.min(b.visibility(f, ix), b.visibility(f, pk));
        twist *= Math.min(1, handConfidence / 0.5);
        // Forearms turn about ±110° from palms-down; a reading beyond that is the knuckle line
        // seen end-on, so the twist stays within reach of the previous frame's.
        if (twist > MAX_TWIST || twist < -MAX_TWIST) {
            twist = previousTwist[s];
        }
        twist = Math.max(-MAX_TWIST, Math.min(MAX_TWIST, twist));
        previousTwist[s] = twist;
        // The local bone axis is restDir; a twist about it by +a turns Z about the world forearm axis by +a.
        Quat foreLocal = hinge.mul(Quat.axisAngle(restDir, twist / 2));
        local[foreArm[s]] = foreLocal;
        Quat foreWorld = upperWorld.mul(foreLocal);

        Vec3 palm = b.world(f, ix).lerp(b.world(f, pk), 0.5).minus(b.world(f, wr));
        Quat handWorld = Frames3.aim(restDir, Vec3.Z, palm, knuckles);
        Quat handLocal = Frames3.clampAngle(foreWorld.inverse().mul(handWorld).alignedWith(Quat.IDENTITY), MAX_HAND);
        local[hand[s]] = Quat.IDENTITY.slerp(handLocal, Math.min(1, handConfidence / 0.5));
    }

    private void solveLeg(BodyFrames b, int f, int s, Quat pelvis, Quat[] local) {
        PoseLandmark hp = s == 0 ? LEFT_HIP : RIGHT_HIP;
        PoseLandmark kn = s == 0 ? LEFT_KNEE : RIGHT_KNEE;
        PoseLandmark an = s == 0 ? LEFT_ANKLE : RIGHT_ANKLE;
        PoseLandmark he = s == 0 ? LEFT_HEEL : RIGHT_HEEL;
        PoseLandmark to = s == 0 ? LEFT_FOOT_INDEX : RIGHT_FOOT_INDEX;
        Vec3 down = Vec3.Y.times(-1);
        Vec3 back = Vec3.Z.times(-1);
        Vec3 thigh = b.world(f, kn).minus(b.world(f, hp));
        Vec3 shin = b.world(f, an).minus(b.world(f, kn));
        Vec3 footForward = b.world(f, to).minus(b.world(f, he));
        Vec3 axis = thigh.normalized(down);
        // Knee flexion moves the shin backwards (−Z at rest); a straight leg takes the foot's
        // backward direction, then the previous reference.
        Vec3 bend = shin.perpendicularTo(axis);
        double sine = shin.normalized().cross(axis).length();
        Vec3 fallback = legReference[s] != null ? legReference[s] : footForward.times(-1);
        Vec3 reference = blendReference(bend, fallback, axis, sine, legReference[s] != null);
        legReference[s] = reference;
        Quat thighWorld = Frames3.aim(down, back, thigh, reference);
        local[upLeg[s]] = pelvis.inverse().mul(thighWorld);

        Vec3 shinLocal = flexionOnly(thighWorld.inverse().rotate(shin), back);
        Quat hinge = Frames3.clampAngle(Quat.fromTo(down, shinLocal), MAX_HINGE);
        local[leg[s]] = hinge;
        Quat shinWorld = thighWorld.mul(hinge);

        Quat footWorld = Frames3.zForwardYUp(footForward, shin.times(-1));
        local[foot[s]] = Frames3.clampAngle(shinWorld.inverse().mul(footWorld).alignedWith(Quat.IDENTITY), MAX_ANKLE);
    }

    /**
     * The bend-plane direction when the limb is clearly bent; towards the previous frame's
     * reference as it straightens (then the plane is noise).
     */
    private static Vec3 blendReference(Vec3 bend, Vec3 fallback, Vec3 axis, double sine, boolean hasPrevious) {
        Vec3 fb = fallback.perpendicularTo(axis).normalized(Vec3.Z);
        Vec3 bd = bend.normalized(fb);
        if (hasPrevious && bd.dot(fb) < 0) {
            // The limb seems bent backwards (noise near straight, or hyperextension): a real bend
            // plane never turns over between two frames, so keep the previous one.
            return fb;
        }
        double w = Math.min(1, sine / BEND_PLANE_SINE);
        return fb.times(1 - w).plus(bd.times(w)).normalized(fb);
    }

    /** The limb direction in its parent bone's frame, with any bend against the hinge removed. */
    private static Vec3 flexionOnly(Vec3 local, Vec3 bendDirection) {
        double against = local.dot(bendDirection);
        return against >= 0 ? local : local.minus(bendDirection.times(against));
    }

    /**
     * Joints whose landmarks are unsure move only part of the way from the previous frame, and
     * no limb joint turns faster than a person can (a faster reading is noise, such as a
     * knuckle line seen end-on).
     */
    private void holdUnsure(BodyFrames b, int f, Quat[] local) {
        if (previous != null) {
            double limbStep = Math.toRadians(MAX_LIMB_DEGREES_PER_SECOND) / b.frameRate;
            double handStep = Math.toRadians(MAX_HAND_DEGREES_PER_SECOND) / b.frameRate;
            for (int s = 0; s < 2; s++) {
                for (int j : new int[] {arm[s], foreArm[s], upLeg[s], leg[s], foot[s]}) {
                    local[j] = limitStep(previous[j], local[j], limbStep);
                }
                local[hand[s]] = limitStep(previous[hand[s]], local[hand[s]], handStep);
            }
            for (int s = 0; s < 2; s++) {
                double armSure = confidence(b, f, s == 0 ? LEFT_ELBOW : RIGHT_ELBOW, s == 0 ? LEFT_WRIST : RIGHT_WRIST);
                double legSure = confidence(b, f, s == 0 ? LEFT_KNEE : RIGHT_KNEE, s == 0 ? LEFT_ANKLE : RIGHT_ANKLE);
                for (int j : new int[] {arm[s], foreArm[s], hand[s]}) {
                    local[j] = previous[j].slerp(local[j], armSure);
                }
                for (int j : new int[] {upLeg[s], leg[s], foot[s]}) {
                    local[j] = previous[j].slerp(local[j], legSure);
                }
            }
        }
        for (int j = 0; j < local.length; j++) {
            if (previous != null) {
                local[j] = local[j].alignedWith(previous[j]);
            } else {
                local[j] = local[j].alignedWith(Quat.IDENTITY);
            }
        }
        previous = local.clone();
    }

    private static Quat limitStep(Quat from, Quat to, double maxRadians) {
        double angle = from.angleTo(to);
        return angle <= maxRadians ? to : from.slerp(to, maxRadians / angle);
    }

    /** 1 when both landmarks are clearly visible, falling to 0.15 (never frozen) as they fade. */
    private static double confidence(BodyFrames b, int f, PoseLandmark a, PoseLandmark c) {
        double v = Math.min(b.visibility(f, a), b.visibility(f, c));
        return Math.max(0.15, Math.min(1, (v - 0.2) / 0.4));
    }
}
