package io.anim3d.capture.video;

/**
 * The part of the input to animate, in seconds of the original video measured from its first
 * frame. Frames whose presentation time t satisfies {@code fromSeconds <= t <= toSeconds} are
 * decoded; {@code toSeconds} may lie beyond the end (the clip then runs to the end).
 *
 * @param fromSeconds start, seconds, finite and {@code >= 0}
 * @param toSeconds   end, seconds, finite and {@code > fromSeconds}
 * @throws io.anim3d.capture.CaptureException PARAMS when the range is not valid
 */
public record Trim(double fromSeconds, double toSeconds) {
    public Trim {
        if (!Double.isFinite(fromSeconds) || fromSeconds < 0) {
            throw Params.outOfRange("trim start", fromSeconds + " s", "it must be a finite number of seconds >= 0");
        }
        if (!Double.isFinite(toSeconds) || toSeconds <= fromSeconds) {
            throw Params.outOfRange("trim end", toSeconds + " s",
                    "it must be a finite number of seconds greater than the start " + fromSeconds + " s");
        }
    }

    /**
     * Parses the CLI/API text form {@code "from,to"} in seconds, e.g. {@code "1,2.6"}.
     *
     * @throws io.anim3d.capture.CaptureException PARAMS when malformed or out of range
     */
    public static Trim parse(String text) {
        double[] v = Params.parseList("trim", text, 2, "'from,to' in seconds with 0 <= from < to (e.g. '1,2.6')");
        return new Trim(v[0], v[1]);
    }

    /** Length of the range, seconds. */
    public double lengthSeconds() {
        return toSeconds - fromSeconds;
    }
}
