package io.anim3d.motion;

/**
 * Skeletal animation at a constant frame rate: per frame, every joint's local rotation (relative
 * to its rest orientation, which is the parent's frame since rest rotations are zero), the
 * position of one translated joint, and whether each foot is in contact with the ground.
 * Immutable: arrays are copied on the way in.
 *
 * <p>The translated joint is the root (joint 0) unless the skeleton has a static {@code Root}
 * above {@code Hips} (rootAtOrigin): then {@code Hips} carries the translation, relative to its
 * parent, and the root stays at its rest offset. {@link #rootPosition} is that joint's
 * translation: the root's world position, or the Hips' position in Root's frame.
 */
public final class Motion {
    private final Skeleton skeleton;
    private final double frameRate;
    private final int frames;
    /** frames × joints × (w, x, y, z). */
    private final double[] rotations;
    /** frames × (x, y, z), metres. */
    private final double[] rootPositions;
    /** frames × (left, right). */
    private final boolean[] contacts;
    private final int translatedJoint;

    /**
     * @param frameRate     frames per second (1 for a single-frame pose)
     * @param rotations     frames × joints quaternions (w, x, y, z)
     * @param rootPositions frames × root position (x, y, z), metres
     * @param contacts      frames × (left foot, right foot) contact flags
     */
    public Motion(Skeleton skeleton, double frameRate, double[] rotations, double[] rootPositions, boolean[] contacts) {
        this(skeleton, frameRate, rotations, rootPositions, contacts, 0);
    }

    /**
     * @param translatedJoint the joint whose position the translations animate: 0 (the root), or a
     *                        child of a static root (Hips under Root)
     */
    public Motion(Skeleton skeleton, double frameRate, double[] rotations, double[] rootPositions, boolean[] contacts,
                  int translatedJoint) {
        if (translatedJoint != 0 && (translatedJoint >= skeleton.size() || skeleton.parent(translatedJoint) != 0)) {
            throw new IllegalArgumentException("the translated joint must be the root or a child of it, got " + translatedJoint);
        }
        this.translatedJoint = translatedJoint;
        if (!(frameRate > 0) || !Double.isFinite(frameRate)) {
            throw new IllegalArgumentException("frameRate must be positive, got " + frameRate);
        }
        int j = skeleton.size();
        if (rotations.length % (4 * j) != 0) {
            throw new IllegalArgumentException("rotations must hold frames × " + j + " joints × 4 values");
        }
        int n = rotations.length / (4 * j);
        if (rootPositions.length != 3 * n || contacts.length != 2 * n) {
            throw new IllegalArgumentException("root positions and contacts must cover " + n + " frames");
        }
        this.skeleton = skeleton;
        this.frameRate = frameRate;
        this.frames = n;
        this.rotations = rotations.clone();
        this.rootPositions = rootPositions.clone();
        this.contacts = contacts.clone();
    }

    public Skeleton skeleton() {
        return skeleton;
    }

    public double frameRate() {
        return frameRate;
    }

    public int frameCount() {
        return frames;
    }

    /** Length in seconds, (frames − 1) / frame rate. */
    public double durationSeconds() {
        return frames <= 1 ? 0 : (frames - 1) / frameRate;
    }

    public Quat rotation(int frame, int joint) {
        int o = (frame * skeleton.size() + joint) * 4;
        return new Quat(rotations[o], rotations[o + 1], rotations[o + 2], rotations[o + 3]);
    }

    /** The joint whose position is animated: 0, or Hips under a static Root. */
    public int translatedJoint() {
        return translatedJoint;
    }

    /** Translation of {@link #translatedJoint()} in {@code frame}, metres (relative to its parent if it has one). */
    public Vec3 rootPosition(int frame) {
        return new Vec3(rootPositions[3 * frame], rootPositions[3 * frame + 1], rootPositions[3 * frame + 2]);
    }

    /** Whether foot {@code side} (0 left, 1 right) is in contact in {@code frame}. */
    public boolean contact(int frame, int side) {
        return contacts[2 * frame + side];
    }

    /** World positions of every joint in {@code frame}, metres (forward kinematics). */
    public Vec3[] worldPositions(int frame) {
        return worldTransforms(frame).positions();
    }

    /** World rotation and position of every joint in {@code frame}. */
    public Pose worldTransforms(int frame) {
        int n = skeleton.size();
        Quat[] local = new Quat[n];
        for (int j = 0; j < n; j++) {
            local[j] = rotation(frame, j);
        }
        return Pose.of(skeleton, local, translatedJoint, rootPosition(frame));
    }

    /** A builder for a motion of {@code frames} frames, all rotations identity. */
    public static Builder builder(Skeleton skeleton, double frameRate, int frames) {
        return new Builder(skeleton, frameRate, frames);
    }

    /** Mutable staging area for one motion; not thread-safe, used by one solver at a time. */
    public static final class Builder {
        private final Skeleton skeleton;
        private final double frameRate;
        private final int frames;
        private final double[] rotations;
        private final double[] root;
        private final boolean[] contacts;
        private int translatedJoint;

        private Builder(Skeleton skeleton, double frameRate, int frames) {
            this.skeleton = skeleton;
            this.frameRate = frameRate;
            this.frames = frames;
            this.rotations = new double[frames * skeleton.size() * 4];
            for (int i = 0; i < rotations.length; i += 4) {
                rotations[i] = 1;
            }
            this.root = new double[frames * 3];
            this.contacts = new boolean[frames * 2];
        }

        public Builder rotation(int frame, int joint, Quat q) {
            int o = (frame * skeleton.size() + joint) * 4;
            rotations[o] = q.w();
            rotations[o + 1] = q.x();
            rotations[o + 2] = q.y();
            rotations[o + 3] = q.z();
            return this;
        }

        public Builder rootPosition(int frame, Vec3 p) {
            root[3 * frame] = p.x();
            root[3 * frame + 1] = p.y();
            root[3 * frame + 2] = p.z();
            return this;
        }

        public Builder contact(int frame, int side, boolean inContact) {
            contacts[2 * frame + side] = inContact;
            return this;
        }

        public int frameCount() {
            return frames;
        }

        /** Which joint the root positions move (see {@link Motion#translatedJoint()}). */
        public Builder translatedJoint(int joint) {
            translatedJoint = joint;
            return this;
        }

        public Motion build() {
            return new Motion(skeleton, frameRate, rotations, root, contacts, translatedJoint);
        }
    }
}
