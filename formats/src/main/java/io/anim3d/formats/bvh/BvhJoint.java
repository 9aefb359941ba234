package io.anim3d.formats.bvh;

import io.anim3d.motion.Vec3;
import java.util.List;

/**
 * One joint of a BVH hierarchy as the file states it.
 *
 * @param name         joint name; an End Site is named by the file ({@code End Site NAME}) or else
 *                     {@code <parent>_End} (see docs/formats.md)
 * @param parent       index of the parent joint in {@link BvhFile#joints()}, -1 for the ROOT
 * @param offset       OFFSET from the parent, in file units (our files: centimetres)
 * @param channels     the CHANNELS in file order (empty for an End Site)
 * @param firstChannel index of this joint's first channel value within a frame line
 * @param endSite      whether this is an End Site (a leaf without channels)
 */
public record BvhJoint(String name, int parent, Vec3 offset, List<BvhChannel> channels, int firstChannel, boolean endSite) {
    public BvhJoint {
        channels = List.copyOf(channels);
    }

    /** Index within the frame line of {@code channel}, or -1 when this joint does not have it. */
    public int channelIndex(BvhChannel channel) {
        int i = channels.indexOf(channel);
        return i < 0 ? -1 : firstChannel + i;
    }

    public boolean hasPosition() {
        return channels.stream().anyMatch(c -> !c.isRotation());
    }
}
