package io.anim3d.motion;

import java.util.List;

/**
 * Body landmarks of one person over a clip: what the vision stage produces and the solver
 * consumes, stored with a job as {@code landmarks.dmpe}. Immutable.
 *
 * @param frameWidth  width in pixels of the processed frames (after rotation and crop), the
 *                    reference of the normalised image landmarks
 * @param frameHeight height in pixels of the processed frames
 * @param frameRate   average frames per second of the processed clip in motion time
 * @param model       which landmark model produced it ({@code lite}, {@code full}, {@code heavy})
 * @param frames      frames in time order, strictly increasing timestamps
 */
public record LandmarkTrack(int frameWidth, int frameHeight, double frameRate, String model, List<TrackFrame> frames) {
    public LandmarkTrack {
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + frameWidth + "x" + frameHeight);
        }
        if (!(frameRate > 0) || !Double.isFinite(frameRate)) {
            throw new IllegalArgumentException("frameRate must be positive, got " + frameRate);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        frames = List.copyOf(frames);
        for (int i = 1; i < frames.size(); i++) {
            if (!(frames.get(i).timeSeconds() > frames.get(i - 1).timeSeconds())) {
                throw new IllegalArgumentException("frame " + i + " at " + frames.get(i).timeSeconds()
                        + " s does not come after frame " + (i - 1) + " at " + frames.get(i - 1).timeSeconds() + " s");
            }
        }
    }

    /** Number of frames in which a person was tracked. */
    public int posedFrameCount() {
        return (int) frames.stream().filter(TrackFrame::hasPose).count();
    }
}
