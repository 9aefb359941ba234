package io.anim3d.motion.metrics;

import io.anim3d.motion.Motion;
import io.anim3d.motion.Vec3;

/**
 * World positions of a fixed set of joints in every frame of a clip at a constant frame rate:
 * what the ground-truth-free quality metrics measure. Metres, Y up. Immutable: the arrays are
 * copied on the way in and never handed out.
 */
public final class PositionTrack {
    private final Vec3[][] positions;
    private final double frameRate;

    private PositionTrack(Vec3[][] positions, double frameRate) {
        this.positions = positions;
        this.frameRate = frameRate;
    }

    /**
     * @param positions {@code [frame][joint]} world positions, metres, Y up; every frame has the same joints
     * @param frameRate frames per second
     */
    public static PositionTrack of(Vec3[][] positions, double frameRate) {
        if (!(frameRate > 0) || !Double.isFinite(frameRate)) {
            throw new IllegalArgumentException("frameRate must be positive, got " + frameRate);
        }
        if (positions.length == 0 || positions[0].length == 0) {
            throw new IllegalArgumentException("a position track needs at least one frame with at least one joint");
        }
        Vec3[][] copy = new Vec3[positions.length][];
        for (int t = 0; t < positions.length; t++) {
            if (positions[t].length != positions[0].length) {
                throw new IllegalArgumentException("frame " + t + " has " + positions[t].length
                        + " joints, frame 0 has " + positions[0].length);
            }
            copy[t] = positions[t].clone();
            for (int k = 0; k < copy[t].length; k++) {
                if (copy[t][k] == null) {
                    throw new IllegalArgumentException("frame " + t + ", joint " + k + " has no position");
                }
            }
        }
        return new PositionTrack(copy, frameRate);
    }

    /** Every joint of {@code motion}, by forward kinematics, at the motion's frame rate. */
    public static PositionTrack of(Motion motion) {
        Vec3[][] p = new Vec3[motion.frameCount()][];
        for (int t = 0; t < p.length; t++) {
            p[t] = motion.worldPositions(t);
        }
        return of(p, motion.frameRate());
    }

    public int frameCount() {
        return positions.length;
    }

    public int jointCount() {
        return positions[0].length;
    }

    /** Frames per second. */
    public double frameRate() {
        return frameRate;
    }

    /** World position of {@code joint} in {@code frame}, metres. */
    public Vec3 position(int frame, int joint) {
        return positions[frame][joint];
    }

    /** A copy of the positions of every joint in {@code frame}. */
    public Vec3[] frame(int frame) {
        return positions[frame].clone();
    }
}
