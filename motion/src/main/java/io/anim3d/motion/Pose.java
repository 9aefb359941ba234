package io.anim3d.motion;

/**
 * World transforms of a skeleton's joints in one frame, from local rotations and the root
 * position (forward kinematics). Immutable.
 */
public final class Pose {
    private final Quat[] rotations;
    private final Vec3[] positions;

    private Pose(Quat[] rotations, Vec3[] positions) {
        this.rotations = rotations;
        this.positions = positions;
    }

    /**
     * @param local local rotation of each joint
     * @param root  world position of the root joint, metres
     */
    public static Pose of(Skeleton skeleton, Quat[] local, Vec3 root) {
        return of(skeleton, local, 0, root);
    }

    /**
     * @param translatedJoint the joint placed at {@code translation} (relative to its parent)
     *                        instead of its rest offset; 0 for the root
     */
    public static Pose of(Skeleton skeleton, Quat[] local, int translatedJoint, Vec3 translation) {
        int n = skeleton.size();
        Quat[] world = new Quat[n];
        Vec3[] pos = new Vec3[n];
        for (int j = 0; j < n; j++) {
            int p = skeleton.parent(j);
            Vec3 offset = j == translatedJoint ? translation : skeleton.offset(j);
            if (p < 0) {
                world[j] = local[j];
                pos[j] = offset;
            } else {
                world[j] = world[p].mul(local[j]);
                pos[j] = pos[p].plus(world[p].rotate(offset));
            }
        }
        return new Pose(world, pos);
    }

    public Vec3 position(int joint) {
        return positions[joint];
    }

    public Quat rotation(int joint) {
        return rotations[joint];
    }

    public Vec3[] positions() {
        return positions.clone();
    }
}
