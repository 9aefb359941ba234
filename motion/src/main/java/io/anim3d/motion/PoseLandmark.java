package io.anim3d.motion;

/**
 * The 33 body landmarks of BlazePose (MediaPipe Pose), in the order the model emits them.
 * {@link #ordinal()} is the landmark's index in every array of a {@link PoseObservation}.
 */
public enum PoseLandmark {
    NOSE, LEFT_EYE_INNER, LEFT_EYE, LEFT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE, RIGHT_EYE_OUTER,
    LEFT_EAR, RIGHT_EAR, MOUTH_LEFT, MOUTH_RIGHT, LEFT_SHOULDER, RIGHT_SHOULDER, LEFT_ELBOW,
    RIGHT_ELBOW, LEFT_WRIST, RIGHT_WRIST, LEFT_PINKY, RIGHT_PINKY, LEFT_INDEX, RIGHT_INDEX,
    LEFT_THUMB, RIGHT_THUMB, LEFT_HIP, RIGHT_HIP, LEFT_KNEE, RIGHT_KNEE, LEFT_ANKLE, RIGHT_ANKLE,
    LEFT_HEEL, RIGHT_HEEL, LEFT_FOOT_INDEX, RIGHT_FOOT_INDEX;

    /** Number of body landmarks (the model's two auxiliary landmarks are not part of a track). */
    public static final int COUNT = 33;

    private static final PoseLandmark[] VALUES = values();

    /** The landmark at {@code index}, 0 to 32. */
    public static PoseLandmark of(int index) {
        return VALUES[index];
    }

    /** Lower-case name as MediaPipe spells it, e.g. {@code left_eye_inner}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Pairs of landmark indices joined by a bone in MediaPipe's pose drawing (POSE_CONNECTIONS),
     * for overlays and plots.
     */
    public static int[][] connections() {
        return new int[][] {
            {0, 1}, {1, 2}, {2, 3}, {3, 7}, {0, 4}, {4, 5}, {5, 6}, {6, 8}, {9, 10},
            {11, 12}, {11, 13}, {13, 15}, {15, 17}, {15, 19}, {15, 21}, {17, 19},
            {12, 14}, {14, 16}, {16, 18}, {16, 20}, {16, 22}, {18, 20},
            {11, 23}, {12, 24}, {23, 24}, {23, 25}, {24, 26}, {25, 27}, {26, 28},
            {27, 29}, {28, 30}, {29, 31}, {30, 32}, {27, 31}, {28, 32}
        };
    }
}
