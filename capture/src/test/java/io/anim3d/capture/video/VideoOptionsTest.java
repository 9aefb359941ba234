package io.anim3d.capture.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation and parsing of Trim, Crop and VideoOptions. */
class VideoOptionsTest {
    @Test
    void cropPixelRectExample() {
        Crop crop = Crop.parse("0.239,0.121,0.742,0.981");
        int[] rect = crop.pixelRect(1080, 1920);
        assertArrayEquals(new int[] {258, 232, 801, 1884}, rect);
        assertEquals(543, rect[2] - rect[0], "crop width");
        assertEquals(1652, rect[3] - rect[1], "crop height");
        assertArrayEquals(new int[] {0, 0, 1, 1}, new Crop(0, 0, 1, 1).pixelRect(1, 1));
    }

    @Test
    void trimParsesAndValidates() {
        Trim t = Trim.parse("1,2.6");
        assertEquals(1.0, t.fromSeconds());
        assertEquals(2.6, t.toSeconds());
        assertEquals(1.6, t.lengthSeconds(), 1e-12);
        assertEquals(new Trim(0.5, 3), Trim.parse(" .5 , 3e0 "));
        assertParams("trim start", () -> new Trim(-1, 2));
        assertParams("trim end", () -> new Trim(2, 2));
        assertParams("trim end", () -> new Trim(0, Double.POSITIVE_INFINITY));
        assertParams("trim start", () -> new Trim(Double.NaN, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1,2,3", "a,b", "NaN,1", "0,Infinity", "0x1p1,3", "1d,2", "1;2", "1,"})
    void malformedTrimIsParamsError(String text) {
        assertParams("trim must be 'from,to' in seconds", () -> Trim.parse(text));
    }

    @Test
    void cropValidates() {
        assertParams("crop left", () -> new Crop(-0.1, 0, 1, 1));
        assertParams("crop bottom", () -> new Crop(0, 0, 1, 1.5));
        assertParams("left must be less than right", () -> new Crop(0.6, 0, 0.4, 1));
        assertParams("top must be less than bottom", () -> new Crop(0, 0.5, 1, 0.5));
        assertParams("crop must be 'left,top,right,bottom'", () -> Crop.parse("0,0,1"));
        assertParams("at least 1x1", () -> new Crop(0.1, 0.1, 0.1004, 0.9).pixelRect(1000, 1000));
        assertParams("crop must be", () -> Crop.parse(null));
    }

    @Test
    void speedMultiplierRange() {
        assertEquals(1.0, VideoOptions.DEFAULT.speedMultiplier());
        assertNull(VideoOptions.DEFAULT.trim());
        assertNull(VideoOptions.DEFAULT.crop());
        new VideoOptions(null, null, 8.0);
        assertParams("videoSpeedMultiplier 0.5 is out of range: it must be between 1.0 and 8.0",
                () -> new VideoOptions(null, null, 0.5));
        assertParams("videoSpeedMultiplier 8.5", () -> new VideoOptions(null, null, 8.5));
        assertParams("videoSpeedMultiplier NaN", () -> new VideoOptions(null, null, Double.NaN));
    }

    private static void assertParams(String fragment, Executable call) {
        CaptureException e = assertThrows(CaptureException.class, call);
        assertEquals(ErrorCode.PARAMS, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message should contain '" + fragment + "': " + e.getMessage());
    }
}
