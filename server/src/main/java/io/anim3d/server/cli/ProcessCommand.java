package io.anim3d.server.cli;

import io.anim3d.capture.vision.PoseModels;
import io.anim3d.server.params.Features;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.server.params.ProcessParamsParser;
import io.anim3d.server.pipeline.ProcessPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code anim3d process INPUT -o OUTDIR [-p key=value ...]}: a whole job on the command line,
 * with the same params, parser and validation as {@code POST /process}, writing the files a
 * job's download has.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Turns a video or image into animation files, like a /process job.")
final class ProcessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "Video or image of one person.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Folder for the output files.")
    Path outDir;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A /process param, e.g. -p formats=bvh -p footLockingMode=grounding -p trim=1,3 (repeatable).")
    List<String> params = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Override
    public Integer call() throws Exception {
        ProcessParams parsed = ProcessParamsParser.parse(params, Features.CURRENT);
        Progress progress = new Progress("tracking");
        ProcessPipeline.Outputs out;
        try (PoseModels models = PoseModels.load(tracking.poseModel())) {
            out = ProcessPipeline.run(models, input, parsed, tracking.threads, outDir,
                    (frame, pose, total) -> progress.update(frame.index() + 1, total));
        }
        progress.finish();
        for (String w : out.warnings()) {
            spec.commandLine().getErr().println("anim3d: warning: " + w);
        }
        spec.commandLine().getErr().flush();
        for (Path f : out.files()) {
            System.out.println(f);
        }
        return 0;
    }
}
