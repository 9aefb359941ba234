package io.anim3d.server.params;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.video.Crop;
import io.anim3d.capture.video.Trim;
import io.anim3d.capture.video.VideoOptions;
import io.anim3d.server.params.RenderOptions.Backdrop;
import io.anim3d.server.params.RenderOptions.Rgba;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parses the {@code /process} params, as the CLI ({@code -p key=value}, one entry each) and the
 * API ({@code "params": [...]}) pass them, following docs/COMPAT.md: each entry is split at its
 * first '=', key and value are trimmed, aliases are folded, the last of a repeated key wins, an
 * empty value means the default, and unknown keys become warnings. Every value is then checked;
 * all problems are reported together in one {@link ParamException}.
 */
public final class ProcessParamsParser {
    /** The formats a job gets when it names none: the spec's example, bvh, fbx and mp4. */
    private static final EnumSet<OutputFormat> DEFAULT_FORMATS = EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.MP4);

    private final Features features;
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ProcessParamsParser(List<String> entries, Features features) {
        this.features = features;
        this.values = Entries.collect(entries, problems, warnings);
    }

    /**
     * Parses and validates {@code entries} (null means none) for a build with {@code features}.
     *
     * @throws ParamException listing every problem (each names the param, its value and what is allowed)
     */
    public static ProcessParams parse(List<String> entries, Features features) {
        return new ProcessParamsParser(entries, features).build();
    }

    private ProcessParams build() {
        if (!problems.isEmpty()) { // too many or too long entries: do not read further
            throw new ParamException(problems);
        }
        EnumSet<OutputFormat> formats = formats();
        String model = get(ParamKeys.MODEL, v -> Characters.check(ParamKeys.MODEL, v, features, problems), null);
        List<PersonModel> models = models();
        boolean sim = feature(ParamKeys.SIM, features.sim(), "physics simulation");
        FootLockingMode footLocking = get(ParamKeys.FOOT_LOCKING, this::footLocking, FootLockingMode.AUTO);
        double speed = get(ParamKeys.SPEED, this::speed, VideoOptions.DEFAULT.speedMultiplier());
        double filtering = get(ParamKeys.FILTERING, v -> Values.decimal(ParamKeys.FILTERING, v,
                ProcessParams.MIN_FILTERING, ProcessParams.MAX_FILTERING, problems), ProcessParams.MIN_FILTERING);
        boolean rootAtOrigin = bool(ParamKeys.ROOT_AT_ORIGIN, false);
        Trim trim = get(ParamKeys.TRIM, v -> capture(() -> Trim.parse(v)), null);
        Crop crop = get(ParamKeys.CROP, v -> capture(() -> Crop.parse(v)), null);
        boolean trackFace = feature(ParamKeys.TRACK_FACE, features.trackFace(), "face tracking");
        boolean trackHand = feature(ParamKeys.TRACK_HAND, features.trackHand(), "hand tracking");
        boolean upperBodyOnly = bool(ParamKeys.UPPER_BODY, false);
        RenderOptions render = render();
        String config = get(ParamKeys.CONFIG, this::config, ProcessParams.DEFAULT_CONFIG);
        String pipeline = get(ParamKeys.PIPELINE, this::pipeline, null);
        if (!problems.isEmpty()) {
            throw new ParamException(problems);
        }
        crossChecks(formats, model, models, pipeline);
        return new ProcessParams(formats, model, models, sim, footLocking, speed, filtering, rootAtOrigin, trim, crop,
                trackFace, trackHand, upperBodyOnly, render, config, pipeline, warnings);
    }

    /** The value of {@code key} read by {@code reader}, or {@code fallback} when absent or invalid. */
    private <T> T get(String key, Function<String, T> reader, T fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        T t = reader.apply(v);
        return t == null ? fallback : t;
    }

    private boolean bool(String key, boolean fallback) {
        return get(key, v -> Values.bool(key, v, problems), fallback);
    }

    /** A 0/1 switch whose non-default value needs a feature this build may lack. */
    private boolean feature(String key, boolean available, String what) {
        boolean on = bool(key, false);
        if (on && !available) {
            problems.add(key + "=" + values.get(key) + ": " + what + " is not available yet; use " + key
                    + "=0 or leave it out");
            return false;
        }
        return on;
    }

    private <T> T capture(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (CaptureException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private EnumSet<OutputFormat> formats() {
        EnumSet<OutputFormat> result = EnumSet.of(OutputFormat.DMPE);
        String v = values.get(ParamKeys.FORMATS);
        if (v == null || v.replace(",", "").isBlank()) {
            if (v != null) {
                warnings.add("formats names no format; the default is used");
            }
            DEFAULT_FORMATS.stream().filter(features.formats()::contains).forEach(result::add);
            return result;
        }
        for (String item : v.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            OutputFormat f = OutputFormat.byLabel(name);
            if (f == null) {
                problems.add("formats " + Values.quote(name) + " is not an output format; supported: " + features.formatList());
            } else if (!features.formats().contains(f)) {
                problems.add("formats " + f.label() + ": " + f.label() + " output is not available yet; available: "
                        + features.formatList());
            } else {
                result.add(f);
            }
        }
        return result;
    }

    private List<PersonModel> models() {
        String v = values.get(ParamKeys.MODELS);
        if (v == null || v.replaceAll("\\s", "").equals("[]")) {
            return List.of();
        }
        if (!features.multiPerson()) {
            problems.add("models " + Values.quote(v) + ": multi-person jobs are not available yet; leave models out");
            return List.of();
        }
        return PersonModels.parse(v, features, problems, warnings);
    }

    private FootLockingMode footLocking(String v) {
        for (FootLockingMode m : FootLockingMode.values()) {
            if (m.label().equalsIgnoreCase(v)) {
                return m;
            }
        }
        problems.add(ParamKeys.FOOT_LOCKING + " " + Values.quote(v) + " is not a mode: use auto, always, never or grounding");
        return null;
    }

    private Double speed(String v) {
        return Values.decimal(ParamKeys.SPEED, v, VideoOptions.MIN_SPEED, VideoOptions.MAX_SPEED, problems);
    }

    private String config(String v) {
        if (v.equals(ProcessParams.DEFAULT_CONFIG)) {
            return v;
        }
        problems.add(ParamKeys.CONFIG + " " + Values.quote(v) + " is not a configuration: the only one is "
                + ProcessParams.DEFAULT_CONFIG);
        return null;
    }

    private String pipeline(String v) {
        if (!v.equals(ProcessParams.MP_DETECTION)) {
            problems.add(ParamKeys.PIPELINE + " " + Values.quote(v) + " is not a pipeline: the only one is "
                    + ProcessParams.MP_DETECTION + " (leave pipeline out for an animation job)");
            return null;
        }
        if (!features.multiPerson()) {
            problems.add("pipeline=" + v + ": multi-person detection is not available yet; leave pipeline out");
            return null;
        }
        return v;
    }

    private RenderOptions render() {
        RenderOptions d = RenderOptions.DEFAULT;
        boolean sbs = bool(ParamKeys.SBS, d.sideBySide());
        Rgba bg = get(ParamKeys.BG_COLOR, this::color, d.background());
        Backdrop backdrop = get(ParamKeys.BACKDROP, this::backdrop, d.backdrop());
        boolean shadow = bool(ParamKeys.SHADOW, d.shadow());
        boolean audio = bool(ParamKeys.AUDIO, d.includeAudio());
        CameraMode camera = get(ParamKeys.CAMERA, this::camera, d.camera());
        return new RenderOptions(sbs, bg, backdrop, shadow, audio, camera);
    }

    private Rgba color(String v) {
        String[] parts = v.split(",", -1);
        int[] c = {0, 0, 0, 0};
        boolean ok = parts.length == 3 || parts.length == 4;
        for (int i = 0; ok && i < parts.length; i++) {
            Integer channel = Values.smallInt(parts[i].strip(), 0, 255);
            ok = channel != null;
            c[i] = ok ? channel : 0;
        }
        if (!ok) {
            problems.add(ParamKeys.BG_COLOR + " " + Values.quote(v) + " is not a colour: give r,g,b,a as whole numbers"
                    + " 0 to 255 each, e.g. 0,177,64,0 (alpha may be left out)");
            return null;
        }
        return new Rgba(c[0], c[1], c[2], c[3]);
    }

    private Backdrop backdrop(String v) {
        if (v.equalsIgnoreCase("studio")) {
            return Backdrop.STUDIO;
        }
        problems.add(ParamKeys.BACKDROP + " " + Values.quote(v) + " is not a backdrop: the only one is studio"
                + " (leave it out for the default background)");
        return null;
    }

    private CameraMode camera(String v) {
        Integer code = Values.smallInt(v, 0, 2);
        if (code != null) {
            return CameraMode.values()[code];
        }
        for (CameraMode m : CameraMode.values()) {
            if (m.name().equalsIgnoreCase(v)) {
                return m;
            }
        }
        problems.add(ParamKeys.CAMERA + " " + Values.quote(v) + " is not a camera mode: use 0 (cinematic), 1 (fixed) or 2 (face)");
        return null;
    }

    /** Combinations that are legal but partly pointless: accepted, and said so in the warnings. */
    private void crossChecks(EnumSet<OutputFormat> formats, String model, List<PersonModel> models, String pipeline) {
        if (pipeline != null && !models.isEmpty()) {
            warnings.add("models is ignored by pipeline=" + pipeline + ": detection comes first, the persons are chosen"
                    + " in the next /process call");
        } else if (model != null && !models.isEmpty()) {
            warnings.add("model is ignored in a multi-person job: each person's modelId in models is used");
        }
        boolean renderGiven = ParamKeys.RENDER.stream().anyMatch(values::containsKey);
        if (renderGiven && formats.stream().noneMatch(OutputFormat::rendered)) {
            warnings.add("render.* parameters have no effect: formats has no mp4, png or jpg");
        }
    }
}
