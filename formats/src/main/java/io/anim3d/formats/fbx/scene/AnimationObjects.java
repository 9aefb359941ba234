package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Vec3;

/**
 * The animation: one {@code AnimationStack} and {@code AnimationLayer}, per rotated joint an
 * {@code R} curve node on its {@code Lcl Rotation} (Euler XYZ, degrees, see {@link EulerXyz}) and
 * on the translated joint a {@code T} curve node on its {@code Lcl Translation} (centimetres,
 * in the parent's frame), with one key per frame. Joints that never leave the rest pose get no
 * curves. Keys use Blender's attribute set (cubic interpolation, auto tangents); with one key
 * per frame every reader reproduces the sampled values exactly at the frames.
 */
final class AnimationObjects {
    /** Blender's key flags: eTangentAuto | eInterpolationCubic | eTangentGenericTimeIndependent | eTangentGenericClampProgressive. */
    private static final int KEY_FLAGS = 1 << 2 | 1 << 8 | 1 << 13 | 1 << 14;
    /** Blender's key data: right slope 0, next-left slope 0, weights/velocity packed as FBX SDK files have them. */
    private static final float[] KEY_DATA = {0f, 0f, 9.419963346924634e-30f, 0f};
    /** Rotations smaller than this (degrees) in every frame count as the rest pose: no curve. */
    private static final double STILL_DEGREES = 1e-9;
    private static final String[] AXES = {"d|X", "d|Y", "d|Z"};

    private AnimationObjects() {
    }

    /** KTime of the last frame. */
    static long stopKtime(Motion motion) {
        return FbxTime.ktime(Math.max(0, motion.frameCount() - 1), motion.frameRate());
    }

    static void plan(ScenePlan plan, Motion motion, SkeletonObjects skeleton, String name) {
        int frames = motion.frameCount();
        long stop = stopKtime(motion);
        long stack = plan.newId();
        long layer = plan.newId();
        plan.add(FbxNode.builder("AnimationStack").addInt64(stack).addString(ScenePlan.objectName(name, "AnimStack"))
                .addString("")
                .addChild(new Props70().ktime("LocalStart", 0).ktime("LocalStop", stop)
                        .ktime("ReferenceStart", 0).ktime("ReferenceStop", stop).build())
                .build());
        plan.add(FbxNode.builder("AnimationLayer").addInt64(layer).addString(ScenePlan.objectName(name, "AnimLayer"))
                .addString("").build());
        plan.connect(layer, stack);

        long[] times = new long[frames];
        for (int f = 0; f < frames; f++) {
            times[f] = FbxTime.ktime(f, motion.frameRate());
        }
        int joints = motion.skeleton().size();
        for (int j = 0; j < joints; j++) {
            float[][] degrees = rotationDegrees(motion, j);
            if (j == motion.translatedJoint()) {
                planCurveNode(plan, layer, skeleton.boneIds[j], "T", "Lcl Translation", times, translationCm(motion));
            }
            if (moves(degrees)) {
                planCurveNode(plan, layer, skeleton.boneIds[j], "R", "Lcl Rotation", times, degrees);
            }
        }
    }

    /** Per axis, per frame: the joint's Euler XYZ angles in degrees, continuous over frames. */
    static float[][] rotationDegrees(Motion motion, int joint) {
        int frames = motion.frameCount();
        float[][] out = new float[3][frames];
        EulerXyz euler = new EulerXyz();
        for (int f = 0; f < frames; f++) {
            double[] e = euler.next(motion.rotation(f, joint));
            for (int k = 0; k < 3; k++) {
                out[k][f] = (float) Math.toDegrees(e[k]);
            }
        }
        return out;
    }

    private static float[][] translationCm(Motion motion) {
        int frames = motion.frameCount();
        float[][] out = new float[3][frames];
        for (int f = 0; f < frames; f++) {
            Vec3 p = motion.rootPosition(f);
            out[0][f] = (float) (p.x() * ModelNode.CM_PER_METRE);
            out[1][f] = (float) (p.y() * ModelNode.CM_PER_METRE);
            out[2][f] = (float) (p.z() * ModelNode.CM_PER_METRE);
        }
        return out;
    }

    private static boolean moves(float[][] values) {
        for (float[] axis : values) {
            for (float v : axis) {
                if (Math.abs(v) > STILL_DEGREES) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void planCurveNode(ScenePlan plan, long layer, long bone, String channel, String property,
                                      long[] times, float[][] values) {
        long node = plan.newId();
        plan.add(FbxNode.builder("AnimationCurveNode").addInt64(node)
                .addString(ScenePlan.objectName(channel, "AnimCurveNode")).addString("")
                .addChild(new Props70().number("d|X", values[0][0]).number("d|Y", values[1][0])
                        .number("d|Z", values[2][0]).build())
                .build());
        plan.connect(node, layer);
        plan.connect(node, bone, property);
        for (int k = 0; k < 3; k++) {
            long curve = plan.newId();
            plan.add(FbxNode.builder("AnimationCurve").addInt64(curve).addString(ScenePlan.objectName("", "AnimCurve"))
                    .addString("")
                    .addChild(FbxNode.builder("Default").addFloat64(values[k][0]))
                    .addChild(SceneHeader.intNode("KeyVer", 4008))
                    .addChild(FbxNode.builder("KeyTime").addInt64Array(times))
                    .addChild(FbxNode.builder("KeyValueFloat").addFloat32Array(values[k]))
                    .addChild(FbxNode.builder("KeyAttrFlags").addInt32Array(KEY_FLAGS))
                    .addChild(FbxNode.builder("KeyAttrDataFloat").addFloat32Array(KEY_DATA))
                    .addChild(FbxNode.builder("KeyAttrRefCount").addInt32Array(times.length))
                    .build());
            plan.connect(curve, node, AXES[k]);
        }
    }

    /** The Takes section: the current take and, with a motion, its time range. */
    static FbxNode takes(Motion motion, String name) {
        FbxNode.Builder takes = FbxNode.builder("Takes").addChild(FbxNode.builder("Current").addString(""));
        if (motion != null) {
            long stop = stopKtime(motion);
            takes.addChild(FbxNode.builder("Take").addString(name)
                    .addChild(FbxNode.builder("FileName").addString(name + ".tak"))
                    .addChild(FbxNode.builder("LocalTime").addInt64(0).addInt64(stop))
                    .addChild(FbxNode.builder("ReferenceTime").addInt64(0).addInt64(stop)));
        }
        return takes.build();
    }
}
