package io.anim3d.formats.landmarks;

import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.PoseLandmark;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;
import io.anim3d.motion.TrackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic-looking landmark tracks: 33 landmarks on smooth sinusoidal paths
 * plus tracker-like jitter (about 2 px at 1080p in the image, 5 mm in the world), visibilities
 * near 1 with noise. The jitter matters: it fills the low mantissa bits like a real model's
 * output, so compressed sizes measured on these tracks are not flattered.
 */
final class SyntheticTracks {
    private SyntheticTracks() {
    }

    /** {@code frames} posed frames at a constant 30 fps, 1920x1080, model {@code full}. */
    static LandmarkTrack regular(int frames, long seed) {
        Random noise = new Random(seed);
        List<TrackFrame> list = new ArrayList<>(frames);
        for (int k = 0; k < frames; k++) {
            double t = k / 30.0;
            list.add(new TrackFrame(t, pose(t, noise)));
        }
        return new LandmarkTrack(1920, 1080, 30.0, "full", list);
    }

    /**
     * Variable frame rate (steps of 20 to 50 ms) and frames without a person: every 7th frame
     * and a run of 5 frames in the middle.
     */
    static LandmarkTrack irregular(int frames, long seed) {
        Random noise = new Random(seed);
        List<TrackFrame> list = new ArrayList<>(frames);
        double t = 0.0137;
        for (int k = 0; k < frames; k++) {
            boolean nobody = k % 7 == 3 || (k >= frames / 2 && k < frames / 2 + 5);
            // Background shift measured on most frames, unknown (NaN) on some.
            float dx = k % 5 == 1 ? Float.NaN : (float) (0.004 * Math.sin(0.3 * k));
            float dy = k % 5 == 1 ? Float.NaN : (float) (-0.001 * k / frames);
            list.add(new TrackFrame(t, nobody ? null : pose(t, noise), dx, dy));
            t += 0.020 + 0.030 * noise.nextDouble();
        }
        return new LandmarkTrack(720, 1280, 29.97, "heavy", list);
    }

    /** One frame's pose at time {@code t} seconds. */
    static PoseObservation pose(double t, Random noise) {
        int n = PoseLandmark.COUNT;
        float[] image = new float[3 * n];
        float[] world = new float[3 * n];
        float[] visibility = new float[n];
        float[] presence = new float[n];
        for (int i = 0; i < n; i++) {
            double phase = 0.37 * i;
            double walk = 2 * Math.PI * 0.8 * t + phase;
            image[3 * i] = (float) (0.5 + 0.1 * Math.sin(1.3 * i) + 0.05 * Math.sin(walk) + 0.002 * noise.nextGaussian());
            image[3 * i + 1] = (float) (0.2 + 0.02 * i + 0.03 * Math.cos(walk) + 0.002 * noise.nextGaussian());
            image[3 * i + 2] = (float) (-0.1 * Math.sin(0.7 * i) + 0.05 * Math.sin(Math.PI * t + phase)
                    + 0.01 * noise.nextGaussian());
            world[3 * i] = (float) (0.3 * Math.sin(1.3 * i) + 0.15 * Math.sin(walk) + 0.005 * noise.nextGaussian());
            world[3 * i + 1] = (float) (-0.6 + 0.05 * i + 0.08 * Math.cos(walk) + 0.005 * noise.nextGaussian());
            world[3 * i + 2] = (float) (0.2 * Math.sin(0.7 * i) + 0.1 * Math.sin(Math.PI * t + phase)
                    + 0.01 * noise.nextGaussian());
            visibility[i] = (float) Math.min(1, 0.95 + 0.04 * Math.sin(t + i) + 0.01 * noise.nextGaussian());
            presence[i] = (float) Math.min(1, 0.97 + 0.02 * Math.sin(t + i) + 0.01 * noise.nextGaussian());
        }
        Roi roi = new Roi((float) (0.5 + 0.01 * Math.sin(t)), (float) (0.55 + 0.01 * Math.cos(t)),
                (float) (0.45 + 0.001 * noise.nextGaussian()), (float) (0.8 + 0.001 * noise.nextGaussian()),
                (float) (0.02 * Math.sin(0.5 * t)));
        return new PoseObservation(image, world, visibility, presence, roi);
    }
}
