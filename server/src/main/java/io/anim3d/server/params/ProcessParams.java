package io.anim3d.server.params;

import io.anim3d.capture.video.Crop;
import io.anim3d.capture.video.Trim;
import io.anim3d.capture.video.VideoOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The validated parameters of one {@code /process} job, made by {@link ProcessParamsParser}.
 *
 * @param formats               what to write; always contains {@link OutputFormat#DMPE}. When
 *                              {@code formats} is not given: bvh, fbx and mp4 (the spec's example),
 *                              as far as the build has them, plus dmpe
 * @param model                 the character: a stock name or a custom model id; null means the
 *                              stock default {@code male-young} ({@link #character()})
 * @param models                multi-person job: the persons to animate and their characters;
 *                              empty for a single-person job
 * @param sim                   physics simulation (default false)
 * @param footLockingMode       foot locking (default {@link FootLockingMode#AUTO})
 * @param videoSpeedMultiplier  how many times the video was slowed down, 1.0 to 8.0 (default 1.0)
 * @param poseFilteringStrength smoothing against jitter, 0.0 (none, the default) to 1.0
 * @param rootAtOrigin          add a static {@code Root} joint at the origin above {@code Hips}
 * @param trim                  seconds of the input to animate, or null for all of it
 * @param crop                  region of the upright picture to track, or null for all of it
 * @param trackFace             face tracking (default false)
 * @param trackHand             hand and finger tracking (default false)
 * @param upperBodyOnly         animate only the upper body (default false)
 * @param render                the render.* options for mp4/png/jpg
 * @param config                the configuration name; only {@value #DEFAULT_CONFIG} exists
 * @param pipeline              {@value #MP_DETECTION} for the detection phase of a multi-person job,
 *                              or null for an animation job
 * @param warnings              sentences about params that were accepted but ignored or replaced
 *                              (unknown keys, empty values, repeated keys): the API echoes them
 */
public record ProcessParams(Set<OutputFormat> formats, String model, List<PersonModel> models, boolean sim,
                            FootLockingMode footLockingMode, double videoSpeedMultiplier, double poseFilteringStrength,
                            boolean rootAtOrigin, Trim trim, Crop crop, boolean trackFace, boolean trackHand,
                            boolean upperBodyOnly, RenderOptions render, String config, String pipeline,
                            List<String> warnings) {
    /** The stock characters a job may name in {@code model=} / {@code modelId}. */
    public static final List<String> STOCK_CHARACTERS = Characters.STOCK;

    /** The character of a job that names none. */
    public static final String DEFAULT_CHARACTER = Characters.DEFAULT;

    /** Range of {@link #poseFilteringStrength()}, as the spec gives it. */
    public static final double MIN_FILTERING = 0.0;
    public static final double MAX_FILTERING = 1.0;

    /** The one configuration ({@code config=configDefault}). */
    public static final String DEFAULT_CONFIG = "configDefault";

    /** {@code pipeline=mp_detection}: detect the persons of a multi-person video. */
    public static final String MP_DETECTION = "mp_detection";

    public ProcessParams {
        Objects.requireNonNull(footLockingMode, "footLockingMode");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(config, "config");
        if (formats == null || !formats.contains(OutputFormat.DMPE)) {
            throw new IllegalArgumentException("formats must contain DMPE: every job writes the landmarks, got " + formats);
        }
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
        if (!(poseFilteringStrength >= MIN_FILTERING && poseFilteringStrength <= MAX_FILTERING)) {
            throw new IllegalArgumentException("poseFilteringStrength " + poseFilteringStrength + " is outside "
                    + MIN_FILTERING + ".." + MAX_FILTERING);
        }
        videoOptions(trim, crop, videoSpeedMultiplier); // VideoOptions checks the speed range
    }

    /** The character of a single-person job: {@link #model()} or the stock default. */
    public String character() {
        return model == null ? Characters.DEFAULT : model;
    }

    /** True for the detection phase of a multi-person job ({@code pipeline=mp_detection}). */
    public boolean isDetection() {
        return MP_DETECTION.equals(pipeline);
    }

    /** True when {@link #models()} lists persons: the animation phase of a multi-person job. */
    public boolean isMultiPerson() {
        return !models.isEmpty();
    }

    /** True when a rendered format (mp4, png, jpg) is requested. */
    public boolean rendersVideoOrImage() {
        return formats.stream().anyMatch(OutputFormat::rendered);
    }

    /** What the decoder needs: trim, crop and speed. */
    public VideoOptions videoOptions() {
        return videoOptions(trim, crop, videoSpeedMultiplier);
    }

    private static VideoOptions videoOptions(Trim trim, Crop crop, double speed) {
        return new VideoOptions(trim, crop, speed);
    }
}
