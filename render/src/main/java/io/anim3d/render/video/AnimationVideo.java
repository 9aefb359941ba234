package io.anim3d.render.video;

import io.anim3d.render.AudioClip;
import io.anim3d.render.Mp4Options;
import io.anim3d.render.Mp4Writer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The job's MP4: the animated character, beside the original video when side by side
 * ({@code render.sbs}), one picture per motion frame at the motion's frame rate, H.264 yuv420p
 * with the index first (see {@link Mp4Writer}), and the input's audio when asked for and the
 * video plays at the original's speed.
 *
 * <p>Frames: output frame i shows motion frame i and, on the left, the latest original picture
 * whose motion time is at most {@code t0 + (i + 0.5) / frameRate}, where t0 is the first
 * picture's time (the motion's frame 0 is at the first tracked picture). For a constant-rate
 * input that is picture i; variable-rate input repeats or skips pictures as the motion does.
 * When the pictures run out the last one stays.
 *
 * <p>Speed: with a speed multiplier other than 1 the motion, and so this video, runs that much
 * faster than the original (its frame rate is the input's times the multiplier); its audio would
 * not fit, so there is none and {@link Result#warnings()} says so.
 *
 * <p>Work is split over two threads: a helper thread reads the original pictures, scales them
 * and has the character drawn, while the calling thread encodes the previous frame. Both
 * {@link OriginalFrames} and {@link CharacterFrames} are called only from the helper thread,
 * one call at a time. The bytes written do not depend on the timing.
 *
 * <p>The file appears at the target path only when complete; on failure nothing is left.
 */
public final class AnimationVideo {
    /** Canvases in flight between the helper and the encoder: one being drawn, one waiting, one being encoded. */
    private static final int CANVASES = 3;

    private AnimationVideo() {
    }

    /**
     * What to write.
     *
     * @param layout          frame size and halves ({@link SideBySideLayout#of})
     * @param frameCount      motion frames, at least 1: the video has exactly this many
     * @param frameRate       motion frames per second, &gt; 0, at most 1000
     * @param speedMultiplier the job's videoSpeedMultiplier (motion time = video time ÷ it); not 1
     *                        means no audio
     * @param audio           the input's audio to include ({@code render.includeAudio}), or null
     */
    public record Options(SideBySideLayout layout, int frameCount, double frameRate, double speedMultiplier,
                          AudioClip audio) {
        public Options {
            if (layout == null) {
                throw new IllegalArgumentException("layout is required");
            }
            if (frameCount < 1) {
                throw new IllegalArgumentException("a video needs at least 1 frame, got " + frameCount);
            }
            if (!(frameRate > 0) || frameRate > 1000 || !Double.isFinite(frameRate)) {
                throw new IllegalArgumentException("frame rate must be > 0 and at most 1000 fps, got " + frameRate);
            }
            if (!(speedMultiplier > 0) || !Double.isFinite(speedMultiplier)) {
                throw new IllegalArgumentException("speed multiplier must be a finite number > 0, got " + speedMultiplier);
            }
        }

        /** Real-time speed, no audio. */
        public static Options of(SideBySideLayout layout, int frameCount, double frameRate) {
            return new Options(layout, frameCount, frameRate, 1.0, null);
        }

        public Options withSpeedMultiplier(double multiplier) {
            return new Options(layout, frameCount, frameRate, multiplier, audio);
        }

        /** Includes {@code clip}'s audio (null: none); dropped when the speed multiplier is not 1. */
        public Options withAudio(AudioClip clip) {
            return new Options(layout, frameCount, frameRate, speedMultiplier, clip);
        }
    }

    /**
     * What was written.
     *
     * @param file         the MP4
     * @param layout       frame size and halves
     * @param frameCount   frames written
     * @param hasAudio     whether the file has an audio track
     * @param audioSummary what happened to the audio, e.g. "aac copied", "none: not requested"
     * @param warnings     for the job's warnings: speed-up, unusable audio
     */
    public record Result(Path file, SideBySideLayout layout, int frameCount, boolean hasAudio, String audioSummary,
                         List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Writes the video to {@code target} (replacing it).
     *
     * @param originals the input's pictures; required side by side, not read otherwise (may be null)
     * @param character draws the character for each motion frame
     * @throws IOException when a picture cannot be read or the file cannot be written
     */
    public static Result write(Path target, Options options, OriginalFrames originals, CharacterFrames character)
            throws IOException {
        if (target == null || options == null || character == null) {
            throw new IllegalArgumentException("target, options and character frames are required");
        }
        SideBySideLayout layout = options.layout();
        if (layout.sideBySide() && originals == null) {
            throw new IllegalArgumentException("a side-by-side video needs the original pictures");
        }
        List<String> warnings = new ArrayList<>();
        AudioClip audio = options.audio();
        if (options.speedMultiplier() != 1.0) {
            warnings.add(String.format(Locale.ROOT, "the rendered video plays at the motion's speed, %s× the"
                    + " original's (videoSpeedMultiplier %s), and has no audio",
                    number(options.speedMultiplier()), number(options.speedMultiplier())));
            audio = null;
        }
        Path file = target.toAbsolutePath();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Mp4Options mp4 = Mp4Options.of(layout.width(), layout.height(), options.frameRate()).withAudio(audio);
        boolean done = false;
        try (Mp4Writer writer = Mp4Writer.open(partial, mp4);
             Painter painter = new Painter(new FrameComposer(layout, character),
                     layout.sideBySide() ? originals : null, options)) {
            for (int i = 0; i < options.frameCount(); i++) {
                byte[] canvas = painter.take();
                writer.write(canvas, layout.width(), layout.height());
                painter.recycle(canvas);
            }
            writer.close();
            if (audio != null && !writer.hasAudio() && writer.sourceHasAudio()) {
                warnings.add("the rendered video has no audio: " + writer.audioSummary().replaceFirst("^none: ", ""));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            String summary = audio == null && options.audio() != null
                    ? "none: the video plays at the motion's speed" : writer.audioSummary();
            return new Result(file, layout, options.frameCount(), writer.hasAudio(), summary, warnings);
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * The helper thread: picks each frame's original picture, composes the frame and hands the
     * canvas to the encoder through a small queue. Its failure comes out of {@link #take()}.
     */
    private static final class Painter implements AutoCloseable {
        private final FrameComposer composer;
        private final OriginalFrames originals;
        private final Options options;
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CANVASES);
        /** Canvases ready to encode, or the Throwable that stopped the helper. */
        private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(CANVASES + 1);
        private final Thread thread;
        private OriginalFrame current;
        private OriginalFrame next;
        private double firstTime;

        Painter(FrameComposer composer, OriginalFrames originals, Options options) {
            this.composer = composer;
            this.originals = originals;
            this.options = options;
            for (int i = 0; i < CANVASES; i++) {
                free.add(composer.newCanvas());
            }
            thread = new Thread(this::run, "anim3d-render-frames");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                for (int i = 0; i < options.frameCount(); i++) {
                    byte[] canvas = free.take();
                    composer.compose(i, originalFor(i), canvas);
                    ready.put(canvas);
                }
            } catch (InterruptedException e) {
                // The encoder gave up (or finished early): stop quietly.
            } catch (Throwable t) {
                ready.offer(t);
            }
        }

        /** The original picture shown with output frame {@code i} (see the class comment), or null without side by side. */
        private OriginalFrame originalFor(int i) throws IOException {
            if (originals == null) {
                return null;
            }
            if (current == null) {
                current = originals.next();
                if (current == null) {
                    throw new IOException("the input gave no picture to show beside the character");
                }
                firstTime = current.timeSeconds();
                next = originals.next();
            }
            double shownUntil = firstTime + (i + 0.5) / options.frameRate();
            while (next != null && next.timeSeconds() <= shownUntil) {
                current = next;
                next = originals.next();
            }
            return current;
        }

        byte[] take() throws IOException {
            Object o;
            try {
                o = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while rendering the video");
            }
            if (o instanceof byte[] canvas) {
                return canvas;
            }
            if (o instanceof IOException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (o instanceof UncheckedIOException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            throw new IOException("rendering a frame failed", (Throwable) o);
        }

        void recycle(byte[] canvas) {
            free.add(canvas);
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
