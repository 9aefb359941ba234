package io.anim3d.capture.solve;

import static io.anim3d.motion.PoseLandmark.LEFT_ANKLE;
import static io.anim3d.motion.PoseLandmark.LEFT_EAR;
import static io.anim3d.motion.PoseLandmark.LEFT_ELBOW;
import static io.anim3d.motion.PoseLandmark.LEFT_FOOT_INDEX;
import static io.anim3d.motion.PoseLandmark.LEFT_HIP;
import static io.anim3d.motion.PoseLandmark.LEFT_INDEX;
import static io.anim3d.motion.PoseLandmark.LEFT_KNEE;
import static io.anim3d.motion.PoseLandmark.LEFT_PINKY;
import static io.anim3d.motion.PoseLandmark.LEFT_SHOULDER;
import static io.anim3d.motion.PoseLandmark.LEFT_WRIST;
import static io.anim3d.motion.PoseLandmark.RIGHT_ANKLE;
import static io.anim3d.motion.PoseLandmark.RIGHT_EAR;
import static io.anim3d.motion.PoseLandmark.RIGHT_ELBOW;
import static io.anim3d.motion.PoseLandmark.RIGHT_FOOT_INDEX;
import static io.anim3d.motion.PoseLandmark.RIGHT_HIP;
import static io.anim3d.motion.PoseLandmark.RIGHT_INDEX;
import static io.anim3d.motion.PoseLandmark.RIGHT_KNEE;
import static io.anim3d.motion.PoseLandmark.RIGHT_PINKY;
import static io.anim3d.motion.PoseLandmark.RIGHT_SHOULDER;
import static io.anim3d.motion.PoseLandmark.RIGHT_WRIST;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.Arrays;

/**
 * Fits the standard skeleton's bones to the person: each length is the median over frames in
 * which both of its landmarks are clearly visible, averaged over the two sides, and each bone
 * group of the default skeleton is scaled to it (bounded to 0.6–1.6 × the default, so one bad
 * measurement cannot make a monster).
 */
final class BodyMeasure {
    /** Landmarks below this visibility do not count towards a length. */
    private static final double MIN_VISIBILITY = 0.7;
    private static final double MIN_SCALE = 0.6;
    private static final double MAX_SCALE = 1.6;

    private BodyMeasure() {
    }

