package io.anim3d.server.pipeline;

import io.anim3d.capture.solve.FootLockingMode;
import io.anim3d.capture.solve.MotionSolver;
import io.anim3d.capture.solve.SolveOptions;
import io.anim3d.capture.solve.SolveResult;
import io.anim3d.capture.vision.BodyTracker;
import io.anim3d.capture.vision.PoseModels;
import io.anim3d.capture.vision.PoseTracker;
import io.anim3d.formats.bvh.BvhWriter;
import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.formats.fbx.scene.FbxSceneOptions;
import io.anim3d.formats.fbx.scene.FbxSceneWriter;
import io.anim3d.formats.gltf.GlbWriter;
import io.anim3d.formats.io.ZipPackage;
import io.anim3d.formats.landmarks.Dmpe;
import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.Motion;
import io.anim3d.motion.retarget.Retarget;
import io.anim3d.server.params.OutputFormat;
import io.anim3d.server.params.ProcessParams;
import io.anim3d.render.video.StillImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One job from input to files: track (or reuse stored landmarks), solve, retarget onto the
 * chosen stock character, write every requested format, named after the character. Files are written into a staging folder and moved into the output folder only when
 * all of them exist, so a failure leaves nothing behind and never touches files already there.
 * Stateless: the loaded models are passed in and shared.
 */
public final class ProcessPipeline {
    /** File name of the landmarks in every job's output. */
    public static final String LANDMARKS_FILE = Dmpe.FILE_NAME;

    private ProcessPipeline() {
    }

    /** What a run produced. */
    public record Outputs(List<Path> files, LandmarkTrack landmarks, List<String> warnings) {
        public Outputs {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }

    /** Tracks the person in {@code input} and writes the outputs {@code params} ask for into {@code outDir}. */
    public static Outputs run(PoseModels models, Path input, ProcessParams params, int threads, Path outDir,
                              BodyTracker.Listener listener) throws IOException {
        LandmarkTrack track = BodyTracker.track(models, input, params.videoOptions(),
                PoseTracker.Options.VIDEO.withThreads(threads), listener).track();
        return fromLandmarks(track, params, outDir, input);
    }

    /** Solves stored landmarks (a rerun with other params) and writes the outputs, without the original video. */
    public static Outputs fromLandmarks(LandmarkTrack track, ProcessParams params, Path outDir) throws IOException {
        return fromLandmarks(track, params, outDir, null);
    }

    /**
     * Solves stored landmarks (a rerun with other params) and writes the outputs.
     *
     * @param input the original video or image the landmarks came from (for the rendered outputs'
     *              original half and audio), or null when it is gone
     */
    public static Outputs fromLandmarks(LandmarkTrack track, ProcessParams params, Path outDir, Path input)
            throws IOException {
        SolveOptions options = SolveOptions.DEFAULT
                .withFootLocking(FootLockingMode.valueOf(params.footLockingMode().name()))
                .withPoseFilteringStrength(params.poseFilteringStrength())
                .withRootAtOrigin(params.rootAtOrigin());
        SolveResult solved = MotionSolver.solve(track, options);
        List<String> warnings = new ArrayList<>(params.warnings());
        warnings.addAll(solved.warnings());
        Character character = StockCharacters.create(params.character(), params.rootAtOrigin());
        Motion motion = Retarget.byName(solved.motion(), character.skeleton());
        String base = character.name();

        Files.createDirectories(outDir);
        Path staging = outDir.resolve(".staging-" + UUID.randomUUID());
        Files.createDirectory(staging);
        try {
            List<String> names = new ArrayList<>();
            for (OutputFormat format : params.formats()) {
                switch (format) {
                    case BVH -> {
                        String name = base + ".bvh";
                        BvhWriter.write(motion, staging.resolve(name));
                        names.add(name);
                    }
                    case GLB -> {
                        String name = base + ".glb";
                        GlbWriter.write(character, motion, staging.resolve(name));
                        names.add(name);
                    }
                    case FBX -> {
                        // Clients expect the FBX zipped (COMPAT.md): <character>.fbx.zip holding <character>.fbx.
                        String name = base + ".fbx.zip";
                        byte[] fbx = FbxSceneWriter.toBytes(character, motion, FbxSceneOptions.defaults());
                        ZipPackage.write(staging.resolve(name), Map.of(base + ".fbx", fbx));
                        names.add(name);
                    }
                    case DMPE -> {
                        Dmpe.write(track, staging.resolve(LANDMARKS_FILE));
                        names.add(LANDMARKS_FILE);
                    }
                    case MP4 -> {
                        if (track.frames().size() <= 1) {
                            warnings.add("A still image has no video: use formats=png or jpg for the rendered pose");
                            continue;
                        }
                        String name = base + ".mp4";
                        warnings.addAll(RenderedOutputs.mp4(staging.resolve(name), input, params, track, solved,
                                character, motion, options.focalLengthFactor()));
                        names.add(name);
                    }
                    case PNG, JPG -> {
                        StillImage.Format f = format == OutputFormat.PNG ? StillImage.Format.PNG : StillImage.Format.JPG;
                        String name = base + "." + f.extension();
                        RenderedOutputs.still(staging.resolve(name), f, input, params, track, solved, character, motion,
                                options.focalLengthFactor());
                        names.add(name);
                    }
                    default -> throw new IllegalStateException(format.label() + " output is not built yet");
                }
            }
            List<Path> files = new ArrayList<>();
            for (String name : names) {
                Path target = outDir.resolve(name);
                Files.move(staging.resolve(name), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files.add(target);
            }
            return new Outputs(files, track, warnings);
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
