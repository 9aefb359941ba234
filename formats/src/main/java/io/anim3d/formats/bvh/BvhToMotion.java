package io.anim3d.formats.bvh;

import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a {@link BvhFile} to a {@link Motion}. A Motion translates only its root, so position
 * channels are mapped as follows (values replace the OFFSET, as in the BVH convention and in
 * Blender's importer; a missing axis keeps the OFFSET's value):
 *
 * <ul>
 *   <li>root: its per-frame position;
 *   <li>another joint whose position values are the same in every frame: that constant becomes the
 *       joint's rest offset in the Skeleton (exact);
 *   <li>the single child of the root whose position varies (our static {@code Root} → Hips
 *       layout): the translation beyond its OFFSET moves into the root's position, so every joint
 *       but the root itself keeps its world position (the root then moves with it);
 *   <li>anything else cannot be held by a Motion and is refused with an IllegalArgumentException.
 * </ul>
 */
final class BvhToMotion {
    private BvhToMotion() {
    }

    static Motion convert(BvhFile file, double unitsToMetres) {
        if (!(unitsToMetres > 0) || !Double.isFinite(unitsToMetres)) {
            throw new IllegalArgumentException("unitsToMetres must be positive, got " + unitsToMetres);
        }
        List<BvhJoint> joints = file.joints();
        int n = joints.size();
        int frames = file.frameCount();
        List<String> names = new ArrayList<>(n);
        int[] parents = new int[n];
        List<Vec3> offsets = new ArrayList<>(n);
        for (BvhJoint j : joints) {
            names.add(j.name());
            parents[names.size() - 1] = j.parent();
            offsets.add(j.offset().times(unitsToMetres));
        }
        int folded = -1;
        for (int j = 1; j < n; j++) {
            BvhJoint joint = joints.get(j);
            if (!joint.hasPosition() || frames == 0) {
                continue;
            }
            if (isConstant(file, joint)) {
                offsets.set(j, position(file, 0, joint).times(unitsToMetres));
            } else if (joint.parent() == 0 && childCount(joints, 0) == 1) {
                folded = j;
            } else {
                throw new IllegalArgumentException("joint '" + joint.name() + "' has position channels that change over"
                        + " time; a Motion can only translate the root (or the root's single child)");
            }
        }
        // A static root above a moving child (our rootAtOrigin layout) stays static: the child
        // carries the translation. A moving root with a moving child folds the child into it.
        boolean childTranslates = folded >= 0 && isConstant(file, joints.get(0));
        if (childTranslates) {
            offsets.set(0, position(file, 0, joints.get(0)).times(unitsToMetres));
        }
        Skeleton skeleton = new Skeleton(names, parents, offsets);
        Motion.Builder b = Motion.builder(skeleton, 1 / file.frameTimeSeconds(), frames);
        if (childTranslates) {
            b.translatedJoint(folded);
        }
        for (int f = 0; f < frames; f++) {
            for (int j = 0; j < n; j++) {
                b.rotation(f, j, rotation(file, f, joints.get(j)));
            }
            if (childTranslates) {
                b.rootPosition(f, position(file, f, joints.get(folded)).times(unitsToMetres));
                continue;
            }
            Vec3 root = position(file, f, joints.get(0)).times(unitsToMetres);
            if (folded >= 0) {
                Vec3 t = position(file, f, joints.get(folded)).times(unitsToMetres);
                root = root.plus(rotation(file, f, joints.get(0)).rotate(t.minus(offsets.get(folded))));
            }
            b.rootPosition(f, root);
        }
        return b.build();
    }

    /** The joint's local rotation: one axis rotation per rotation channel, the first listed outermost. */
    static Quat rotation(BvhFile file, int frame, BvhJoint joint) {
        Quat q = Quat.IDENTITY;
        for (int i = 0; i < joint.channels().size(); i++) {
            BvhChannel c = joint.channels().get(i);
            if (c.isRotation()) {
                q = q.mul(c.rotation(file.value(frame, joint.firstChannel() + i)));
            }
        }
        return q;
    }

    /** The joint's translation from its parent in file units: position channels, the OFFSET where absent. */
    static Vec3 position(BvhFile file, int frame, BvhJoint joint) {
        Vec3 o = joint.offset();
        return new Vec3(file.value(frame, joint, BvhChannel.XPOSITION, o.x()),
                file.value(frame, joint, BvhChannel.YPOSITION, o.y()),
                file.value(frame, joint, BvhChannel.ZPOSITION, o.z()));
    }

    private static boolean isConstant(BvhFile file, BvhJoint joint) {
        for (int i = 0; i < joint.channels().size(); i++) {
            if (joint.channels().get(i).isRotation()) {
                continue;
            }
            int c = joint.firstChannel() + i;
            for (int f = 1; f < file.frameCount(); f++) {
                if (file.value(f, c) != file.value(0, c)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int childCount(List<BvhJoint> joints, int parent) {
        return (int) joints.stream().filter(j -> j.parent() == parent).count();
    }
}
