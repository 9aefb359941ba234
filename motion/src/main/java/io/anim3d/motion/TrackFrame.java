package io.anim3d.motion;

/**
 * One frame of a landmark track.
 *
 * @param timeSeconds motion time of the frame in seconds from the start of the processed clip
 *                    (after trim, divided by the speed multiplier); strictly increasing in a track
 * @param pose        the tracked person, or {@code null} when nobody was found in this frame
 */
public record TrackFrame(double timeSeconds, PoseObservation pose) {
    public TrackFrame {
        if (!Double.isFinite(timeSeconds) || timeSeconds < 0) {
            throw new IllegalArgumentException("timeSeconds must be finite and >= 0, got " + timeSeconds);
        }
    }

    public boolean hasPose() {
        return pose != null;
    }
}
