package io.anim3d.formats.fbx.read;

import io.anim3d.motion.Mat4;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the bones of a scene and bakes them into a {@link Skeleton} with zero rest rotations.
 *
 * <p>Bones are every Model of subtype {@code LimbNode}, every Model a skin Cluster links to (some
 * exporters skin to Null or Mesh nodes), and the {@code Null}/{@code Root} Models above them (an
 * armature object). Joints are ordered depth first from the root, siblings in file order, so a
 * parent always comes before its children. A scene with several top bones gets a synthetic
 * root joint at the origin (named {@code Root}, or {@code Root_2}... if taken). Each joint's rest
 * offset is the difference of its and its parent's world bind positions, converted to metres and
 * our axes; bone orientations are dropped (baked).
 */
final class SkeletonReader {
    /** The result: the skeleton, each joint's Model UID (0 for a synthetic root) and rest position (metres). */
    record Bones(Skeleton skeleton, long[] uids, Vec3[] positions, Map<Long, Integer> jointOfUid) {
    }

    private SkeletonReader() {
    }

    static Bones read(FbxObjects scene, BindPoses binds, AxisSystem axes, int maxBones) throws FbxSceneException {
        Set<Long> bones = new LinkedHashSet<>();
        Set<Long> skinned = new HashSet<>();
        for (FbxObjects.Obj o : scene.all()) {
            if (o.type().equals("Model") && o.subtype().equals("LimbNode")) {
                bones.add(o.uid());
            } else if (o.type().equals("Deformer") && o.subtype().equals("Cluster")) {
                for (FbxObjects.Obj m : scene.childrenOf(o.uid(), "Model")) {
                    bones.add(m.uid());
                    skinned.add(m.uid());
                }
            }
        }
        if (bones.isEmpty()) {
            throw new FbxSceneException("no skeleton (no LimbNode models): the file has no bones; export the"
                    + " character with its armature/skeleton");
        }
        for (Long uid : List.copyOf(bones)) {
            Set<Long> seen = new HashSet<>();
            FbxObjects.Obj p = scene.parentModel(scene.get(uid));
            while (p != null && seen.add(p.uid()) && (p.subtype().equals("Null") || p.subtype().equals("Root")
                    || p.subtype().equals("LimbNode"))) {
                bones.add(p.uid());
                p = scene.parentModel(p);
            }
        }
        dropArmatureObject(scene, bones, skinned);
        if (bones.size() > maxBones) {
            throw new FbxSceneException("the skeleton has " + bones.size() + " bones, more than the " + maxBones
                    + " allowed; remove helper bones before exporting");
        }
        Map<Long, List<FbxObjects.Obj>> kids = new HashMap<>();
        List<FbxObjects.Obj> tops = new ArrayList<>();
        for (long uid : bones) {
            FbxObjects.Obj o = scene.get(uid);
            FbxObjects.Obj p = scene.parentModel(o);
            if (p != null && bones.contains(p.uid())) {
                kids.computeIfAbsent(p.uid(), k -> new ArrayList<>()).add(o);
            } else {
                tops.add(o);
            }
        }
        Comparator<FbxObjects.Obj> fileOrder = Comparator.comparingInt(FbxObjects.Obj::fileOrder);
        tops.sort(fileOrder);
        kids.values().forEach(l -> l.sort(fileOrder));

        List<String> names = new ArrayList<>();
        List<Long> uids = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int rootParent = -1;
        if (tops.size() > 1) {
            Set<String> boneNames = new HashSet<>();
            bones.forEach(uid -> boneNames.add(scene.get(uid).name()));
            String root = "Root";
            for (int k = 2; boneNames.contains(root); k++) {
                root = "Root_" + k;
            }
            used.add(root);
            names.add(root);
            uids.add(0L);
            parents.add(-1);
            rootParent = 0;
        }
        for (FbxObjects.Obj top : tops) {
            addDepthFirst(top, rootParent, kids, names, uids, parents, used);
        }
        if (uids.size() - (tops.size() > 1 ? 1 : 0) != bones.size()) {
            throw new FbxSceneException("the bone hierarchy has a cycle in its Connections; export the character again");
        }

        double[] toModel = axes.matrix();
        Vec3[] world = new Vec3[uids.size()];
        Map<Long, Integer> jointOfUid = new HashMap<>();
        for (int i = 0; i < world.length; i++) {
            long uid = uids.get(i);
            if (uid == 0L) {
                world[i] = Vec3.ZERO;
                continue;
            }
            jointOfUid.put(uid, i);
            double[] m = Mat4.mul(toModel, binds.world(scene.get(uid)));
            world[i] = new Vec3(m[12], m[13], m[14]);
        }
        List<Vec3> offsets = new ArrayList<>();
        int[] parentArray = new int[world.length];
        for (int i = 0; i < world.length; i++) {
            int p = parents.get(i);
            parentArray[i] = p;
            offsets.add(p < 0 ? world[i] : world[i].minus(world[p]));
        }
        long[] uidArray = uids.stream().mapToLong(Long::longValue).toArray();
        return new Bones(new Skeleton(names, parentArray, offsets), uidArray, world, jointOfUid);
    }

    private static void addDepthFirst(FbxObjects.Obj o, int parent, Map<Long, List<FbxObjects.Obj>> kids,
            List<String> names, List<Long> uids, List<Integer> parents, Set<String> used) {
        // Iterative, so a deep chain cannot overflow the stack; a cycle never reaches a top bone.
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {o, parent});
        Set<Long> done = new HashSet<>();
        while (!stack.isEmpty()) {
            Object[] e = stack.remove(stack.size() - 1);
            FbxObjects.Obj b = (FbxObjects.Obj) e[0];
            if (!done.add(b.uid())) {
                continue;
            }
            int index = names.size();
            names.add(unique(b.name().isEmpty() ? "joint" + index : b.name(), used));
            uids.add(b.uid());
            parents.add((Integer) e[1]);
            List<FbxObjects.Obj> cs = kids.getOrDefault(b.uid(), List.of());
            for (int i = cs.size() - 1; i >= 0; i--) {
                stack.add(new Object[] {cs.get(i), index});
            }
        }
    }

    /** {@code name}, or {@code name_2}, {@code name_3}... when a joint already has it (names must be unique). */
    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int k = 2; !used.add(n); k++) {
            n = name + "_" + k;
        }
        return n;
    }

    /**
     * Blender's exporter (and ours) put the skeleton under a Null that stands for the armature
     * object; importers make it the armature, not a bone. While the skeleton's only top node is
     * such a Null — skinning nothing, with a single child in the skeleton — it is left out (the
     * joints keep their world positions, which include its transform).
     */
    private static void dropArmatureObject(FbxObjects scene, Set<Long> bones, Set<Long> skinned) {
        while (true) {
            List<Long> tops = new ArrayList<>();
            for (long uid : bones) {
                FbxObjects.Obj p = scene.parentModel(scene.get(uid));
                if (p == null || !bones.contains(p.uid())) {
                    tops.add(uid);
                }
            }
            if (tops.size() != 1) {
                return;
            }
            FbxObjects.Obj top = scene.get(tops.get(0));
            if (!top.subtype().equals("Null") || skinned.contains(top.uid())) {
                return;
            }
            long children = bones.stream().filter(uid -> {
                FbxObjects.Obj p = scene.parentModel(scene.get(uid));
                return p != null && p.uid() == top.uid();
            }).count();
            if (children != 1) {
                return;
            }
            bones.remove(top.uid());
        }
    }
}
