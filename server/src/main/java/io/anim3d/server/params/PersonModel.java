package io.anim3d.server.params;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One person of a multi-person job ({@code models=}): which detected person to animate and with
 * which character.
 *
 * @param trackingId the person's id from the detection job, three digits ({@code "001"}), as in
 *                   its per-person file names ({@code _001})
 * @param modelId    a stock character name or a custom model id
 */
public record PersonModel(String trackingId, String modelId) {
    private static final Pattern TRACKING_ID = Pattern.compile("\\d{3}");

    public PersonModel {
        Objects.requireNonNull(modelId, "modelId");
        if (trackingId == null || !TRACKING_ID.matcher(trackingId).matches()) {
            throw new IllegalArgumentException("trackingId must be three digits, got " + trackingId);
        }
    }
}
