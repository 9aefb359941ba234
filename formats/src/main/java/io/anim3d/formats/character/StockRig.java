package io.anim3d.formats.character;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;

/**
 * The standard humanoid skeleton fitted to a {@link BodyType}, with the scales the mesh
 * generators need. The rest pose stays the T-pose with zero rotations; the skeleton is placed so
 * that the soles of the shoes are at y = 0.
 */
final class StockRig {
    /** Height of ToeBase above the sole for the standard adult, metres (shoe thickness under the ball of the foot). */
    static final double TOE_BASE_HEIGHT = 0.02;
    /** Skull above HeadTop_End for the standard adult, metres. */
    static final double SKULL_ABOVE_HEAD_TOP = 0.006;
    /** Neck length factor for a child (a shorter neck is a large part of the childlike look). */
    private static final double CHILD_NECK = 0.8;

    final BodyType type;
    /** Scale of the body relative to the standard adult. */
    final double body;
    /** Scale of the head relative to the standard adult's. */
    final double head;
    final Skeleton skeleton;
    private final Vec3[] rest;

    private StockRig(BodyType type, double body, Skeleton skeleton) {
        this.type = type;
        this.body = body;
        this.head = body * type.headRatio();
        this.skeleton = skeleton;
        this.rest = skeleton.restPositions();
    }

    static StockRig of(BodyType type, boolean rootAtOrigin) {
        Skeleton standard = Humanoid.standard(rootAtOrigin);
        // Every offset is proportional to the body scale, so the height is too: solve it from scale 1.
        Skeleton unit = scaled(standard, type, 1);
        double unitHeight = unit.restPositions()[unit.require(Humanoid.HEAD_TOP)].y()
                + SKULL_ABOVE_HEAD_TOP * type.headRatio();
        double body = type.heightMetres() / unitHeight;
        return new StockRig(type, body, scaled(standard, type, body));
    }

    private static Skeleton scaled(Skeleton standard, BodyType type, double b) {
        Vec3[] offsets = new Vec3[standard.size()];
        double head = b * type.headRatio();
        boolean child = type.headRatio() > 1.1;
        for (int j = 0; j < offsets.length; j++) {
            String name = standard.name(j);
            Vec3 o = standard.offset(j);
            Vec3 scaled;
            if (name.equals(Humanoid.HEAD_TOP)) {
                scaled = o.times(head);
            } else if (name.equals(Humanoid.HEAD)) {
                scaled = o.times(b * (child ? CHILD_NECK : 1));
            } else if (name.endsWith("Shoulder") || name.endsWith("Arm") && !name.endsWith("ForeArm")) {
                scaled = new Vec3(o.x() * b * type.shoulderWidth(), o.y() * b, o.z() * b);
            } else if (name.endsWith("UpLeg")) {
                scaled = new Vec3(o.x() * b * type.hipWidth(), o.y() * b, o.z() * b);
            } else {
                scaled = o.times(b);
            }
            offsets[j] = scaled;
        }
        Skeleton s = standard.withOffsets(offsets);
        // Lift the Hips (which carry everything below the root) so that ToeBase sits on the sole.
        int hips = s.require(Humanoid.HIPS);
        double toe = s.restPositions()[s.require(Humanoid.toeBase(0))].y();
        Vec3 h = offsets[hips];
        offsets[hips] = new Vec3(h.x(), h.y() - toe + TOE_BASE_HEIGHT * b, h.z());
        return standard.withOffsets(offsets);
    }

    /** Rest position of a joint, metres. */
    Vec3 at(String joint) {
        return rest[skeleton.require(joint)];
    }

    int joint(String name) {
        return skeleton.require(name);
    }
}
