package io.anim3d.render.video;

import io.anim3d.render.video.SideBySideLayout.Rect;

/**
 * Builds one output picture (packed RGB24, the layout's full size): the original scaled into its
 * half, the character drawn into the other. Keeps its scratch buffers, so one instance serves
 * one thread; the output depends only on its inputs.
 */
final class FrameComposer {
    private final SideBySideLayout layout;
    private final CharacterFrames character;
    private final int[] argb;
    private AreaScaler scaler;
    private int scalerWidth;
    private int scalerHeight;

    FrameComposer(SideBySideLayout layout, CharacterFrames character) {
        if (layout == null || character == null) {
            throw new IllegalArgumentException("layout and character frames are required");
        }
        this.layout = layout;
        this.character = character;
        Rect c = layout.character();
        this.argb = new int[c.width() * c.height()];
    }

    SideBySideLayout layout() {
        return layout;
    }

    /** A canvas of the right size for {@link #compose}. */
    byte[] newCanvas() {
        return new byte[layout.width() * layout.height() * 3];
    }

    /**
     * Draws motion frame {@code frame} into {@code canvas}.
     *
     * @param original the input picture shown with it; required side by side, ignored otherwise
     */
    void compose(int frame, OriginalFrame original, byte[] canvas) {
        int stride = layout.width() * 3;
        if (canvas.length != stride * layout.height()) {
            throw new IllegalArgumentException("canvas must hold " + layout.width() + "x" + layout.height()
                    + "x3 bytes, got " + canvas.length);
        }
        Rect left = layout.original();
        if (left != null) {
            if (original == null) {
                throw new IllegalArgumentException("frame " + frame + ": side by side needs the original picture");
            }
            scalerFor(original).scale(original.rgb(), canvas, stride, left.y() * stride + left.x() * 3);
        }
        Rect c = layout.character();
        character.draw(frame, argb, c.width(), c.height());
        for (int y = 0; y < c.height(); y++) {
            int out = (c.y() + y) * stride + c.x() * 3;
            int in = y * c.width();
            for (int x = 0; x < c.width(); x++, out += 3) {
                int p = argb[in + x];
                canvas[out] = (byte) (p >> 16);
                canvas[out + 1] = (byte) (p >> 8);
                canvas[out + 2] = (byte) p;
            }
        }
    }

    private AreaScaler scalerFor(OriginalFrame original) {
        if (scaler == null || scalerWidth != original.width() || scalerHeight != original.height()) {
            Rect left = layout.original();
            scaler = new AreaScaler(original.width(), original.height(), left.width(), left.height());
            scalerWidth = original.width();
            scalerHeight = original.height();
        }
        return scaler;
    }
}
