package io.anim3d.server.params;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Character names in {@code model=} and in {@code models=}: the stock ones and the custom-id form. */
final class Characters {
    /** Our stock characters (formats.character provides them), in the order messages list them. */
    static final List<String> STOCK = List.of("male-young", "male-normal", "male-fat", "female-normal", "female-thin", "child");

    /** The character of a job that names none. */
    static final String DEFAULT = "male-young";

    /**
     * Custom model ids are generated, URL-safe strings; anything else cannot be one, and refusing it
     * early keeps odd text out of database keys and messages.
     */
    private static final Pattern CUSTOM_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** The names of {@link io.anim3d.capture.vision.PoseModel}: a user may mix them up with characters. */
    private static final List<String> POSE_MODELS = List.of("lite", "full", "heavy");

    private Characters() {
    }

    /**
     * Checks the character {@code value} given for {@code param}.
     *
     * @return the stock name in lower case, or the custom id as given; null after adding a
     *     problem to {@code problems}
     */
    static String check(String param, String value, Features features, List<String> problems) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (STOCK.contains(lower)) {
            return lower;
        }
        String stock = "stock characters: " + String.join(", ", STOCK);
        if (POSE_MODELS.contains(lower)) {
            problems.add(param + " " + Values.quote(value) + " is a pose-estimation model name (lite|full|heavy), not a"
                    + " character; " + param + " chooses the character: " + stock);
            return null;
        }
        if (!CUSTOM_ID.matcher(value).matches()) {
            problems.add(param + " " + Values.quote(value) + " is neither a stock character nor a model id (1 to 128"
                    + " letters, digits, '-' or '_'); " + stock);
            return null;
        }
        if (!features.customModels()) {
            problems.add(param + " " + Values.quote(value) + " would be a custom character, and custom characters are not"
                    + " available yet; use one of the " + stock);
            return null;
        }
        return value;
    }
}
