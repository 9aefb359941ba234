package io.anim3d.motion.metrics;

import io.anim3d.motion.Motion;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Ground-truth-free quality of a motion, as {@code docs/METRICS.md} defines it: jitter, foot
 * sliding, skating ratio, ground penetration, bone-length drift and flips. Positions are metres
 * with Y up; "horizontal" means the X–Z plane. Stateless apart from its options, so one instance
 * may be shared between threads.
 */
public final class MotionQuality {
    /**
     * @param groundY            height of the ground plane, metres (Y up)
     * @param contactHeight      a foot joint below this height above the ground in two adjacent
     *                           frames is in contact, metres; 0.05 in the skating-ratio definition
     * @param skateSpeed         a foot in contact skates when its horizontal speed exceeds this in
     *                           the frame pair and as a moving average, m/s; 0.5 in the definition
     * @param skateWindow        length of that centred moving average, frame pairs, odd; 5 in the
     *                           definition (zero-padded at the clip's ends, as scipy's
     *                           {@code uniform_filter1d(mode='constant')} in the published code)
     * @param flipDegrees        a local rotation changing by more than this between adjacent
     *                           frames is a flip, degrees; 90 in the definition
     */
    public record Options(double groundY, double contactHeight, double skateSpeed, int skateWindow, double flipDegrees) {
        /** The values of {@code docs/METRICS.md}: ground at y = 0, 5 cm, 0.5 m/s, 5 frames, 90°. */
        public static final Options DEFAULTS = new Options(0, 0.05, 0.5, 5, 90);

        public Options {
            if (!Double.isFinite(groundY)) {
                throw new IllegalArgumentException("groundY must be finite, got " + groundY);
            }
            if (!(contactHeight > 0) || !Double.isFinite(contactHeight)) {
                throw new IllegalArgumentException("contactHeight must be positive metres, got " + contactHeight);
            }
            if (!(skateSpeed >= 0) || !Double.isFinite(skateSpeed)) {
                throw new IllegalArgumentException("skateSpeed must be ≥ 0 m/s, got " + skateSpeed);
            }
            if (skateWindow < 1 || skateWindow % 2 == 0) {
                throw new IllegalArgumentException("skateWindow must be an odd number of frames ≥ 1, got " + skateWindow);
            }
            if (!(flipDegrees > 0 && flipDegrees < 180)) {
                throw new IllegalArgumentException("flipDegrees must be between 0 and 180, got " + flipDegrees);
            }
        }
    }

    private final Options options;

    public MotionQuality(Options options) {
        this.options = options;
    }

    /** With {@link Options#DEFAULTS}. */
    public MotionQuality() {
        this(Options.DEFAULTS);
    }

    public Options options() {
        return options;
    }

    /**
     * Jitter per frame, in units of 10 m/s³: for t = 0 … T−4, the mean over joints of
     * ‖(p(t+3) − 3p(t+2) + 3p(t+1) − p(t)) · f³‖ / 10. Needs at least 4 frames.
     */
    public double[] jitterPerFrame(PositionTrack track) {
        int frames = track.frameCount();
        if (frames < 4) {
            throw new IllegalArgumentException("jitter needs at least 4 frames, got " + frames);
        }
        double f3 = Math.pow(track.frameRate(), 3);
        double[] out = new double[frames - 3];
        for (int t = 0; t < out.length; t++) {
            double sum = 0;
            for (int k = 0; k < track.jointCount(); k++) {
                Vec3 jerk = track.position(t + 3, k).minus(track.position(t + 2, k).times(3))
                        .plus(track.position(t + 1, k).times(3)).minus(track.position(t, k));
                sum += jerk.length() * f3;
            }
            out[t] = sum / track.jointCount() / 10;
        }
        return out;
    }

    /** Jitter, 10 m/s³ (mean of {@link #jitterPerFrame}); GVHMR reports 12.8 on RICH. */
    public double jitter(PositionTrack track) {
        return PoseMetrics.mean(jitterPerFrame(track));
    }

    /** Contacts by the height rule of these options (see {@link FootContacts#byHeight}). */
    public FootContacts contacts(PositionTrack track, Feet feet) {
        return FootContacts.byHeight(track, feet, options.groundY(), options.contactHeight());
    }

    /** Foot sliding, mm/frame, with contacts by the height rule (see {@link #footSliding(PositionTrack, Feet, FootContacts)}). */
    public double footSliding(PositionTrack track, Feet feet) {
        return footSliding(track, feet, contacts(track, feet));
    }

