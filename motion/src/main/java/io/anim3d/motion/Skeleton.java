package io.anim3d.motion;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joint topology and rest pose: names, parents and rest offsets (metres, in the parent's frame,
 * with every local rotation zero in the rest pose). Joints are ordered so that every parent
 * comes before its children; joint 0 is the root. Immutable.
 */
public final class Skeleton {
    private final String[] names;
    private final int[] parents;
    private final Vec3[] offsets;
    private final Map<String, Integer> index;

    /**
     * @param names   unique joint names
     * @param parents parent index of each joint, -1 for the root (only joint 0)
     * @param offsets rest offset of each joint from its parent, metres; the root's is its rest position
     */
    public Skeleton(List<String> names, int[] parents, List<Vec3> offsets) {
        int n = names.size();
        if (n == 0 || parents.length != n || offsets.size() != n) {
            throw new IllegalArgumentException("a skeleton needs as many parents and offsets as names (" + n + ")");
        }
        this.names = names.toArray(String[]::new);
        this.parents = parents.clone();
        this.offsets = offsets.toArray(Vec3[]::new);
        this.index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (index.put(this.names[i], i) != null) {
                throw new IllegalArgumentException("joint name '" + this.names[i] + "' is used twice");
            }
            int p = this.parents[i];
            if (i == 0 ? p != -1 : p < 0 || p >= i) {
                throw new IllegalArgumentException("joint " + i + " (" + this.names[i] + ") has parent " + p
                        + "; joint 0 must be the root and parents must come before their children");
            }
        }
    }

    public int size() {
        return names.length;
    }

    public String name(int joint) {
        return names[joint];
    }

    public int parent(int joint) {
        return parents[joint];
    }

    /** Rest offset of {@code joint} from its parent, metres. */
    public Vec3 offset(int joint) {
        return offsets[joint];
    }

    /** Index of the joint called {@code name}, or -1. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    /** Index of the joint called {@code name}; throws when there is none. */
    public int require(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("skeleton has no joint '" + name + "'");
        }
        return i;
    }

    public List<String> names() {
        return List.of(names);
    }

    /** Whether {@code joint} has no children (an end joint such as HeadTop_End). */
    public boolean isLeaf(int joint) {
        for (int i = joint + 1; i < parents.length; i++) {
            if (parents[i] == joint) {
                return false;
            }
        }
        return true;
    }

    /** Joint positions in the rest pose, metres. */
    public Vec3[] restPositions() {
        Vec3[] p = new Vec3[names.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = parents[i] < 0 ? offsets[i] : p[parents[i]].plus(offsets[i]);
        }
        return p;
    }

    /** A copy with other rest offsets (same names and parents), e.g. fitted to a person. */
    public Skeleton withOffsets(Vec3[] newOffsets) {
        return new Skeleton(List.of(names), parents, Arrays.asList(newOffsets.clone()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Skeleton s && Arrays.equals(names, s.names) && Arrays.equals(parents, s.parents)
                && Arrays.equals(offsets, s.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + Arrays.hashCode(offsets);
    }
}
