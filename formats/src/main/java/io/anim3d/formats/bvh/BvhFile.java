package io.anim3d.formats.bvh;

import io.anim3d.motion.Motion;
import java.util.List;

/**
 * A parsed BVH file: the hierarchy in file order (depth first, End Sites included), the frame
 * time, and every channel value exactly as written (file units, degrees). Immutable.
 */
public final class BvhFile {
    private final List<BvhJoint> joints;
    private final int frameCount;
    private final double frameTimeSeconds;
    private final int channelCount;
    /** frameCount × channelCount values, frame-major, in file order. */
    private final double[] values;

    public BvhFile(List<BvhJoint> joints, int frameCount, double frameTimeSeconds, double[] values) {
        this.joints = List.copyOf(joints);
        this.channelCount = this.joints.stream().mapToInt(j -> j.channels().size()).sum();
        if (frameCount < 0 || values.length != (long) frameCount * channelCount) {
            throw new IllegalArgumentException("values must hold " + frameCount + " frames × " + channelCount
                    + " channels, got " + values.length);
        }
        if (!(frameTimeSeconds > 0) || !Double.isFinite(frameTimeSeconds)) {
            throw new IllegalArgumentException("frame time must be positive, got " + frameTimeSeconds);
        }
        this.frameCount = frameCount;
        this.frameTimeSeconds = frameTimeSeconds;
        this.values = values.clone();
    }

    public List<BvhJoint> joints() {
        return joints;
    }

    public int frameCount() {
        return frameCount;
    }

    /** The {@code Frame Time:} value, seconds per frame. */
    public double frameTimeSeconds() {
        return frameTimeSeconds;
    }

    /** Channels per frame line (the sum of every joint's CHANNELS count). */
    public int channelCount() {
        return channelCount;
    }

    /** Value {@code channel} (0-based within the frame line) of {@code frame}: file units or degrees. */
    public double value(int frame, int channel) {
        if (channel < 0 || channel >= channelCount) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + channelCount);
        }
        return values[frame * channelCount + channel];
    }

    /** The value of {@code joint}'s {@code channel} in {@code frame}, or {@code fallback} when the joint lacks it. */
    public double value(int frame, BvhJoint joint, BvhChannel channel, double fallback) {
        int i = joint.channelIndex(channel);
        return i < 0 ? fallback : values[frame * channelCount + i];
    }

    /**
     * This file as a {@link Motion}: End Sites become leaf joints, offsets and positions are scaled
     * by {@code unitsToMetres} (0.01 for centimetre files such as ours), rotations follow each
     * joint's channel order. How position channels on joints other than the root are handled is
     * documented in {@link BvhToMotion}.
     *
     * @throws IllegalArgumentException when the file translates a joint in a way a Motion cannot hold
     */
    public Motion toMotion(double unitsToMetres) {
        return BvhToMotion.convert(this, unitsToMetres);
    }
}
