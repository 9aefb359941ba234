package io.anim3d.motion;

/**
 * One frame of a landmark track.
 *
 * @param timeSeconds motion time of the frame in seconds from the start of the processed clip
 *                    (after trim, divided by the speed multiplier); strictly increasing in a track
 * @param pose        the tracked person, or {@code null} when nobody was found in this frame
 * @param sceneDx     how far the background moved across the image since the previous frame,
 *                    as a fraction of the frame width (positive: to the right; a camera panning
 *                    right moves it left); NaN when unknown
 * @param sceneDy     the same downwards, as a fraction of the frame height
 */
public record TrackFrame(double timeSeconds, PoseObservation pose, float sceneDx, float sceneDy) {
    public TrackFrame {
        if (!Double.isFinite(timeSeconds) || timeSeconds < 0) {
            throw new IllegalArgumentException("timeSeconds must be finite and >= 0, got " + timeSeconds);
        }
    }

    /** A frame whose background motion is unknown. */
    public TrackFrame(double timeSeconds, PoseObservation pose) {
        this(timeSeconds, pose, Float.NaN, Float.NaN);
    }

    public boolean hasPose() {
        return pose != null;
    }

    /** Whether the background motion was measured. */
    public boolean hasSceneMotion() {
        return !Float.isNaN(sceneDx) && !Float.isNaN(sceneDy);
    }
}
