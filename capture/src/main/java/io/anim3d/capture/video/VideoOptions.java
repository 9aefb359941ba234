package io.anim3d.capture.video;

/**
 * What to decode: which part of the video, which region, and how fast the motion plays.
 *
 * @param trim            part of the video to decode, or null for all of it; not allowed for a still image
 * @param crop            region of the upright picture to keep, or null for the whole picture
 * @param speedMultiplier how much faster than real time the motion plays, 1.0 to 8.0 (the API's
 *                        range); frame times are divided by it, so a 30 fps video at 2.0 gives a
 *                        60 fps motion with the same frames
 * @throws io.anim3d.capture.CaptureException PARAMS when the speed is out of range
 */
public record VideoOptions(Trim trim, Crop crop, double speedMultiplier) {
    /** Lowest and highest allowed {@link #speedMultiplier()}, as the API allows. */
    public static final double MIN_SPEED = 1.0;
    public static final double MAX_SPEED = 8.0;

    /** The whole video, the whole picture, real time. */
    public static final VideoOptions DEFAULT = new VideoOptions(null, null, 1.0);

    public VideoOptions {
        if (!(speedMultiplier >= MIN_SPEED && speedMultiplier <= MAX_SPEED)) {
            throw Params.outOfRange("videoSpeedMultiplier", String.valueOf(speedMultiplier),
                    "it must be between " + MIN_SPEED + " and " + MAX_SPEED);
        }
    }
}
