package io.anim3d.server.params;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which optional features this build implements. A parameter whose feature is missing accepts
 * only its default value (0 or absent); any other value is rejected with a message saying the
 * feature is not available yet, never silently ignored, so that a client does not pay for a job
 * that lacks what it asked for.
 *
 * @param sim          physics simulation ({@code sim=1})
 * @param trackFace    face tracking ({@code trackFace=1})
 * @param trackHand    hand and finger tracking ({@code trackHand=1})
 * @param customModels custom characters ({@code model=<modelId>} other than a stock name)
 * @param multiPerson  multi-person jobs ({@code pipeline=mp_detection}, {@code models=})
 * @param formats      output formats that can be requested; {@link OutputFormat#DMPE} is always
 *                     added because every job writes the landmarks
 */
public record Features(boolean sim, boolean trackFace, boolean trackHand, boolean customModels, boolean multiPerson,
                       Set<OutputFormat> formats) {
    /**
     * What this build does today: body tracking to BVH, FBX, GLB, the rendered MP4/PNG/JPG (and the
     * landmarks). Later work flips these
     * flags here, in this one place.
     */
    public static final Features CURRENT = new Features(false, false, false, false, false, EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.GLB,
            OutputFormat.MP4, OutputFormat.PNG, OutputFormat.JPG));

    public Features {
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("a build must offer at least one output format");
        }
        EnumSet<OutputFormat> all = EnumSet.copyOf(formats);
        all.add(OutputFormat.DMPE);
        formats = Collections.unmodifiableSet(all);
    }

    /** The formats a client may name, for messages: {@code "bvh, fbx (dmpe landmarks are always written)"}. */
    String formatList() {
        String named = formats.stream().filter(f -> !f.alwaysWritten()).map(OutputFormat::label)
                .collect(Collectors.joining(", "));
        return named + " (dmpe landmarks are always written)";
    }
}
