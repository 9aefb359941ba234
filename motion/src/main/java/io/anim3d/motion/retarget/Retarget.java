package io.anim3d.motion.retarget;

import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;

/**
 * Retargeting between skeletons with the same joint names and rest conventions (T-pose, zero
 * rest rotations), such as the standard humanoid fitted to a person and a stock character:
 * local rotations are copied by name and the translation is scaled by the ratio of the two
 * hips' rest heights, so feet stay planted on a character with longer or shorter legs.
 */
public final class Retarget {
    private Retarget() {
    }

    /**
     * @param target the character's skeleton; joints the motion lacks stay at rest, joints the
     *               character lacks are dropped
     */
    public static Motion byName(Motion motion, Skeleton target) {
        Skeleton source = motion.skeleton();
        int n = motion.frameCount();
        int[] from = new int[target.size()];
        for (int j = 0; j < target.size(); j++) {
            from[j] = source.indexOf(target.name(j));
        }
        String moved = source.name(motion.translatedJoint());
        int translated = target.indexOf(moved);
        if (translated < 0 || (translated != 0 && target.parent(translated) != 0)) {
            throw new IllegalArgumentException("the character has no joint '" + moved + "' to carry the motion's translation");
        }
        double scale = legScale(source, target, moved);
        Motion.Builder b = Motion.builder(target, motion.frameRate(), n).translatedJoint(translated);
        for (int f = 0; f < n; f++) {
            for (int j = 0; j < target.size(); j++) {
                b.rotation(f, j, from[j] < 0 ? Quat.IDENTITY : motion.rotation(f, from[j]));
            }
            b.rootPosition(f, motion.rootPosition(f).times(scale));
            b.contact(f, 0, motion.contact(f, 0));
            b.contact(f, 1, motion.contact(f, 1));
        }
        return b.build();
    }

    /**
     * The factor {@link #byName} scales the motion's translation by (the character's leg length
     * over the motion's): cameras placed in the motion's world are scaled by it to see the
     * character from the same viewpoint.
     */
    public static double translationScale(Motion motion, Skeleton target) {
        Skeleton source = motion.skeleton();
        return legScale(source, target, source.name(motion.translatedJoint()));
    }

    /** Ratio of the translated joint's rest heights above the lowest rest joint (the floor). */
    private static double legScale(Skeleton source, Skeleton target, String joint) {
        double s = height(source, source.require(joint));
        double t = height(target, target.require(joint));
        return s > 1e-6 && t > 1e-6 ? t / s : 1;
    }

    private static double height(Skeleton skeleton, int joint) {
        Vec3[] rest = skeleton.restPositions();
        double floor = Double.MAX_VALUE;
        for (Vec3 p : rest) {
            floor = Math.min(floor, p.y());
        }
        return rest[joint].y() - floor;
    }
}
