package io.anim3d.formats.gltf;

import io.anim3d.motion.Vec3;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A glTF skin's joints as our skeleton wants them: one root (joint 0), parents before children
 * (depth-first in the skin's order), unique names, bind positions in the scene (metres). A joint's
 * parent is its nearest ancestor node that is a joint of the skin. Several root joints get their
 * nearest common ancestor node as an extra root, or an added {@code Root} at the origin when they
 * share none. Mutable only through {@link #turnAroundY()}, while the reader builds it.
 */
final class JointTree {
    final List<String> names = new ArrayList<>();
    final int[] parents;
    final List<double[]> positions = new ArrayList<>();
    /** Our joint index of each skin joint (index into the skin's joints array). */
    final int[] ourIndex;

    private JointTree(int size, int skinJoints) {
        parents = new int[size];
        ourIndex = new int[skinJoints];
    }

    static JointTree build(int[] jointNodes, double[][] bindPositions, int[] parentNode, List<Map<String, Object>> nodes,
                           IntFunction<double[]> nodeWorld) {
        int count = jointNodes.length;
        Map<Integer, Integer> skinIndexOfNode = new HashMap<>();
        for (int j = 0; j < count; j++) {
            skinIndexOfNode.put(jointNodes[j], j);
        }
        int[] skinParent = new int[count];
        List<List<Integer>> children = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            children.add(new ArrayList<>());
        }
        for (int j = 0; j < count; j++) {
            skinParent[j] = -1;
            for (int a = parentNode[jointNodes[j]]; a >= 0; a = parentNode[a]) {
                Integer s = skinIndexOfNode.get(a);
                if (s != null) {
                    skinParent[j] = s;
                    break;
                }
            }
            if (skinParent[j] < 0) {
                roots.add(j);
            } else {
                children.get(skinParent[j]).add(j);
            }
        }
        boolean extraRoot = roots.size() > 1;
        JointTree t = new JointTree(count + (extraRoot ? 1 : 0), count);
        Set<String> used = new HashSet<>();
        Deque<int[]> stack = new ArrayDeque<>(); // {skin joint, our parent}
        if (extraRoot) {
            int common = commonAncestor(roots, jointNodes, parentNode);
            String name = common >= 0 && nodes.get(common).get("name") instanceof String s && !s.isBlank() ? s : "Root";
            t.names.add(GlbCharacterReader.unique(name, used));
            t.positions.add(common >= 0 ? GltfMath.point(nodeWorld.apply(common), 0, 0, 0) : new double[3]);
            t.parents[0] = -1;
        }
        for (int r = roots.size() - 1; r >= 0; r--) {
            stack.push(new int[] {roots.get(r), extraRoot ? 0 : -1});
        }
        while (!stack.isEmpty()) {
            int[] top = stack.pop();
            int j = top[0];
            int ours = t.names.size();
            t.ourIndex[j] = ours;
            t.parents[ours] = top[1];
            Object name = nodes.get(jointNodes[j]).get("name");
            t.names.add(GlbCharacterReader.unique(name instanceof String s && !s.isBlank() ? s : "joint" + jointNodes[j], used));
            t.positions.add(bindPositions[j]);
            List<Integer> kids = children.get(j);
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.push(new int[] {kids.get(k), ours});
            }
        }
        return t;
    }

    /** Nearest node that is an ancestor of every root joint, or -1. */
    private static int commonAncestor(List<Integer> roots, int[] jointNodes, int[] parentNode) {
        List<Integer> chain = new ArrayList<>();
        for (int a = parentNode[jointNodes[roots.get(0)]]; a >= 0; a = parentNode[a]) {
            chain.add(a);
        }
        for (int candidate : chain) {
            boolean all = true;
            for (int r : roots) {
                boolean found = false;
                for (int a = parentNode[jointNodes[r]]; a >= 0 && !found; a = parentNode[a]) {
                    found = a == candidate;
                }
                all &= found;
            }
            if (all) {
                return candidate;
            }
        }
        return -1;
    }

    /** Turns every position 180° about Y (a VRM 0.x character faces −Z; ours face +Z). */
    void turnAroundY() {
        for (double[] p : positions) {
            p[0] = -p[0];
            p[2] = -p[2];
        }
    }

    /** Rest offsets from each joint's parent; the root's is its position. */
    List<Vec3> offsets() {
        List<Vec3> out = new ArrayList<>();
        for (int i = 0; i < parents.length; i++) {
            double[] p = positions.get(i);
            double[] q = parents[i] < 0 ? new double[3] : positions.get(parents[i]);
            out.add(new Vec3(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
        }
        return out;
    }
}
