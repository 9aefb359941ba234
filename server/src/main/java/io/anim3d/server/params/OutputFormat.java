package io.anim3d.server.params;

import java.util.Locale;

/**
 * An output file kind a job can produce, in the order clients expect inside a download group
 * (bvh, mp4, fbx, then glb, png/jpg, dmpe: docs/COMPAT.md, /download).
 */
public enum OutputFormat {
    BVH(false),
    MP4(true),
    FBX(false),
    GLB(false),
    PNG(true),
    JPG(true),
    /**
     * The landmarks file ({@code landmarks.dmpe}). Every job writes it whatever {@code formats}
     * says (the spec's note under /download), so naming it in {@code formats} is accepted and
     * changes nothing.
     */
    DMPE(false);

    private final boolean rendered;

    OutputFormat(boolean rendered) {
        this.rendered = rendered;
    }

    /** The name used in {@code formats=} and as file extension ({@code bvh}, {@code mp4}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the formats the renderer produces (mp4, png, jpg): the ones {@code render.*} affects. */
    public boolean rendered() {
        return rendered;
    }

    /** True for the formats every job writes without being asked. */
    public boolean alwaysWritten() {
        return this == DMPE;
    }

    /**
     * The format named {@code label} (any case; {@code jpeg} means jpg), or null when it names none.
     */
    static OutputFormat byLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.equals("jpeg")) {
            return JPG;
        }
        for (OutputFormat f : values()) {
            if (f.label().equals(l)) {
                return f;
            }
        }
        return null;
    }
}
