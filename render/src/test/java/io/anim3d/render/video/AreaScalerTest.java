package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AreaScalerTest {

    @Test
    void sameSizeIsAnExactCopyIntoTheTargetRectangle() {
        byte[] src = random(5, 3, 1);
        byte[] dst = new byte[9 * 4 * 3];
        new AreaScaler(5, 3, 5, 3).scale(src, dst, 9 * 3, (1 * 9 + 2) * 3);
        for (int y = 0; y < 3; y++) {
            for (int i = 0; i < 15; i++) {
                assertEquals(src[y * 15 + i], dst[((y + 1) * 9 + 2) * 3 + i], "row " + y + " byte " + i);
            }
        }
        assertEquals(0, dst[0], "pixels outside the rectangle are untouched");
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        byte[] src = random(8, 6, 2);
        byte[] dst = new byte[4 * 3 * 3];
        new AreaScaler(8, 6, 4, 3).scale(src, dst, 4 * 3, 0);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            sum += src[((2 * y + dy) * 8 + 2 * x + dx) * 3 + c] & 0xff;
                        }
                    }
                    int got = dst[(y * 4 + x) * 3 + c] & 0xff;
                    assertTrue(Math.abs(got - sum / 4.0) <= 0.5 + 1e-9,
                            "pixel " + x + "," + y + " channel " + c + ": " + got + " vs mean " + sum / 4.0);
                }
            }
        }
    }

    @Test
    void flatColourStaysFlatAtAnyScale() {
        int[][] sizes = {{1920, 1080, 607, 341}, {1080, 1920, 608, 1080}, {641, 361, 640, 360}, {3, 2, 8, 6}};
        for (int[] s : sizes) {
            byte[] src = new byte[s[0] * s[1] * 3];
            for (int i = 0; i < src.length; i += 3) {
                src[i] = (byte) 200;
                src[i + 1] = 17;
                src[i + 2] = (byte) 255;
            }
            byte[] dst = new byte[s[2] * s[3] * 3];
            new AreaScaler(s[0], s[1], s[2], s[3]).scale(src, dst, s[2] * 3, 0);
            for (int i = 0; i < dst.length; i += 3) {
                String what = s[0] + "x" + s[1] + " -> " + s[2] + "x" + s[3] + " pixel " + i / 3;
                assertEquals(200, dst[i] & 0xff, what);
                assertEquals(17, dst[i + 1] & 0xff, what);
                assertEquals(255, dst[i + 2] & 0xff, what);
            }
        }
    }

    /**
     * One-pixel stripes shrunk 3.2 times: each output pixel averages 3.2 stripes, so every column
     * is a mid grey (0.375 to 0.625 white); point or bilinear sampling would give black and white bands.
     */
    @Test
    void fineStripesBecomeEvenGreyInsteadOfAliasing() {
        int w = 1024;
        int h = 4;
        byte[] src = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x += 2) {
                int i = (y * w + x) * 3;
                src[i] = src[i + 1] = src[i + 2] = (byte) 255;
            }
        }
        int dw = 320;
        byte[] dst = new byte[dw * 1 * 3];
        new AreaScaler(w, h, dw, 1).scale(src, dst, dw * 3, 0);
        for (int x = 0; x < dw; x++) {
            int v = dst[x * 3] & 0xff;
            assertTrue(v >= 95 && v <= 160, "column " + x + " is " + v + ", not a grey between 0.375 and 0.625 white");
        }
    }

    @Test
    void meanBrightnessIsKeptAndOutputIsRepeatable() {
        byte[] src = random(1080, 1920, 3);
        byte[] a = new byte[608 * 1080 * 3];
        byte[] b = new byte[a.length];
        AreaScaler scaler = new AreaScaler(1080, 1920, 608, 1080);
        scaler.scale(src, a, 608 * 3, 0);
        new AreaScaler(1080, 1920, 608, 1080).scale(src, b, 608 * 3, 0);
        assertArrayEquals(a, b, "two scalers give different bytes");
        scaler.scale(src, b, 608 * 3, 0);
        assertArrayEquals(a, b, "a reused scaler gives different bytes");
        assertEquals(mean(src), mean(a), 0.05, "mean level changed");
    }

    @Test
    void wrongSourceSizeIsRefused() {
        AreaScaler scaler = new AreaScaler(4, 4, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scaler.scale(new byte[10], new byte[12], 6, 0));
        assertTrue(e.getMessage().contains("4x4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AreaScaler(0, 4, 2, 2));
    }

    private static byte[] random(int w, int h, long seed) {
        byte[] b = new byte[w * h * 3];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static double mean(byte[] b) {
        long sum = 0;
        for (byte v : b) {
            sum += v & 0xff;
        }
        return (double) sum / b.length;
    }
}