    /**
     * Foot sliding, mm/frame: the mean horizontal displacement between adjacent frames of each
     * foot joint over the frame pairs where that joint is in contact. NaN when no foot joint is
     * ever in contact. (WHAM's published code instead takes contacts from the ground truth's
     * foot vertices moving less than 1 cm/frame and measures the 3D displacement.)
     */
    public double footSliding(PositionTrack track, Feet feet, FootContacts contacts) {
        feet.checkWithin(track.jointCount());
        contacts.checkMatches(feet, track.frameCount());
        double sum = 0;
        int n = 0;
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < feet.count(s); i++) {
                int j = feet.joint(s, i);
                for (int t = 0; t < contacts.pairCount(); t++) {
                    if (contacts.inContact(s, i, t)) {
                        sum += horizontal(track.position(t + 1, j).minus(track.position(t, j)));
                        n++;
                    }
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n * 1000;
    }

    /**
     * Which frame pairs skate: a foot skates in pair t when one of its joints is in contact (height
     * rule) and moves horizontally faster than {@code skateSpeed} both in that pair and as the
     * centred {@code skateWindow}-pair moving average; a pair skates when either foot does.
     */
    public boolean[] skatingPerPair(PositionTrack track, Feet feet) {
        FootContacts contacts = contacts(track, feet);
        int pairs = contacts.pairCount();
        boolean[] skating = new boolean[pairs];
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < feet.count(s); i++) {
                int j = feet.joint(s, i);
                double[] speed = new double[pairs];
                for (int t = 0; t < pairs; t++) {
                    speed[t] = horizontal(track.position(t + 1, j).minus(track.position(t, j))) * track.frameRate();
                }
                double[] average = movingAverage(speed, options.skateWindow());
                for (int t = 0; t < pairs; t++) {
                    if (contacts.inContact(s, i, t) && speed[t] > options.skateSpeed() && average[t] > options.skateSpeed()) {
                        skating[t] = true;
                    }
                }
            }
        }
        return skating;
    }

    /** Skating ratio, %: frame pairs where either foot skates / (T − 1) × 100. Needs at least 2 frames. */
    public double skatingRatio(PositionTrack track, Feet feet) {
        if (track.frameCount() < 2) {
            throw new IllegalArgumentException("skating ratio needs at least 2 frames, got " + track.frameCount());
        }
        boolean[] skating = skatingPerPair(track, feet);
        int n = 0;
        for (boolean b : skating) {
            n += b ? 1 : 0;
        }
        return 100.0 * n / skating.length;
    }

    /**
     * Ground penetration, mm: the depth below the ground plane of each foot joint (0 when above),
     * averaged over every frame and foot joint.
     */
    public double groundPenetration(PositionTrack track, Feet feet) {
        feet.checkWithin(track.jointCount());
        double sum = 0;
        int n = 0;
        for (int t = 0; t < track.frameCount(); t++) {
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < feet.count(s); i++) {
                    sum += Math.max(0, options.groundY() - track.position(t, feet.joint(s, i)).y());
                    n++;
                }
            }
        }
        return sum / n * 1000;
    }

    /**
     * Bone-length drift per bone, mm: for each joint j with a parent, the (population) standard
     * deviation over frames of ‖p(j) − p(parent(j))‖; NaN for joints without a parent.
     *
     * @param parents parent index of each track joint, −1 for none (e.g. {@code Skeleton.parent})
     */
    public double[] boneLengthDriftPerBone(PositionTrack track, int[] parents) {
        if (parents.length != track.jointCount()) {
            throw new IllegalArgumentException("parents name " + parents.length + " joints, the track has " + track.jointCount());
        }
        double[] out = new double[parents.length];
        for (int j = 0; j < parents.length; j++) {
            int p = parents[j];
            if (p < 0) {
                out[j] = Double.NaN;
                continue;
            }
            if (p >= parents.length) {
                throw new IllegalArgumentException("joint " + j + " has parent " + p + ", not among the " + parents.length + " joints");
            }
            double sum = 0, sumSq = 0;
            int frames = track.frameCount();
            double first = track.position(0, j).distance(track.position(0, p));
            for (int t = 0; t < frames; t++) {
                // Centred on frame 0's length so the variance does not lose precision to a large mean.
                double d = track.position(t, j).distance(track.position(t, p)) - first;
                sum += d;
                sumSq += d * d;
            }
            double mean = sum / frames;
            out[j] = Math.sqrt(Math.max(0, sumSq / frames - mean * mean)) * 1000;
        }
        return out;
    }

    /** Bone-length drift, mm: the mean of {@link #boneLengthDriftPerBone} over the bones. */
    public double boneLengthDrift(PositionTrack track, int[] parents) {
        double sum = 0;
        int n = 0;
        for (double d : boneLengthDriftPerBone(track, parents)) {
            if (!Double.isNaN(d)) {
                sum += d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The frames t (1 … T−1) where some joint's local rotation differs from frame t − 1 by more
     * than {@code flipDegrees}. The angle between rotations ignores the quaternion's sign, so a
     * sign flip alone (the same rotation) is not a flip.
     */
    public int[] flipFrames(Motion motion) {
        double limit = Math.toRadians(options.flipDegrees());
        List<Integer> frames = new ArrayList<>();
        for (int t = 1; t < motion.frameCount(); t++) {
            for (int j = 0; j < motion.skeleton().size(); j++) {
                if (motion.rotation(t, j).normalized().angleTo(motion.rotation(t - 1, j).normalized()) > limit) {
                    frames.add(t);
                    break;
                }
            }
        }
        return frames.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Flips: the number of {@link #flipFrames}. */
    public int flips(Motion motion) {
        return flipFrames(motion).length;
    }

    private static double horizontal(Vec3 d) {
        return Math.hypot(d.x(), d.z());
    }

    /** Centred moving average of odd length {@code window}; values beyond the ends count as 0. */
    private static double[] movingAverage(double[] v, int window) {
        int half = window / 2;
        double[] out = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            double sum = 0;
            for (int u = t - half; u <= t + half; u++) {
                if (u >= 0 && u < v.length) {
                    sum += v[u];
                }
            }
            out[t] = sum / window;
        }
        return out;
    }
}
