package io.anim3d.capture.solve;

import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.TrackFrame;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * A landmark track resampled to a constant frame rate and converted to the solver's frame:
 * world landmarks in metres with X = image right, Y up, Z towards the camera (MediaPipe's
 * x, −y, −z), so that a person facing the camera faces +Z like the rest pose; image landmarks in
 * pixels. Frames without a person are filled from their neighbours (linear across short gaps,
 * held at the ends and across long ones), and {@link #observed} says which were real.
 */
final class BodyFrames {
    /** Gaps up to this long are interpolated; longer ones hold the last pose. */
    private static final double MAX_INTERPOLATED_GAP_SECONDS = 0.5;

    final int count;
    final double frameRate;
    final int width;
    final int height;
    /** [frame][landmark] world position, metres, solver frame. */
    final Vec3[][] world;
    /** [frame][landmark] image position, pixels. */
    final double[][] u;
    final double[][] v;
    /** [frame][landmark] visibility 0–1 (interpolated like the positions in filled frames). */
    final double[][] visibility;
    final boolean[] observed;

    private BodyFrames(int count, double frameRate, int width, int height) {
        this.count = count;
        this.frameRate = frameRate;
        this.width = width;
        this.height = height;
        this.world = new Vec3[count][PoseLandmark.COUNT];
        this.u = new double[count][PoseLandmark.COUNT];
        this.v = new double[count][PoseLandmark.COUNT];
        this.visibility = new double[count][PoseLandmark.COUNT];
        this.observed = new boolean[count];
    }

    /** Resamples {@code track} at its average frame rate, starting at its first frame's time. */
    static BodyFrames of(LandmarkTrack track) {
        List<TrackFrame> posed = new ArrayList<>();
        for (TrackFrame f : track.frames()) {
            if (f.hasPose()) {
                posed.add(f);
            }
        }
        if (posed.isEmpty()) {
            throw new IllegalArgumentException("the track has no frame with a person");
        }
        List<TrackFrame> all = track.frames();
        double t0 = all.get(0).timeSeconds();
        double t1 = all.get(all.size() - 1).timeSeconds();
        double fps = track.frameRate();
        int n = all.size() == 1 ? 1 : Math.max(1, (int) Math.round((t1 - t0) * fps) + 1);
        BodyFrames b = new BodyFrames(n, fps, track.frameWidth(), track.frameHeight());
        int k = 0; // index into posed: the last posed frame at or before t
        for (int i = 0; i < n; i++) {
            double t = t0 + i / fps;
            while (k + 1 < posed.size() && posed.get(k + 1).timeSeconds() <= t + 1e-9) {
                k++;
            }
            TrackFrame before = posed.get(k);
            if (before.timeSeconds() > t + 1e-9) {
                b.fill(i, before.pose(), before.pose(), 0, false);
                continue;
            }
            TrackFrame after = k + 1 < posed.size() ? posed.get(k + 1) : null;
            double gap = after == null ? Double.POSITIVE_INFINITY : after.timeSeconds() - before.timeSeconds();
            boolean exact = Math.abs(before.timeSeconds() - t) < 0.5 / fps;
            if (after == null || gap > MAX_INTERPOLATED_GAP_SECONDS) {
                b.fill(i, before.pose(), before.pose(), 0, exact);
            } else {
                double w = (t - before.timeSeconds()) / gap;
                b.fill(i, before.pose(), after.pose(), w, exact || Math.abs(after.timeSeconds() - t) < 0.5 / fps);
            }
        }
        return b;
    }

    private void fill(int i, PoseObservation a, PoseObservation b, double w, boolean real) {
        observed[i] = real;
        for (int k = 0; k < PoseLandmark.COUNT; k++) {
            double x = lerp(a.worldX(k), b.worldX(k), w);
            double y = lerp(a.worldY(k), b.worldY(k), w);
            double z = lerp(a.worldZ(k), b.worldZ(k), w);
            world[i][k] = new Vec3(x, -y, -z);
            u[i][k] = lerp(a.x(k), b.x(k), w) * width;
            v[i][k] = lerp(a.y(k), b.y(k), w) * height;
            visibility[i][k] = lerp(a.visibility(k), b.visibility(k), w);
        }
    }

    private static double lerp(double a, double b, double w) {
        return a + (b - a) * w;
    }

    Vec3 world(int frame, PoseLandmark l) {
        return world[frame][l.ordinal()];
    }

    double visibility(int frame, PoseLandmark l) {
        return visibility[frame][l.ordinal()];
    }
}
