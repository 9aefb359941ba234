package io.anim3d.server.cli;

import io.anim3d.capture.solve.SolveResult;
import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.Motion;
import io.anim3d.motion.retarget.Retarget;
import io.anim3d.render.scene.Camera;
import io.anim3d.render.scene.CharacterRenderer;
import io.anim3d.render.scene.RenderStyle;
import io.anim3d.render.video.AnimationVideo;
import io.anim3d.render.video.SideBySideLayout;
import io.anim3d.server.params.CameraMode;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.pipeline.RenderCameras;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.anim3d.capture.solve.MotionSolver;
import io.anim3d.capture.solve.SolveOptions;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoOptions;
import io.anim3d.capture.vision.BodyTracker;
import io.anim3d.capture.vision.PoseModel;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.capture.vision.PoseTracker;
import io.anim3d.capture.vision.TfliteInterpreter;
import io.anim3d.capture.vision.TfliteModel;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code anim3d bench INPUT}: measures the capture stages on a real video. Passes: decoding
 * alone, the bare landmark model on a fixed input, the whole tracking pipeline (decoding
 * overlapped with tracking), so it can be compared with the sum of its two big parts, and the
 * solve stage on the tracked landmarks, then the renderer and the MP4 stage on the solved motion.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks decoding, inference and end-to-end tracking on INPUT.")
final class BenchCommand implements Callable<Integer> {
    /** End-to-end time may exceed decode + bare inference by this factor (issue target). */
    private static final double OVERHEAD_TARGET = 1.3;

    @Parameters(index = "0", paramLabel = "INPUT")
    Path input;

    @CommandLine.Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Option(names = "--inference-runs", defaultValue = "200", paramLabel = "N", description = "Timed runs of the bare model.")
    int inferenceRuns;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PoseModel variant = tracking.poseModel();
        int threads = tracking.threads;
        out.printf(Locale.ROOT, "anim3d bench: %s, model %s, %d inference threads, %d cores%n", input.getFileName(),
                variant.label(), threads, Runtime.getRuntime().availableProcessors());

        // 1. Decoding alone (RGB conversion included).
        long frames = 0;
        long t0 = System.nanoTime();
        double duration;
        try (VideoDecoder decoder = VideoDecoder.open(input, VideoOptions.DEFAULT)) {
            duration = decoder.info().durationSeconds();
            while (decoder.next() != null) {
                frames++;
            }
        }
        double decodeMs = (System.nanoTime() - t0) / 1e6 / Math.max(1, frames);

        // 2. The bare landmark model, warmed up.
        double inferMs;
        try (TfliteModel m = TfliteModel.load(variant.resource()); TfliteInterpreter it = m.newInterpreter(threads)) {
            FloatBuffer in = it.input(0);
            while (in.hasRemaining()) {
                in.put(0.5f);
            }
            for (int i = 0; i < 20; i++) {
                it.run();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < inferenceRuns; i++) {
                it.run();
            }
            inferMs = (System.nanoTime() - t1) / 1e6 / inferenceRuns;
        }