    /** The standard skeleton (with Root when asked) with bones fitted to {@code frames}. */
    static Skeleton fit(BodyFrames frames, boolean rootAtOrigin) {
        Skeleton base = Humanoid.standard(rootAtOrigin);
        Vec3[] rest = base.restPositions();
        Vec3[] offsets = new Vec3[base.size()];
        for (int j = 0; j < base.size(); j++) {
            offsets[j] = base.offset(j);
        }
        double thigh = pair(frames, LEFT_HIP, LEFT_KNEE, RIGHT_HIP, RIGHT_KNEE);
        double shin = pair(frames, LEFT_KNEE, LEFT_ANKLE, RIGHT_KNEE, RIGHT_ANKLE);
        double upperArm = pair(frames, LEFT_SHOULDER, LEFT_ELBOW, RIGHT_SHOULDER, RIGHT_ELBOW);
        double foreArm = pair(frames, LEFT_ELBOW, LEFT_WRIST, RIGHT_ELBOW, RIGHT_WRIST);
        double foot = pair(frames, LEFT_ANKLE, LEFT_FOOT_INDEX, RIGHT_ANKLE, RIGHT_FOOT_INDEX);
        double hipWidth = single(frames, LEFT_HIP, RIGHT_HIP);
        double shoulderWidth = single(frames, LEFT_SHOULDER, RIGHT_SHOULDER);
        double torso = median(frames, f -> mid(frames, f, LEFT_HIP, RIGHT_HIP).distance(mid(frames, f, LEFT_SHOULDER, RIGHT_SHOULDER)),
                LEFT_HIP, RIGHT_HIP, LEFT_SHOULDER, RIGHT_SHOULDER);
        double headHeight = median(frames, f -> mid(frames, f, LEFT_EAR, RIGHT_EAR).distance(mid(frames, f, LEFT_SHOULDER, RIGHT_SHOULDER)),
                LEFT_EAR, RIGHT_EAR, LEFT_SHOULDER, RIGHT_SHOULDER);
        double hand = median(frames, f -> {
            double l = frames.world(f, LEFT_WRIST).distance(mid(frames, f, LEFT_INDEX, LEFT_PINKY));
            double r = frames.world(f, RIGHT_WRIST).distance(mid(frames, f, RIGHT_INDEX, RIGHT_PINKY));
            return (l + r) / 2;
        }, LEFT_WRIST, LEFT_INDEX, LEFT_PINKY, RIGHT_WRIST, RIGHT_INDEX, RIGHT_PINKY);

        // Default skeleton distances these measurements correspond to.
        int hips = base.require(Humanoid.HIPS);
        double defaultTorso = rest[base.require(Humanoid.arm(0))].y() - rest[base.require(Humanoid.upLeg(0))].y();
        double defaultHead = 0.20;
        double defaultShoulderHalf = rest[base.require(Humanoid.arm(0))].x();
        double defaultHipHalf = rest[base.require(Humanoid.upLeg(0))].x();
        double torsoScale = bounded(torso / defaultTorso);
        double headScale = bounded(headHeight / defaultHead);
        double shoulderScale = bounded(shoulderWidth / 2 / defaultShoulderHalf);
        double hipScale = bounded(hipWidth / 2 / defaultHipHalf);
        double handScale = bounded(hand / 0.09);
        double footScale = bounded(foot / 0.198);

        for (int j = 0; j < base.size(); j++) {
            String n = base.name(j);
            Vec3 o = offsets[j];
            if (n.equals(Humanoid.SPINE) || n.equals(Humanoid.SPINE1) || n.equals(Humanoid.SPINE2)) {
                offsets[j] = o.times(torsoScale);
            } else if (n.equals(Humanoid.NECK) || n.equals(Humanoid.HEAD) || n.equals(Humanoid.HEAD_TOP)) {
                offsets[j] = o.times(headScale);
            } else if (n.endsWith("Shoulder")) {
                offsets[j] = new Vec3(o.x() * shoulderScale, o.y() * torsoScale, o.z());
            } else if (n.endsWith("Arm") && !n.endsWith("ForeArm")) {
                offsets[j] = o.times(shoulderScale);
            } else if (n.endsWith("ForeArm")) {
                offsets[j] = o.normalized().times(bounded(upperArm / o.length()) * o.length());
            } else if (n.endsWith("Hand")) {
                offsets[j] = o.normalized().times(bounded(foreArm / o.length()) * o.length());
            } else if (n.contains("Hand")) {
                offsets[j] = o.times(handScale);
            } else if (n.endsWith("UpLeg")) {
                offsets[j] = new Vec3(o.x() * hipScale, o.y() * torsoScale, o.z());
            } else if (n.endsWith("Leg")) {
                offsets[j] = o.normalized().times(bounded(thigh / o.length()) * o.length());
            } else if (n.endsWith("Foot")) {
                offsets[j] = o.normalized().times(bounded(shin / o.length()) * o.length());
            } else if (n.endsWith("ToeBase") || n.endsWith("Toe_End")) {
                offsets[j] = o.times(footScale);
            }
        }
        // Stand the fitted skeleton on the ground: hips at leg length plus foot height.
        Skeleton fitted = base.withOffsets(offsets);
        Vec3[] p = fitted.restPositions();
        double lowest = Arrays.stream(p).mapToDouble(Vec3::y).min().orElse(0);
        offsets[hips] = new Vec3(0, offsets[hips].y() - lowest, 0);
        return base.withOffsets(offsets);
    }

    private static double bounded(double scale) {
        if (!Double.isFinite(scale)) {
            return 1;
        }
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
    }

    private static Vec3 mid(BodyFrames frames, int f, PoseLandmark a, PoseLandmark b) {
        return frames.world(f, a).lerp(frames.world(f, b), 0.5);
    }

    private static double single(BodyFrames frames, PoseLandmark a, PoseLandmark b) {
        return median(frames, f -> frames.world(f, a).distance(frames.world(f, b)), a, b);
    }

    private static double pair(BodyFrames frames, PoseLandmark a1, PoseLandmark b1, PoseLandmark a2, PoseLandmark b2) {
        double l = median(frames, f -> frames.world(f, a1).distance(frames.world(f, b1)), a1, b1);
        double r = median(frames, f -> frames.world(f, a2).distance(frames.world(f, b2)), a2, b2);
        if (Double.isNaN(l)) {
            return r;
        }
        return Double.isNaN(r) ? l : (l + r) / 2;
    }

    private interface PerFrame {
        double at(int frame);
    }

    /** Median of {@code value} over frames where every landmark in {@code needs} is visible; NaN when none. */
    private static double median(BodyFrames frames, PerFrame value, PoseLandmark... needs) {
        double[] vs = new double[frames.count];
        int n = 0;
        for (int f = 0; f < frames.count; f++) {
            boolean ok = frames.observed[f];
            for (PoseLandmark l : needs) {
                ok &= frames.visibility(f, l) >= MIN_VISIBILITY;
            }
            if (ok) {
                vs[n++] = value.at(f);
            }
        }
        if (n == 0) {
            // Nothing clearly visible: use every frame rather than give up.
            for (int f = 0; f < frames.count; f++) {
                vs[n++] = value.at(f);
            }
        }
        Arrays.sort(vs, 0, n);
        return n == 0 ? Double.NaN : (n % 2 == 1 ? vs[n / 2] : (vs[n / 2 - 1] + vs[n / 2]) / 2);
    }
}
