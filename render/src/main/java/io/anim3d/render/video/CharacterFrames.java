package io.anim3d.render.video;

/**
 * The animated character's pictures, one per motion frame, drawn by the 3D renderer. It is called
 * from one thread at a time, frames in increasing order, each frame once.
 */
@FunctionalInterface
public interface CharacterFrames {
    /**
     * Draws motion frame {@code frame} into {@code argb}.
     *
     * @param frame  0-based motion frame index
     * @param argb   width*height pixels, 0xFFRRGGBB, top row first; it still holds an earlier
     *               frame's pixels, so every pixel must be drawn (alpha is ignored)
     * @param width  pixels, even
     * @param height pixels, even
     */
    void draw(int frame, int[] argb, int width, int height);
}
