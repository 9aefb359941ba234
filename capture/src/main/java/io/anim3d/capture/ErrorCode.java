package io.anim3d.capture;

/**
 * Error codes of the Animate 3D REST API (its "Error Codes" table), as they appear in a failed
 * job's details. Every failure the capture stage reports carries one of them.
 */
public enum ErrorCode {
    /** The input or an asset could not be fetched. */
    DOWNLOAD(201),
    /** The input is not a video or image we can decode (empty, truncated, unknown format). */
    CONVERT(202),
    /** A parameter is out of range or malformed. */
    PARAMS(503),
    /** The pose estimation could not be created (models missing, inference failed to start). */
    POSE_ESTIMATION(506),
    /** Body tracking failed while running. */
    BODY_TRACKING(507),
    /** The input does not meet the requirements for good animation (too small, too short). */
    INPUT_QUALITY(508),
    /** Internal files could not be opened. */
    INTERNAL_FILES(510),
    /** Processing was interrupted. */
    INTERRUPTED(511),
    /** No person was detected in the input. */
    NO_PERSON(513);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The number clients see. */
    public int code() {
        return code;
    }
}
