package io.anim3d.formats.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.Roi;
import io.anim3d.motion.TrackFrame;

/** Bit-exact comparison of tracks that names the frame, the array, the index and both bit patterns. */
final class TrackAssertions {
    private TrackAssertions() {
    }

    static void assertBitIdentical(LandmarkTrack expected, LandmarkTrack actual) {
        assertEquals(expected.frameWidth(), actual.frameWidth(), "frameWidth");
        assertEquals(expected.frameHeight(), actual.frameHeight(), "frameHeight");
        assertEquals(Double.doubleToRawLongBits(expected.frameRate()), Double.doubleToRawLongBits(actual.frameRate()),
                "frameRate bits");
        assertEquals(expected.model(), actual.model(), "model");
        assertEquals(expected.frames().size(), actual.frames().size(), "frame count");
        for (int k = 0; k < expected.frames().size(); k++) {
            assertFrameBitIdentical(k, expected.frames().get(k), actual.frames().get(k));
        }
    }

    static void assertFrameBitIdentical(long k, TrackFrame e, TrackFrame a) {
        if (Float.floatToRawIntBits(e.sceneDx()) != Float.floatToRawIntBits(a.sceneDx())
                || Float.floatToRawIntBits(e.sceneDy()) != Float.floatToRawIntBits(a.sceneDy())) {
            fail("frame " + k + ": background shift (" + a.sceneDx() + ", " + a.sceneDy() + "), expected ("
                    + e.sceneDx() + ", " + e.sceneDy() + ")");
        }
        if (Double.doubleToRawLongBits(e.timeSeconds()) != Double.doubleToRawLongBits(a.timeSeconds())) {
            fail("frame " + k + ": time " + a.timeSeconds() + " s, expected " + e.timeSeconds() + " s");
        }
        assertEquals(e.hasPose(), a.hasPose(), "frame " + k + ": has pose");
        if (!e.hasPose()) {
            return;
        }
        PoseObservation ep = e.pose();
        PoseObservation ap = a.pose();
        bits(k, "image", ep.imageLandmarks(), ap.imageLandmarks());
        bits(k, "world", ep.worldLandmarks(), ap.worldLandmarks());
        bits(k, "visibility", ep.visibilities(), ap.visibilities());
        bits(k, "presence", ep.presences(), ap.presences());
        bits(k, "roi", roi(ep.roi()), roi(ap.roi()));
    }

    private static float[] roi(Roi r) {
        return new float[] {r.xCenter(), r.yCenter(), r.width(), r.height(), r.rotation()};
    }

    private static void bits(long k, String what, float[] e, float[] a) {
        assertEquals(e.length, a.length, "frame " + k + ": " + what + " length");
        for (int i = 0; i < e.length; i++) {
            int eb = Float.floatToRawIntBits(e[i]);
            int ab = Float.floatToRawIntBits(a[i]);
            if (eb != ab) {
                fail(String.format("frame %d: %s[%d] is %s (bits %08x), expected %s (bits %08x)",
                        k, what, i, a[i], ab, e[i], eb));
            }
        }
    }
}
