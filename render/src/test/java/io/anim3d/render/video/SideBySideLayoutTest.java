package io.anim3d.render.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.render.video.SideBySideLayout.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SideBySideLayoutTest {

    @ParameterizedTest(name = "{0}x{1} sbs={2} -> {3}x{4}, halves {5} wide")
    @CsvSource({
            // portrait phone video: height capped at 1080, each half 1080 * 9/16 = 607.5 -> 608
            "1080, 1920, true, 1216, 1080, 608",
            "1080, 1920, false, 608, 1080, 608",
            // landscape 1080p: two full halves
            "1920, 1080, true, 3840, 1080, 1920",
            "1920, 1080, false, 1920, 1080, 1920",
            // 720p stays 720p
            "1280, 720, true, 2560, 720, 1280",
            // 4K halves shrink to 1080p
            "3840, 2160, true, 3840, 1080, 1920",
            "2160, 3840, true, 1216, 1080, 608",
            // odd sizes: height rounds down to even, half width to the nearest even
            "641, 361, true, 1280, 360, 640",
            "639, 359, false, 638, 358, 638",
            // a coded 1920x1088 input (runner_pan_1080p.mp4): 1080 * 1920/1088 = 1905.9 -> 1906
            "1920, 1088, true, 3812, 1080, 1906",
            // a crop that leaves 543x1652 (the Crop example): 1080 * 543/1652 = 354.99 -> 354 (nearest even)
            "543, 1652, true, 708, 1080, 354",
            // tiny pictures still give a valid 2x2 minimum per half
            "1, 1, true, 4, 2, 2",
            "3, 1, false, 6, 2, 6",
    })
    void sizesFollowTheRules(int w, int h, boolean sbs, int width, int height, int half) {
        SideBySideLayout layout = SideBySideLayout.of(w, h, sbs);
        assertEquals(width, layout.width(), "frame width");
        assertEquals(height, layout.height(), "frame height");
        assertEquals(new Rect(sbs ? half : 0, 0, half, height), layout.character(), "character rectangle");
        if (sbs) {
            assertEquals(new Rect(0, 0, half, height), layout.original(), "original rectangle");
            assertTrue(layout.sideBySide());
        } else {
            assertNull(layout.original(), "no original without side by side");
        }
    }

    @Test
    void everySizeIsEvenCappedAndKeepsTheAspectWithinAPixel() {
        for (int w = 1; w <= 4000; w += 37) {
            for (int h = 1; h <= 4000; h += 41) {
                for (boolean sbs : new boolean[] {true, false}) {
                    SideBySideLayout l = SideBySideLayout.of(w, h, sbs);
                    String what = w + "x" + h + (sbs ? " sbs" : "");
                    assertEquals(0, l.width() % 2, what + ": odd width " + l.width());
                    assertEquals(0, l.height() % 2, what + ": odd height " + l.height());
                    assertTrue(l.height() <= Math.max(2, Math.min(h, SideBySideLayout.MAX_HEIGHT)),
                            what + ": height " + l.height() + " above the input's or 1080");
                    assertTrue(l.width() <= SideBySideLayout.MAX_WIDTH, what + ": width " + l.width());
                    Rect c = l.character();
                    double ideal = c.height() * (double) w / h;
                    if (ideal >= 2 && l.width() < SideBySideLayout.MAX_WIDTH - 2) {
                        assertTrue(Math.abs(c.width() - ideal) <= 1.0 + 1e-9,
                                what + ": half " + c.width() + "x" + c.height() + " is not the input's aspect (ideal width "
                                        + ideal + ")");
                    }
                    assertEquals(l.width(), c.x() + c.width(), what + ": the character half ends at the right edge");
                    if (sbs) {
                        assertEquals(l.original().width(), c.width(), what + ": halves differ");
                        assertEquals(c.x(), l.original().width(), what + ": halves overlap or leave a gap");
                    }
                }
            }
        }
    }

    @Test
    void panoramasNarrowerThanTheWidthLimitKeepTheirHeightWiderOnesShrink() {
        SideBySideLayout wide = SideBySideLayout.of(3840, 1080, true);
        assertEquals(7680, wide.width());
        assertEquals(1080, wide.height());
        SideBySideLayout wider = SideBySideLayout.of(8000, 1000, true);
        assertEquals(7680, wider.width(), "width capped");
        assertEquals(480, wider.height(), "height lowered to keep the 8:1 aspect in a 3840 wide half");
    }

    @Test
    void badSizesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SideBySideLayout.of(0, 100, true));
        assertTrue(e.getMessage().contains("0x100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SideBySideLayout(3, 2, null, new Rect(0, 0, 3, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Rect(0, 0, 0, 2));
    }
}