        // 3. End to end: a warm-up run on the first frames is not needed (models load before timing).
        BodyTracker.Result result;
        try (PoseModels models = PoseModels.load(variant)) {
            result = BodyTracker.track(models, input, VideoOptions.DEFAULT, PoseTracker.Options.VIDEO.withThreads(threads), null);
        }
        BodyTracker.Stats s = result.stats();
        PoseTracker.StageTimes st = s.stages();
        double n = s.frames();
        double wallMs = s.wallNanos() / 1e6;
        double e2eMs = wallMs / n;
        out.printf(Locale.ROOT, "frames                    %d (%.2f s of video)%n", s.frames(), duration);
        out.printf(Locale.ROOT, "decode alone              %7.2f ms/frame%n", decodeMs);
        out.printf(Locale.ROOT, "bare inference (%s)     %7.2f ms/run%n", variant.label(), inferMs);
        out.printf(Locale.ROOT, "in the pipeline:%n");
        out.printf(Locale.ROOT, "  decode (own thread)     %7.2f ms/frame%n", s.decodeNanos() / 1e6 / n);
        out.printf(Locale.ROOT, "  detect                  %7.2f ms/frame (%d runs, %.2f ms each)%n", st.detectNanos() / 1e6 / n,
                st.detections(), st.detections() == 0 ? 0 : st.detectNanos() / 1e6 / st.detections());
        out.printf(Locale.ROOT, "  landmark                %7.2f ms/frame: crop %.2f, model %.2f, decoding %.2f%n", st.landmarkNanos() / 1e6 / n,
                st.cropNanos() / 1e6 / n, st.inferenceNanos() / 1e6 / n, (st.landmarkNanos() - st.cropNanos() - st.inferenceNanos()) / 1e6 / n);
        out.printf(Locale.ROOT, "  smoothing               %7.3f ms/frame%n", st.smoothNanos() / 1e6 / n);
        out.printf(Locale.ROOT, "end to end                %7.2f ms/frame = %.1f fps, realtime factor %.2f%n", e2eMs, 1000 / e2eMs,
                duration > 0 ? duration / (wallMs / 1000) : Double.NaN);
        // 4. The solve stage on the tracked landmarks (warmed up once, then timed).
        SolveOptions solveOptions = SolveOptions.DEFAULT.withPoseFilteringStrength(0.5);
        MotionSolver.solve(result.track(), solveOptions);
        long t2 = System.nanoTime();
        int solveRuns = 5;
        for (int i = 0; i < solveRuns; i++) {
            MotionSolver.solve(result.track(), solveOptions);
        }
        double solveMs = (System.nanoTime() - t2) / 1e6 / solveRuns / n;
        out.printf(Locale.ROOT, "solve (auto feet, filtering 0.5) %7.3f ms/frame (target < 2)%n", solveMs);
        double ratio = e2eMs / (decodeMs + inferMs);
        out.printf(Locale.ROOT, "end to end / (decode + bare inference) = %.2f (target <= %.1f): %s%n", ratio, OVERHEAD_TARGET,
                ratio <= OVERHEAD_TARGET ? "met" : "NOT met");
        renderBench(out, MotionSolver.solve(result.track(), solveOptions), result.track());
        return 0;
    }

    /**
     * 5. Rendering the solved motion on a stock character with the cinematic camera (the default,
     * and the slower one: the backdrop is redrawn every frame): the renderer alone at 720p and
     * 1080p, and render + H.264 encode of a character-only MP4 at 720p (the target).
     */
    private static void renderBench(PrintStream out, SolveResult solved, LandmarkTrack track) {
        Character character = StockCharacters.create(ProcessParams.DEFAULT_CHARACTER, false);
        Motion motion = Retarget.byName(solved.motion(), character.skeleton());
        double scale = Retarget.translationScale(solved.motion(), character.skeleton());
        int n = motion.frameCount();
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            RenderCameras.View[] views = RenderCameras.views(motion, CameraMode.CINEMATIC, 1.75, solved.camera(), scale,
                    track.frameWidth(), track.frameHeight(), SolveOptions.DEFAULT.focalLengthFactor());
            int[] argb = new int[size[0] * size[1]];
            try (CharacterRenderer r = new CharacterRenderer(character, size[0], size[1], RenderStyle.defaults(), 1)) {
                for (int f = 0; f < Math.min(10, n); f++) {
                    r.render(motion.worldTransforms(f), camera(views[f]), argb);
                }
                long t = System.nanoTime();
                for (int f = 0; f < n; f++) {
                    r.render(motion.worldTransforms(f), camera(views[f]), argb);
                }
                double ms = (System.nanoTime() - t) / 1e6 / n;
                out.printf(Locale.ROOT, "render %dx%d (1 thread) %8.2f ms/frame = %.1f fps%n", size[0], size[1], ms, 1000 / ms);
            }
        }
        try {
            Path tmp = Files.createTempFile("anim3d-bench", ".mp4");
            try {
                SideBySideLayout layout = SideBySideLayout.of(1280, 720, false);
                RenderCameras.View[] views = RenderCameras.views(motion, CameraMode.CINEMATIC, 1.75, solved.camera(), scale,
                        track.frameWidth(), track.frameHeight(), SolveOptions.DEFAULT.focalLengthFactor());
                try (CharacterRenderer r = new CharacterRenderer(character, 1280, 720, RenderStyle.defaults(), 1)) {
                    long t = System.nanoTime();
                    AnimationVideo.write(tmp, AnimationVideo.Options.of(layout, n, motion.frameRate()), null,
                            (f, argb, w, h) -> r.render(motion.worldTransforms(f), camera(views[f]), argb));
                    double ms = (System.nanoTime() - t) / 1e6 / n;
                    out.printf(Locale.ROOT, "render + encode mp4 1280x720 %5.2f ms/frame = %.1f fps (target >= 30): %s%n", ms,
                            1000 / ms, 1000 / ms >= 30 ? "met" : "NOT met");
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Camera camera(RenderCameras.View v) {
        return new Camera(v.eye(), v.target(), v.up(), v.verticalFovDegrees());
    }
}
