package io.anim3d.capture.vision;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.util.Locale;

/** The three BlazePose landmark models: slower ones are more accurate. */
public enum PoseModel {
    LITE("pose_landmark_lite.tflite"),
    FULL("pose_landmark_full.tflite"),
    HEAVY("pose_landmark_heavy.tflite");

    /** The person detector that precedes every landmark model. */
    public static final String DETECTOR_RESOURCE = "pose_detection.tflite";

    private final String resource;

    PoseModel(String resource) {
        this.resource = resource;
    }

    /** File name of the model among the packaged models. */
    public String resource() {
        return resource;
    }

    /** Lower-case name used on the command line and in files ({@code lite}, {@code full}, {@code heavy}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code lite}, {@code full} or {@code heavy} (any case). */
    public static PoseModel parse(String s) {
        for (PoseModel m : values()) {
            if (m.label().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return m;
            }
        }
        throw new CaptureException(ErrorCode.PARAMS, "model '" + s + "' is not a pose model: use lite, full or heavy");
    }
}
