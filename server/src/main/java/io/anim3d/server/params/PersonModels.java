package io.anim3d.server.params;

import io.anim3d.server.params.ModelsJson.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns the {@code models=} value into checked {@link PersonModel}s. */
final class PersonModels {
    /** Most persons one multi-person job animates (the spec: "up to 16"). */
    static final int MAX_PERSONS = 16;

    private static final String P = ParamKeys.MODELS;

    private PersonModels() {
    }

    /** The persons of {@code value}; an empty list after adding problems, or when {@code value} is {@code []}. */
    static List<PersonModel> parse(String value, Features features, List<String> problems, List<String> warnings) {
        List<Map<String, Scalar>> objects;
        try {
            objects = ModelsJson.parse(value);
        } catch (ModelsJson.SyntaxException e) {
            problems.add(P + " " + Values.quote(value) + " is not a list like [{\"trackingId\": \"001\", \"modelId\": \"male-young\"}]: "
                    + e.getMessage());
            return List.of();
        }
        if (objects.size() > MAX_PERSONS) {
            problems.add(P + " lists " + objects.size() + " persons; at most " + MAX_PERSONS + " are allowed");
            return List.of();
        }
        List<PersonModel> persons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = problems.size();
        for (int i = 0; i < objects.size(); i++) {
            PersonModel person = person(i, objects.get(i), features, problems, warnings);
            if (person != null && !seen.add(person.trackingId())) {
                problems.add(P + "[" + i + "] repeats trackingId '" + person.trackingId() + "'; each person may be listed once");
            }
            persons.add(person);
        }
        return problems.size() > before ? List.of() : List.copyOf(persons);
    }

    private static PersonModel person(int i, Map<String, Scalar> object, Features features, List<String> problems,
                                      List<String> warnings) {
        String at = P + "[" + i + "]";
        List<String> unknown = object.keySet().stream().filter(k -> !k.equals("trackingId") && !k.equals("modelId"))
                .map(Values::quote).toList();
        if (!unknown.isEmpty()) { // one warning per person, however many keys: the list stays short
            warnings.add(at + ": unknown key" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                    + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "") + " ignored");
        }
        String trackingId = trackingId(at, object.get("trackingId"), problems);
        Scalar model = object.get("modelId");
        String modelId;
        if (model == null || model.kind() == Scalar.Kind.NULL || model.text().isBlank()) {
            modelId = Characters.DEFAULT;
            warnings.add(at + " has no modelId; the stock character " + Characters.DEFAULT + " is used");
        } else if (model.kind() != Scalar.Kind.STRING) {
            problems.add(at + ".modelId " + model.text() + " must be a string (a stock character name or a model id)");
            modelId = null;
        } else {
            modelId = Characters.check(at + ".modelId", model.text().strip(), features, problems);
        }
        return trackingId == null || modelId == null ? null : new PersonModel(trackingId, modelId);
    }

    /**
     * The detection's ids are three digits ({@code "001"}); a client may send them as numbers or
     * without the leading zeros, which mean the same person.
     */
    private static String trackingId(String at, Scalar id, List<String> problems) {
        if (id == null || id.kind() == Scalar.Kind.NULL) {
            problems.add(at + " has no trackingId; give the person's id from the detection job, e.g. \"001\"");
            return null;
        }
        String text = id.text().strip();
        Integer n = id.kind() == Scalar.Kind.BOOLEAN ? null : Values.smallInt(text, 0, 999);
        if (n == null || text.length() > 3) {
            problems.add(at + ".trackingId " + Values.quote(id.text()) + " is not a person id: use the 3-digit id from the"
                    + " detection job, \"000\" to \"999\"");
            return null;
        }
        return String.format(Locale.ROOT, "%03d", n);
    }
}
