package io.anim3d.server.cli;

import io.anim3d.capture.video.Crop;
import io.anim3d.capture.video.Trim;
import io.anim3d.capture.video.VideoOptions;
import io.anim3d.capture.vision.BodyTracker;
import io.anim3d.capture.vision.PoseModel;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.capture.vision.PoseTracker;
import io.anim3d.capture.video.VideoDecoder;
import io.anim3d.capture.video.VideoInfo;
import io.anim3d.formats.landmarks.Dmpe;
import io.anim3d.render.overlay.OverlayVideo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code anim3d landmarks INPUT -o landmarks.dmpe}: body tracking only. */
@Command(name = "landmarks", mixinStandardHelpOptions = true,
        description = "Tracks the person in a video or image and writes the landmarks (landmarks.dmpe).")
final class LandmarksCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "Video (mp4, mov, m4v, avi, mkv, webm) or image (png, jpg, webp, bmp).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the landmarks (.dmpe).")
    Path output;

    @CommandLine.Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Option(names = "--trim", paramLabel = "FROM,TO", description = "Seconds of the original video to process, e.g. 1,2.6.")
    String trim;

    @Option(names = "--crop", paramLabel = "L,T,R,B", description = "Normalised crop, origin top-left, e.g. 0.2,0.1,0.8,0.95.")
    String crop;

    @Option(names = "--speed", defaultValue = "1.0", paramLabel = "X",
            description = "videoSpeedMultiplier 1.0–8.0 for slowed-down video: motion time = video time ÷ X.")
    double speed;

    @Option(names = "--overlay", paramLabel = "FILE.mp4", description = "Also write a video of the frames with the tracked skeleton drawn on them.")
    Path overlay;

    @Override
    public Integer call() throws Exception {
        VideoOptions videoOptions = new VideoOptions(trim == null ? null : Trim.parse(trim), crop == null ? null : Crop.parse(crop), speed);
        PoseModel variant = tracking.poseModel();
        Progress progress = new Progress("tracking");
        try (PoseModels models = PoseModels.load(variant);
             OverlayVideo overlayVideo = overlay == null ? null : new OverlayVideo(overlay, overlayFrameRate(videoOptions))) {
            BodyTracker.Result result = BodyTracker.track(models, input, videoOptions, PoseTracker.Options.VIDEO.withThreads(tracking.threads),
                    (frame, pose, total) -> {
                        if (overlayVideo != null) {
                            try {
                                overlayVideo.add(frame.rgb(), frame.width(), frame.height(), pose);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        progress.update(frame.index() + 1, total);
                    });
            progress.finish();
            Dmpe.write(result.track(), output);
            if (overlayVideo != null) {
                overlayVideo.commit();
            }
            var track = result.track();
            System.out.printf(Locale.ROOT, "%s: %d frames, person in %d, %dx%d, %.3f fps, model %s -> %s%n",
                    input.getFileName(), track.frames().size(), track.posedFrameCount(), track.frameWidth(),
                    track.frameHeight(), track.frameRate(), track.model(), output);
            return 0;
        }
    }

    /** The overlay plays at motion speed: the input's rate times the speed multiplier. */
    private double overlayFrameRate(VideoOptions videoOptions) {
        VideoInfo info = VideoDecoder.probe(input);
        double fps = info.still() || !(info.fps() > 0) ? 1.0 : info.fps();
        return fps * videoOptions.speedMultiplier();
    }
}
