package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;

/**
 * The armature: a {@code Null} Model named after the character at the scene root (Blender's
 * importer turns it into the armature object), and under it every joint as a {@code LimbNode}
 * Model with its {@code LimbNode} NodeAttribute, end joints (HeadTop_End, finger tips, toe ends)
 * included. Rest rotations are zero, so each bone's Lcl Translation is its rest offset in
 * centimetres and its Lcl Rotation is zero.
 */
final class SkeletonObjects {
    /** Display size of a LimbNode attribute (the FBX SDK's default). */
    private static final double LIMB_SIZE = 100.0;
    /**
     * Sideways nudge (centimetres, 1 µm) of a translated joint that sits exactly on +Y of a parent
     * it is the only child of (Hips straight above a static Root). Blender's importer gives such a
     * parent a tail exactly at the child's head and marks the child "connected", and Blender
     * ignores the location of connected bones: the Hips would never move. Any sideways offset
     * stops that; 1 µm is far below anything visible and the animation itself is unchanged (the
     * T curve sets the joint's translation outright).
     */
    static final double CONNECT_NUDGE_CM = 1e-4;

    final long armatureId;
    /** Model id of each joint, by joint index. */
    final long[] boneIds;
    /** Rest world position of each joint, centimetres. */
    final double[][] restWorldCm;
    final String[] names;

    private SkeletonObjects(long armatureId, long[] boneIds, double[][] restWorldCm, String[] names) {
        this.armatureId = armatureId;
        this.boneIds = boneIds;
        this.restWorldCm = restWorldCm;
        this.names = names;
    }

    /**
     * @param translatedJoint the joint a T curve will animate, or -1 (see {@link #CONNECT_NUDGE_CM})
     */
    static SkeletonObjects plan(ScenePlan plan, String characterName, Skeleton skeleton, int translatedJoint) {
        long armature = plan.newId();
        long armatureAttr = plan.newId();
        plan.add(ModelNode.of(armature, characterName, "Null", new double[3]));
        plan.add(FbxNode.builder("NodeAttribute").addInt64(armatureAttr)
                .addString(ScenePlan.objectName(characterName, "NodeAttribute")).addString("Null")
                .addChild(FbxNode.builder("TypeFlags").addString("Null"))
                .addChild(new Props70().colorRgb("Color", 0.8, 0.8, 0.8).dbl("Size", LIMB_SIZE).enumeration("Look", 1).build())
                .build());
        plan.connect(armature, ScenePlan.ROOT);
        plan.connect(armatureAttr, armature);

        int n = skeleton.size();
        long[] ids = new long[n];
        double[][] world = new double[n][];
        for (int j = 0; j < n; j++) {
            ids[j] = plan.newId();
            long attr = plan.newId();
            double[] offset = cm(skeleton.offset(j));
            if (j == translatedJoint && needsNudge(skeleton, j)) {
                offset[0] += CONNECT_NUDGE_CM;
            }
            String name = skeleton.name(j);
            plan.add(ModelNode.of(ids[j], name, "LimbNode", offset));
            plan.add(FbxNode.builder("NodeAttribute").addInt64(attr)
                    .addString(ScenePlan.objectName(name, "NodeAttribute")).addString("LimbNode")
                    .addChild(FbxNode.builder("TypeFlags").addString("Skeleton"))
                    .addChild(new Props70().dbl("Size", LIMB_SIZE).build())
                    .build());
            int parent = skeleton.parent(j);
            plan.connect(ids[j], parent < 0 ? armature : ids[parent]);
            plan.connect(attr, ids[j]);
            world[j] = parent < 0 ? offset : new double[] {world[parent][0] + offset[0], world[parent][1] + offset[1],
                world[parent][2] + offset[2]};
        }
        return new SkeletonObjects(armature, ids, world, skeleton.names().toArray(String[]::new));
    }

    /** Whether {@code joint} is its parent's only child and lies straight above it (x = z = 0, y > 0). */
    private static boolean needsNudge(Skeleton skeleton, int joint) {
        int parent = skeleton.parent(joint);
        if (parent < 0) {
            return false;
        }
        for (int j = 0; j < skeleton.size(); j++) {
            if (j != joint && skeleton.parent(j) == parent) {
                return false;
            }
        }
        Vec3 o = skeleton.offset(joint);
        return o.x() == 0 && o.z() == 0 && o.y() > 0;
    }

    static double[] cm(Vec3 metres) {
        return new double[] {metres.x() * ModelNode.CM_PER_METRE, metres.y() * ModelNode.CM_PER_METRE,
            metres.z() * ModelNode.CM_PER_METRE};
    }
}
