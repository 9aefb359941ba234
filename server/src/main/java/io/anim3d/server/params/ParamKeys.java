package io.anim3d.server.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The param names the parser knows, and their aliases (docs/COMPAT.md, /process params). */
final class ParamKeys {
    static final String FORMATS = "formats";
    static final String MODEL = "model";
    static final String MODELS = "models";
    static final String SIM = "sim";
    static final String TRACK_FACE = "trackFace";
    static final String TRACK_HAND = "trackHand";
    static final String FOOT_LOCKING = "footLockingMode";
    static final String SPEED = "videoSpeedMultiplier";
    static final String FILTERING = "poseFilteringStrength";
    static final String ROOT_AT_ORIGIN = "rootAtOrigin";
    static final String TRIM = "trim";
    static final String CROP = "crop";
    static final String UPPER_BODY = "upperBodyOnly";
    static final String CONFIG = "config";
    static final String PIPELINE = "pipeline";
    static final String SBS = "render.sbs";
    static final String BG_COLOR = "render.bgColor";
    static final String BACKDROP = "render.backdrop";
    static final String SHADOW = "render.shadow";
    static final String AUDIO = "render.includeAudio";
    static final String CAMERA = "render.CamMode";

    static final List<String> RENDER = List.of(SBS, BG_COLOR, BACKDROP, SHADOW, AUDIO, CAMERA);

    /** Every accepted spelling → its canonical name. Keys are case-sensitive, as documented. */
    private static final Map<String, String> NAMES = names();

    private ParamKeys() {
    }

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of(FORMATS, MODEL, MODELS, SIM, TRACK_FACE, TRACK_HAND, FOOT_LOCKING, SPEED, FILTERING,
                ROOT_AT_ORIGIN, TRIM, CROP, UPPER_BODY, CONFIG, PIPELINE, SBS, BG_COLOR, BACKDROP, SHADOW, AUDIO, CAMERA)) {
            m.put(k, k);
        }
        m.put("poseEstimation." + FOOT_LOCKING, FOOT_LOCKING);
        m.put("poseEstimation." + SPEED, SPEED);
        m.put("poseEstimation." + FILTERING, FILTERING);
        // The revision log calls it "camera", the render section "render.CamMode".
        m.put("render.camera", CAMERA);
        return Map.copyOf(m);
    }

    /** The canonical name of {@code key}, or null when it is not a known param. */
    static String canonical(String key) {
        return NAMES.get(key);
    }

    /** A known spelling equal to {@code key} ignoring case, for a "did you mean" hint; or null. */
    static String suggestion(String key) {
        return NAMES.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).sorted().findFirst().orElse(null);
    }
}
