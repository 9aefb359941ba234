package io.anim3d.formats.landmarks;

import io.anim3d.motion.LandmarkTrack;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The header of a {@code landmarks.dmpe} file: what a {@link LandmarkTrack} says about the whole
 * clip, plus free key/value metadata (e.g. the tracker's options), which is kept sorted by the
 * keys' UTF-8 bytes so that the same header always gives the same bytes.
 *
 * @param frameWidth  width in pixels of the processed frames, positive
 * @param frameHeight height in pixels of the processed frames, positive
 * @param frameRate   average frames per second in motion time, finite and positive
 * @param model       landmark model that produced the track ({@code lite}, {@code full}, {@code heavy}), not blank
 * @param metadata    key/value pairs, neither null; copied into an unmodifiable sorted map; null means none
 */
public record DmpeHeader(int frameWidth, int frameHeight, double frameRate, String model, Map<String, String> metadata) {

    /** Unsigned UTF-8 byte order = Unicode code point order, the same in every language. */
    static final Comparator<String> KEY_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** Strings are stored with a u16 length prefix. */
    static final int MAX_STRING_BYTES = 0xFFFF;

    public DmpeHeader {
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + frameWidth + "x" + frameHeight);
        }
        if (!(frameRate > 0) || !Double.isFinite(frameRate)) {
            throw new IllegalArgumentException("frameRate must be positive and finite, got " + frameRate);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        checkLength(model, "model");
        SortedMap<String, String> sorted = new TreeMap<>(KEY_ORDER);
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
                    throw new IllegalArgumentException("metadata keys must be non-empty and values non-null, got "
                            + e.getKey() + "=" + e.getValue());
                }
                checkLength(e.getKey(), "metadata key");
                checkLength(e.getValue(), "metadata value of " + e.getKey());
                sorted.put(e.getKey(), e.getValue());
            }
        }
        metadata = Collections.unmodifiableSortedMap(sorted);
    }

    /** The header of {@code track} with the given metadata (null for none). */
    public static DmpeHeader of(LandmarkTrack track, Map<String, String> metadata) {
        return new DmpeHeader(track.frameWidth(), track.frameHeight(), track.frameRate(), track.model(), metadata);
    }

    /** The header of {@code track} without metadata. */
    public static DmpeHeader of(LandmarkTrack track) {
        return of(track, null);
    }

    private static void checkLength(String s, String what) {
        int bytes = s.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(what + " is " + bytes + " UTF-8 bytes, at most " + MAX_STRING_BYTES + " fit");
        }
    }
}
