package io.anim3d.server.cli;

import io.anim3d.capture.vision.PoseModel;
import picocli.CommandLine.Option;

/** The pose model and thread options every command that tracks shares (a picocli mixin). */
final class TrackingOptions {
    @Option(names = "--model", defaultValue = "full", paramLabel = "lite|full|heavy",
            description = "Pose landmark model: lite is fastest, heavy most accurate (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Inference threads; decoding runs on another (default: ${DEFAULT-VALUE}).")
    int threads;

    PoseModel poseModel() {
        return PoseModel.parse(model);
    }
}
