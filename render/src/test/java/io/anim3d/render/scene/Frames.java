package io.anim3d.render.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Vec3;

/** Rendering and measuring helpers for the scene tests. */
final class Frames {
    private Frames() {
    }

    static int[] render(Character c, Pose pose, Camera camera, RenderStyle style, int width, int height) {
        int[] argb = new int[width * height];
        try (CharacterRenderer r = new CharacterRenderer(c, width, height, style)) {
            r.render(pose, camera, argb);
        }
        return argb;
    }

    /** The backdrop alone (no character, no shadow), painted by the renderer's own painter. */
    static int[] backdrop(Camera camera, RenderStyle style, int width, int height) {
        View view = new View(camera, width, height);
        BackdropPainter painter = new BackdropPainter(style, CharacterRenderer.FLOOR_Y);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            painter.paintRow(view, y, 0, width - 1, argb, y * width, null);
        }
        return argb;
    }

    /** Pixels that differ between a shadowless render and the bare backdrop: the character, edges included. */
    static boolean[] mask(int[] shadowless, int[] backdrop) {
        boolean[] m = new boolean[shadowless.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = shadowless[i] != backdrop[i];
        }
        return m;
    }

    static double coverage(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return (double) n / mask.length;
    }

    /**
     * Pixel coordinates (x, y, depth) of a world point, computed here from the camera's
     * definition rather than by the renderer's code.
     */
    static double[] project(Camera c, int width, int height, Vec3 p) {
        Vec3 f = c.target().minus(c.eye()).normalized();
        Vec3 r = f.cross(c.up()).normalized();
        Vec3 u = r.cross(f);
        Vec3 d = p.minus(c.eye());
        double z = d.dot(f);
        double tanY = Math.tan(Math.toRadians(c.verticalFovDegrees()) / 2);
        double tanX = tanY * width / height;
        return new double[] {width / 2.0 * (1 + d.dot(r) / (z * tanX)), height / 2.0 * (1 - d.dot(u) / (z * tanY)), z};
    }

    /** Rec. 709 luma of an ARGB pixel, 0 to 255 (on the encoded values: enough to order brightness). */
    static double luma(int argb) {
        return 0.2126 * ((argb >> 16) & 255) + 0.7152 * ((argb >> 8) & 255) + 0.0722 * (argb & 255);
    }

    static String hex(int argb) {
        return String.format("#%06X", argb & 0xFFFFFF);
    }
}
