package io.anim3d.render.video;

import java.util.Arrays;

/**
 * A stand-in for the 3D renderer that is easy to recognise after lossy encoding: a flat
 * {@link #BACKGROUND} with a {@link #DISC} disc that moves from 20 % to 80 % of the width over
 * the frames, at mid height, radius 1/8 of the height.
 */
final class TestCharacter implements CharacterFrames {
    static final int BACKGROUND = 0x2050C0;
    static final int DISC = 0xFFE000;

    private final int frames;
    private int calls;
    private int lastFrame = -1;

    TestCharacter(int frames) {
        this.frames = frames;
    }

    @Override
    public void draw(int frame, int[] argb, int width, int height) {
        if (frame != lastFrame + 1) {
            throw new AssertionError("frame " + frame + " drawn after frame " + lastFrame + "; expected them in order, once each");
        }
        lastFrame = frame;
        calls++;
        Arrays.fill(argb, 0xFF000000 | BACKGROUND);
        int cx = centreX(frame, width);
        int cy = height / 2;
        int r = radius(height);
        for (int y = Math.max(0, cy - r); y <= Math.min(height - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(width - 1, cx + r); x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    argb[y * width + x] = 0xFF000000 | DISC;
                }
            }
        }
    }

    int calls() {
        return calls;
    }

    int centreX(int frame, int width) {
        return (int) (width * (0.2 + 0.6 * frame / Math.max(1, frames - 1)));
    }

    static int radius(int height) {
        return Math.max(1, height / 8);
    }
}
