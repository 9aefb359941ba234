package io.anim3d.render.scene;

/**
 * What every band of one frame reads, fixed before the bands start: the view, the set-up
 * triangles, the shadow, the backdrop and the pixel boxes the character and its shadow cover.
 * Bands write only their own rows of {@link #out} (and of {@link #backdropCache} when it is
 * refreshed).
 */
final class Frame {
    View view;
    TriangleSetup setup;
    Shading shading;
    BackdropPainter backdrop;
    /** The floor's darkness, or null when there is no shadow this frame. */
    GroundShadow shadow;
    /** The backdrop without shadow for {@link #view}, width × height ARGB. */
    int[] backdropCache;
    boolean refreshBackdrop;
    int[] out;
    /** Pixel box of the character, inclusive; empty when minX &gt; maxX. */
    int charMinX;
    int charMinY;
    int charMaxX;
    int charMaxY;
    /** Pixel box where the shadow may fall, inclusive; empty when minX &gt; maxX. */
    int shadowMinX;
    int shadowMinY;
    int shadowMaxX;
    int shadowMaxY;
}
