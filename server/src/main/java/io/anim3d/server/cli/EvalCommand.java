package io.anim3d.server.cli;

import io.anim3d.capture.vision.PoseModel;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.server.eval.Evaluation;
import io.anim3d.server.eval.GroundTruthSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code anim3d eval}: the accuracy and quality numbers of METRICS.md on the shared test data
 * (../shared/testdata by default): MPJPE and PA-MPJPE on the Human3.6M and MPI-INF-3DHP stills,
 * per frame and on average, and jitter, foot sliding, skating, penetration and flips on the
 * single-person videos with and without poseFilteringStrength 0.5.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Prints accuracy and animation-quality metrics on the test data.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/testdata", paramLabel = "DIR", description = "The shared test data (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--model", defaultValue = "full", paramLabel = "lite|full|heavy")
    String model;

    @Option(names = "--no-videos", description = "Skip the video quality part.")
    boolean noVideos;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (!Files.isDirectory(data)) {
            throw new IOException("test data folder " + data + " not found; pass --data DIR");
        }
        try (PoseModels models = PoseModels.load(PoseModel.parse(model))) {
            List<Evaluation.StillResult> stills = new ArrayList<>();
            stills.addAll(Evaluation.stills(models, GroundTruthSet.h36m(data.resolve("pose_gt/mmpose/h36m")), "h36m"));
            for (String npz : new String[] {"test_3dhp_test.npz", "test_3dhp_train.npz"}) {
                stills.addAll(Evaluation.stills(models, GroundTruthSet.mpiInf3dhp(data.resolve("pose_gt/mmpose/mpi_inf_3dhp/" + npz)), "3dhp"));
            }
            out.println("3D accuracy on 12 limb joints (hips, knees, ankles, shoulders, elbows, wrists), mm; pelvis = mean of hips");
            out.printf(Locale.ROOT, "%-6s %-42s %9s %9s | %9s %9s%n", "set", "image", "MPJPE", "PA-MPJPE", "MP MPJPE", "MP PA");
            double[] sum = new double[4];
            int n = 0;
            for (Evaluation.StillResult r : stills) {
                if (r.failure() != null) {
                    out.printf(Locale.ROOT, "%-6s %-42s failed: %s%n", r.dataset(), r.image(), r.failure());
                    continue;
                }
                out.printf(Locale.ROOT, "%-6s %-42s %9.1f %9.1f | %9.1f %9.1f%n", r.dataset(), shorten(r.image()),
                        r.solvedMpjpe(), r.solvedPaMpjpe(), r.landmarksMpjpe(), r.landmarksPaMpjpe());
                sum[0] += r.solvedMpjpe();
                sum[1] += r.solvedPaMpjpe();
                sum[2] += r.landmarksMpjpe();
                sum[3] += r.landmarksPaMpjpe();
                n++;
            }
            out.printf(Locale.ROOT, "%-6s %-42s %9.1f %9.1f | %9.1f %9.1f   (%d of %d stills)%n", "mean", "solved skeleton | MediaPipe world landmarks",
                    sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, n, stills.size());

            if (!noVideos) {
                out.println();
                out.println("Animation quality (footLockingMode=auto): jitter 10 m/s^3, sliding mm/frame, skating %, penetration mm, flips");
                out.printf(Locale.ROOT, "%-28s %6s %6s %8s %8s %8s %8s %6s%n", "video", "filter", "frames", "jitter", "sliding", "skating", "penetr.", "flips");
                List<Path> videos;
                try (Stream<Path> s = Files.list(data.resolve("videos/single"))) {
                    videos = s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
                }
                for (Path v : videos) {
                    LandmarkTrack track = Evaluation.track(models, v);
                    for (double filtering : new double[] {0.0, 0.5}) {
                        Evaluation.QualityResult q = Evaluation.quality(v.getFileName().toString(), track, filtering);
                        out.printf(Locale.ROOT, "%-28s %6.1f %6d %8.2f %8.2f %8.2f %8.2f %6d%n", q.video(), q.filtering(), q.frames(),
                                q.jitter(), q.footSlidingMm(), q.skatingPercent(), q.penetrationMm(), q.flips());
                    }
                }
            }
        }
        return 0;
    }

    private static String shorten(String s) {
        return s.length() <= 42 ? s : "…" + s.substring(s.length() - 41);
    }
}
