package io.anim3d.server.eval;

import java.util.List;
import java.util.Map;

/**
 * The 17-joint orders of the 3D ground truth, as mmpose defines them
 * ({@code configs/_base_/datasets/h36m.py} after mmpose's fix #940 of 2021-09-29, which swapped
 * the left and right names of the older file; {@code mpi_inf_3dhp.py}), checked against the data
 * (see {@code docs/eval.md}): the joint drawn on the person's right side in the images is the one
 * named right, and in both datasets {@code root} is exactly the midpoint of the two hips.
 */
public enum DatasetJoints {
    /**
     * Human3.6M: 0 root (pelvis), 1 right_hip, 2 right_knee, 3 right_foot (ankle), 4 left_hip,
     * 5 left_knee, 6 left_foot, 7 spine, 8 thorax, 9 neck_base, 10 head, 11 left_shoulder,
     * 12 left_elbow, 13 left_wrist, 14 right_shoulder, 15 right_elbow, 16 right_wrist.
     * ({@code neck_base} lies in front of the thorax–head line, about where Human3.6M's original
     * "Neck/Nose" joint is; {@code head} is the top of the head.)
     */
    H36M(List.of("root", "right_hip", "right_knee", "right_foot", "left_hip", "left_knee", "left_foot", "spine",
            "thorax", "neck_base", "head", "left_shoulder", "left_elbow", "left_wrist", "right_shoulder",
            "right_elbow", "right_wrist"),
            new int[] {-1, 0, 1, 2, 0, 4, 5, 0, 7, 8, 9, 8, 11, 12, 8, 14, 15},
            new int[] {1, 4}),
    /**
     * MPI-INF-3DHP: 0 head_top, 1 neck, 2 right_shoulder, 3 right_elbow, 4 right_wrist,
     * 5 left_shoulder, 6 left_elbow, 7 left_wrist, 8 right_hip, 9 right_knee, 10 right_ankle,
     * 11 left_hip, 12 left_knee, 13 left_ankle, 14 root (pelvis), 15 spine, 16 head.
     */
    MPI_INF_3DHP(List.of("head_top", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder",
            "left_elbow", "left_wrist", "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee",
            "left_ankle", "root", "spine", "head"),
            new int[] {16, 15, 1, 2, 3, 1, 5, 6, 14, 8, 9, 14, 11, 12, -1, 14, 1},
            new int[] {8, 11});

    /**
     * Joints with a clear counterpart on the standard humanoid skeleton (hips, knees, ankles,
     * shoulders, elbows, wrists; Mixamo names). The torso and head joints are placed differently
     * by every dataset and have none.
     */
    private static final Map<String, String> LIMB_COUNTERPARTS = Map.ofEntries(
            Map.entry("left_hip", "LeftUpLeg"), Map.entry("right_hip", "RightUpLeg"),
            Map.entry("left_knee", "LeftLeg"), Map.entry("right_knee", "RightLeg"),
            Map.entry("left_foot", "LeftFoot"), Map.entry("right_foot", "RightFoot"),
            Map.entry("left_ankle", "LeftFoot"), Map.entry("right_ankle", "RightFoot"),
            Map.entry("left_shoulder", "LeftArm"), Map.entry("right_shoulder", "RightArm"),
            Map.entry("left_elbow", "LeftForeArm"), Map.entry("right_elbow", "RightForeArm"),
            Map.entry("left_wrist", "LeftHand"), Map.entry("right_wrist", "RightHand"));

    private final List<String> names;
    private final int[] parents;
    private final int[] hips;

    DatasetJoints(List<String> names, int[] parents, int[] hips) {
        this.names = names;
        this.parents = parents;
        this.hips = hips;
    }

    /** Joint names in the dataset's order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public String name(int joint) {
        return names.get(joint);
    }

    /** Index of the joint called {@code name}; throws when there is none. */
    public int require(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(this + " has no joint '" + name + "' (it has " + names + ")");
        }
        return i;
    }

    /** Parent of each joint in mmpose's skeleton links, −1 for the root: the bones. */
    public int[] parents() {
        return parents.clone();
    }

    /** The right and left hip: the pelvis of MPJPE is their mean. */
    public int[] hipJoints() {
        return hips.clone();
    }

    /** The standard-skeleton joint that matches {@code joint}, or null when there is no clear one. */
    public String standardCounterpart(int joint) {
        return LIMB_COUNTERPARTS.get(names.get(joint));
    }
}
