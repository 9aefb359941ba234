package io.anim3d.server.params;

import java.util.Objects;

/**
 * The mp4/png/jpg render parameters ({@code render.*}). They change only rendered outputs; a job
 * without mp4, png or jpg in its formats ignores them (and the parser warns about that).
 *
 * @param sideBySide   {@code render.sbs}: true (default) shows the original video beside the
 *                     character; false shows the character alone on a background
 * @param background   {@code render.bgColor}: a solid background colour, or null for the default background
 * @param backdrop     {@code render.backdrop}: {@link Backdrop#STUDIO} or {@link Backdrop#DEFAULT}
 * @param shadow       {@code render.shadow}: draw the character's shadow (default false)
 * @param includeAudio {@code render.includeAudio}: copy the input's audio (default true)
 * @param camera       {@code render.CamMode} / {@code render.camera} (default {@link CameraMode#CINEMATIC})
 */
public record RenderOptions(boolean sideBySide, Rgba background, Backdrop backdrop, boolean shadow, boolean includeAudio,
                            CameraMode camera) {
    /** Every render parameter at its documented default. */
    public static final RenderOptions DEFAULT = new RenderOptions(true, null, Backdrop.DEFAULT, false, true, CameraMode.CINEMATIC);

    public RenderOptions {
        Objects.requireNonNull(backdrop, "backdrop");
        Objects.requireNonNull(camera, "camera");
    }

    /** The background behind the character. */
    public enum Backdrop {
        /** The renderer's default background (or the solid {@code render.bgColor}). */
        DEFAULT,
        /** A studio-like backdrop, tinted with {@code render.bgColor} when given. */
        STUDIO
    }

    /**
     * A colour with 8-bit channels, 0 to 255 each. The spec says alpha "is not in effect": it is
     * kept only so that a job's params can be shown back as given.
     */
    public record Rgba(int r, int g, int b, int a) {
        public Rgba {
            for (int c : new int[] {r, g, b, a}) {
                if (c < 0 || c > 255) {
                    throw new IllegalArgumentException("colour channel " + c + " is outside 0..255");
                }
            }
        }
    }
}
