package io.anim3d.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** MediaPipe's One Euro semantics: timestamps, first sample, smoothing strength, speed adaptation. */
class OneEuroFilterTest {
    private static final long FRAME_NS = 33_333_333L;
    private static final OneEuroFilter.Params LANDMARKS = new OneEuroFilter.Params(0.05, 80, 1);

    @Test
    void firstSamplePassesAndStaleTimestampsChangeNothing() {
        OneEuroFilter f = new OneEuroFilter(LANDMARKS);
        assertEquals(10.0, f.apply(FRAME_NS, 1, 10.0), 1e-6, "first sample passes through");
        f.apply(2 * FRAME_NS, 1, 20.0);
        assertEquals(55.0, f.apply(2 * FRAME_NS, 1, 55.0), 1e-9, "a repeated timestamp returns the value untouched");
        assertEquals(99.0, f.apply(FRAME_NS, 1, 99.0), 1e-9, "an older timestamp returns the value untouched");
        // and the state was not disturbed: a constant signal converges, never jumps to 99
        double last = 0;
        for (int i = 3; i < 200; i++) {
            last = f.apply(i * FRAME_NS, 1, 20.0);
        }
        assertEquals(20.0, last, 1e-3);
    }

    @Test
    void stillNoiseIsSmoothedButFastMotionFollows() {
        // Jitter of ±1 px on a still point: the output moves far less than the input.
        OneEuroFilter still = new OneEuroFilter(LANDMARKS);
        double maxOut = 0;
        for (int i = 1; i <= 300; i++) {
            double out = still.apply(i * FRAME_NS, 1.0 / 200, 500 + (i % 2 == 0 ? 1 : -1));
            if (i > 30) {
                maxOut = Math.max(maxOut, Math.abs(out - 500));
            }
        }
        assertTrue(maxOut < 0.5, "jitter of 1 px left " + maxOut + " px");
        // A fast ramp (a person 200 px tall moving 10 px per frame): small lag.
        OneEuroFilter moving = new OneEuroFilter(LANDMARKS);
        double lag = 0;
        for (int i = 1; i <= 60; i++) {
            double in = 10.0 * i;
            lag = in - moving.apply(i * FRAME_NS, 1.0 / 200, in);
        }
        assertTrue(lag < 10, "lag of a fast move was " + lag + " px (more than a frame)");
    }

    @Test
    void frequencyFollowsTimestamps() {
        // The same step at 5 fps and at 30 fps: at the lower rate each sample is trusted more.
        OneEuroFilter slow = new OneEuroFilter(new OneEuroFilter.Params(1, 0, 1));
        OneEuroFilter fast = new OneEuroFilter(new OneEuroFilter.Params(1, 0, 1));
        slow.apply(200_000_000L, 1, 0);
        slow.apply(400_000_000L, 1, 0);
        fast.apply(FRAME_NS, 1, 0);
        fast.apply(2 * FRAME_NS, 1, 0);
        double s = slow.apply(600_000_000L, 1, 1);
        double q = fast.apply(3 * FRAME_NS, 1, 1);
        assertTrue(s > q, "5 fps step response " + s + " should exceed 30 fps " + q);
        assertEquals(1 / (1 + 1 / (2 * Math.PI) * 5), s, 1e-6, "alpha at 5 Hz with a 1 Hz cutoff");
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OneEuroFilter.Params(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LowPassFilter().apply(1, 1.5f));
    }
}
