package io.anim3d.render.scene;

import java.util.Objects;

/**
 * How the scene around the character looks.
 *
 * <p>Where the pixels are exactly {@code backgroundRgb}: with {@link Backdrop#GROUND}, the sky
 * and the floor from 12 m from the camera's target on; with {@link Backdrop#STUDIO}, the back wall
 * from 2.6 m above the floor up (and anything beside or behind the cyclorama). So with the usual
 * framing (the camera near hips height, looking at the character roughly level) the top of the
 * frame, its corners included, is exactly that colour. The floor is a tint of it (darker for
 * light colours, lighter for very dark ones) so that a shadow shows on any colour, and fades
 * smoothly into it. A camera below the floor sees only the background colour behind the
 * character.
 *
 * @param backgroundRgb {@code 0xRRGGBB} ({@code render.bgColor}); alpha bits above the 24 colour
 *                      bits are ignored, as the API's spec ignores the alpha of {@code bgColor}
 * @param backdrop      the ground plane or studio backdrop
 * @param shadow        whether the character casts a soft shadow on the floor ({@code render.shadow})
 */
public record RenderStyle(int backgroundRgb, Backdrop backdrop, boolean shadow) {
    /** A neutral light grey-blue: dark suits and every skin tone of the stock characters stand out from it. */
    public static final int DEFAULT_BACKGROUND_RGB = 0xC8CDD4;

    /** What lies behind and under the character. */
    public enum Backdrop {
        /** An infinite floor at y = 0 in a tint of the background colour, fading to it towards the horizon. */
        GROUND,
        /**
         * A curved cyclorama: the floor at y = 0 sweeps up into a back wall behind the character
         * (as the camera sees it), tinted with the background colour and reaching it exactly
         * higher up the wall.
         */
        STUDIO
    }

    public RenderStyle {
        Objects.requireNonNull(backdrop, "backdrop");
        backgroundRgb &= 0xFFFFFF;
    }

    /** The product's default look: {@link #DEFAULT_BACKGROUND_RGB}, ground plane, shadow on. */
    public static RenderStyle defaults() {
        return new RenderStyle(DEFAULT_BACKGROUND_RGB, Backdrop.GROUND, true);
    }
}
