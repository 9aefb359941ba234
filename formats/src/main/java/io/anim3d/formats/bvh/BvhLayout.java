package io.anim3d.formats.bvh;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Skeleton;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link Skeleton} maps onto a BVH hierarchy: which joints are written as ROOT/JOINT with
 * channels (in depth-first file order), which as End Sites, and whether the root is a static
 * {@code Root} whose motion the writer moves into its single child (see {@link BvhWriter}).
 */
record BvhLayout(Skeleton skeleton, List<List<Integer>> children, int[] channelJoints, boolean staticRoot) {
    static BvhLayout of(Skeleton skeleton) {
        int n = skeleton.size();
        List<List<Integer>> children = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            children.add(new ArrayList<>());
            String name = skeleton.name(j);
            if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '{' || c == '}')) {
                throw new IllegalArgumentException("joint " + j + " name '" + name
                        + "' cannot be written to BVH: names must be non-empty, without whitespace or braces");
            }
        }
        for (int j = 1; j < n; j++) {
            children.get(skeleton.parent(j)).add(j);
        }
        List<Integer> withChannels = new ArrayList<>();
        collect(0, skeleton, children, withChannels);
        boolean staticRoot = skeleton.name(0).equals(Humanoid.ROOT) && children.get(0).size() == 1
                && !skeleton.isLeaf(children.get(0).get(0));
        return new BvhLayout(skeleton, children, withChannels.stream().mapToInt(Integer::intValue).toArray(), staticRoot);
    }

    private static void collect(int j, Skeleton s, List<List<Integer>> children, List<Integer> out) {
        if (j == 0 || !s.isLeaf(j)) {
            out.add(j);
        }
        for (int c : children.get(j)) {
            collect(c, s, children, out);
        }
    }

    /** Whether {@code joint} is written with 6 channels (position then rotation) rather than 3. */
    boolean hasPosition(int joint) {
        return joint == 0 || staticRoot && joint == children.get(0).get(0);
    }

    /** Whether {@code joint} is written as an End Site. */
    boolean isEndSite(int joint) {
        return joint != 0 && skeleton.isLeaf(joint);
    }
}
