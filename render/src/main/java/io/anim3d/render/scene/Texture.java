package io.anim3d.render.scene;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A decoded base-colour texture in linear light, sampled bilinearly with repeat wrapping
 * (glTF's default sampler). u runs right and v down, as in glTF; the texture's alpha is ignored
 * (characters render opaque).
 */
final class Texture {
    private final int width;
    private final int height;
    /** width × height × (r, g, b), linear. */
    private final float[] texels;

    private Texture(int width, int height, float[] texels) {
        this.width = width;
        this.height = height;
        this.texels = texels;
    }

    /**
     * @throws IllegalArgumentException when the bytes are not an image ImageIO can read
     */
    static Texture decode(String materialName, byte[] png) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new IllegalArgumentException("material " + materialName + ": its texture cannot be read as an image: "
                    + e.getMessage(), e);
        }
        if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
            throw new IllegalArgumentException("material " + materialName
                    + ": its texture is not a PNG or JPEG image; re-export the model with PNG textures");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] texels = new float[3 * w * h];
        for (int i = 0; i < argb.length; i++) {
            texels[3 * i] = Srgb.toLinear(argb[i] >> 16);
            texels[3 * i + 1] = Srgb.toLinear(argb[i] >> 8);
            texels[3 * i + 2] = Srgb.toLinear(argb[i]);
        }
        return new Texture(w, h, texels);
    }

    /** Multiplies {@code rgb} by the texture's colour at (u, v). */
    void modulate(double u, double v, double[] rgb) {
        if (!Double.isFinite(u) || !Double.isFinite(v)) {
            return;
        }
        double x = (u - Math.floor(u)) * width - 0.5;
        double y = (v - Math.floor(v)) * height - 0.5;
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int xa = Math.floorMod(x0, width), xb = Math.floorMod(x0 + 1, width);
        int ya = Math.floorMod(y0, height), yb = Math.floorMod(y0 + 1, height);
        int i00 = 3 * (ya * width + xa), i10 = 3 * (ya * width + xb);
        int i01 = 3 * (yb * width + xa), i11 = 3 * (yb * width + xb);
        for (int c = 0; c < 3; c++) {
            double top = texels[i00 + c] + fx * (texels[i10 + c] - texels[i00 + c]);
            double bottom = texels[i01 + c] + fx * (texels[i11 + c] - texels[i01 + c]);
            rgb[c] *= top + fy * (bottom - top);
        }
    }
}
