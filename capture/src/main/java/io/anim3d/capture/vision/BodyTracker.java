package io.anim3d.capture.vision;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import io.anim3d.capture.video.Frame;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoOptions;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.PoseObservation;
import io.anim3d.motion.TrackFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The vision stage: a video or image file in, the {@link LandmarkTrack} of its person out.
 * Decoding runs on its own thread, a few frames ahead of inference, so that the two overlap;
 * the queue between them is bounded, so memory stays flat whatever the length of the video.
 */
public final class BodyTracker {
    /** Frames decoded ahead of inference: enough to absorb jitter, small enough for 4K frames. */
    private static final int QUEUE_FRAMES = 4;

    private BodyTracker() {
    }

    /** Sees each frame after tracking, on the tracking thread (progress bars, overlays). */
    public interface Listener {
        /**
         * @param frame       the decoded frame (do not keep it beyond the call)
         * @param pose        the person in it, or null
         * @param totalFrames expected number of frames, or -1 when unknown
         */
        void onFrame(Frame frame, PoseObservation pose, long totalFrames);
    }

    /**
     * What tracking measured, for benchmarks.
     *
     * @param decodeNanos time the decoding thread spent decoding (overlapped with inference)
     * @param wallNanos   time from opening the input to the last frame tracked
     */
    public record Stats(long frames, long decodeNanos, long wallNanos, PoseTracker.StageTimes stages) {
    }

    public record Result(LandmarkTrack track, Stats stats) {
    }

    /**
     * Tracks the person in {@code input}.
     *
     * @throws CaptureException with {@link ErrorCode#NO_PERSON} when no frame has a person, or the
     *                          decoder's error for unreadable input or bad options
     */
    public static Result track(PoseModels models, Path input, VideoOptions videoOptions, PoseTracker.Options options,
                               Listener listener) {
        long start = System.nanoTime();
        try (VideoDecoder decoder = VideoDecoder.open(input, videoOptions)) {
            boolean still = decoder.info().still();
            PoseTracker.Options effective = still && !options.staticImageMode() ? PoseTracker.Options.STILL.withThreads(options.threads()) : options;
            long total = still ? 1 : decoder.info().frameCount();
            List<TrackFrame> frames = new ArrayList<>();
            int width = decoder.outputWidth();
            int height = decoder.outputHeight();
            Decoding decoding = new Decoding(decoder);
            Thread thread = new Thread(decoding, "decode-" + input.getFileName());
            thread.setDaemon(true);
            thread.start();
            PoseTracker.StageTimes stages;
            SceneMotion scene = new SceneMotion();
            try (PoseTracker tracker = new PoseTracker(models, effective)) {
                Decoded decoded;
                while ((decoded = decoding.take()) != null) {
                    Frame frame = decoded.frame();
                    PoseObservation pose = tracker.process(frame.rgb(), frame.width(), frame.height(), frame.timeSeconds());
                    float[] shift = scene.update(decoded.thumbnail(), pose);
                    frames.add(new TrackFrame(frame.timeSeconds(), pose, shift[0], shift[1]));
                    if (listener != null) {
                        listener.onFrame(frame, pose, total);
                    }
                }
                stages = tracker.stageTimes();
            } finally {
                decoding.stop();
                thread.interrupt();
                joinQuietly(thread);
            }
            if (frames.isEmpty()) {
                throw new CaptureException(ErrorCode.CONVERT, input.getFileName() + " has no frames to track"
                        + (videoOptions.trim() != null ? " in the trimmed range" : "") + "; check the file and the trim");
            }
            LandmarkTrack track = new LandmarkTrack(width, height, frameRate(decoder, frames), models.variant().label(), frames);
            if (track.posedFrameCount() == 0) {
                throw new CaptureException(ErrorCode.NO_PERSON, "no person was detected in " + input.getFileName() + " ("
                        + frames.size() + " frames); use a video where one person's whole body is visible");
            }
            return new Result(track, new Stats(frames.size(), decoding.decodeNanos, System.nanoTime() - start, stages));
        }
    }

    private static double frameRate(VideoDecoder decoder, List<TrackFrame> frames) {
        int n = frames.size();
        if (n >= 2) {
            double span = frames.get(n - 1).timeSeconds() - frames.get(0).timeSeconds();
            if (span > 0) {
                return (n - 1) / span;
            }
        }
        double fps = decoder.outputFrameRate();
        return fps > 0 && Double.isFinite(fps) ? fps : 30.0;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A decoded frame and its grey thumbnail for the background motion, made on the decoding thread. */
    private record Decoded(Frame frame, SceneMotion.Thumbnail thumbnail) {
    }

    /**
     * The decoding thread: fills the queue and ends it with a marker; errors reach the consumer.
     * It also shrinks each frame for the background motion, which keeps that work off the
     * inference thread.
     */
    private static final class Decoding implements Runnable {
        private static final Frame END = null;
        private final VideoDecoder decoder;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
        private final Object endMarker = new Object();
        private volatile boolean stopped;
        private volatile long decodeNanos;

        Decoding(VideoDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void run() {
            Object last = endMarker;
            try {
                while (!stopped) {
                    long t0 = System.nanoTime();
                    Frame f = decoder.next();
                    decodeNanos += System.nanoTime() - t0;
                    if (f == END) {
                        break;
                    }
                    queue.put(new Decoded(f, SceneMotion.shrink(f.rgb(), f.width(), f.height())));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                queue.put(last);
            } catch (InterruptedException ignored) {
                // the consumer stopped first
            }
        }

        /** The next frame, or null at the end; rethrows the decoder's error. */
        Decoded take() {
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CaptureException(ErrorCode.INTERRUPTED, "tracking was interrupted");
            }
            if (o == endMarker) {
                return null;
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            return (Decoded) o;
        }

        void stop() {
            stopped = true;
            queue.clear();
        }
    }
}
