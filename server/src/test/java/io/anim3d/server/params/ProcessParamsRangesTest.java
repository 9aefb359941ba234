package io.anim3d.server.params;

import static io.anim3d.server.params.ParamsTesting.assertMentions;
import static io.anim3d.server.params.ParamsTesting.assertWarned;
import static io.anim3d.server.params.ParamsTesting.parse;
import static io.anim3d.server.params.ParamsTesting.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.anim3d.server.params.RenderOptions.Rgba;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented range, at and just beyond its edges; each rejection names param, value and range. */
class ProcessParamsRangesTest {
    @ParameterizedTest
    @CsvSource({"1.0, 1.0", "8.0, 8.0", "1, 1.0", "8, 8.0", "2.5, 2.5", "+3, 3.0", "4., 4.0", "0.8e1, 8.0", "1E0, 1.0"})
    void speedInsideItsRange(String given, double expected) {
        assertEquals(expected, parse("videoSpeedMultiplier=" + given).videoSpeedMultiplier(), "videoSpeedMultiplier=" + given);
        assertEquals(expected, parse("videoSpeedMultiplier=" + given).videoOptions().speedMultiplier(), "VideoOptions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.99", "8.01", "0", "-1", "9", "1e400", "-1e400"})
    void speedOutsideItsRange(String given) {
        ParamException e = reject("videoSpeedMultiplier=" + given);
        assertMentions(e, "videoSpeedMultiplier '" + given + "'", "allowed 1.0 to 8.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x1p1", "0x2", "2d", "2f", "two", "1,5", "1 5", ".", "e5", "--2"})
    void speedThatIsNotADecimalNumber(String given) {
        ParamException e = reject("poseEstimation.videoSpeedMultiplier=" + given);
        assertMentions(e, "videoSpeedMultiplier '" + given + "'", "allowed 1.0 to 8.0");
    }

    @ParameterizedTest
    @CsvSource({"0.0, 0.0", "1.0, 1.0", "0, 0.0", "1, 1.0", "0.35, 0.35", "-0, 0.0"})
    void filteringInsideItsRange(String given, double expected) {
        assertEquals(expected, parse("poseFilteringStrength=" + given).poseFilteringStrength(), "poseFilteringStrength=" + given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1.01", "2", "NaN", "Infinity", "1e400", "0x0"})
    void filteringOutsideItsRange(String given) {
        assertMentions(reject("poseFilteringStrength=" + given), "poseFilteringStrength '" + given + "'", "allowed 0.0 to 1.0");
    }

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "always, ALWAYS", "never, NEVER", "grounding, GROUNDING", "Never, NEVER", "AUTO, AUTO"})
    void footLockingModes(String given, FootLockingMode expected) {
        assertEquals(expected, parse("footLockingMode=" + given).footLockingMode());
    }

    @Test
    void unknownFootLockingMode() {
        assertMentions(reject("footLockingMode=sometimes"), "footLockingMode 'sometimes'", "auto, always, never or grounding");
    }

    @Test
    void trimUsesTheCaptureParser() {
        ProcessParams p = parse("trim=0,0.5");
        assertEquals(0.0, p.trim().fromSeconds());
        assertEquals(0.5, p.trim().toSeconds());
        assertEquals(p.trim(), p.videoOptions().trim());
        assertMentions(reject("trim=2,1"), "trim end", "greater than the start");
        assertMentions(reject("trim=-1,2"), "trim start", ">= 0");
        assertMentions(reject("trim=1"), "trim", "'1'", "from,to");
        assertMentions(reject("trim=NaN,2"), "trim", "'NaN,2'");
        assertMentions(reject("trim=1,1e400"), "trim end", "Infinity");
    }

    @Test
    void cropUsesTheCaptureParser() {
        ProcessParams p = parse("crop=0.239,0.121,0.742,0.981");
        assertEquals(0.239, p.crop().left());
        assertEquals(0.981, p.crop().bottom());
        assertEquals(p.crop(), p.videoOptions().crop());
        assertEquals(0.0, parse("crop=0,0,1,1").crop().left(), "the whole picture is a valid crop");
        assertMentions(reject("crop=0.5,0,0.4,1"), "crop left", "less than right");
        assertMentions(reject("crop=0,0,1.01,1"), "crop right", "1.01", "[0, 1]");
        assertMentions(reject("crop=-0.01,0,1,1"), "crop left", "-0.01");
        assertMentions(reject("crop=0,0,1"), "crop", "left,top,right,bottom");
    }

    @Test
    void backgroundColour() {
        assertEquals(new Rgba(0, 177, 64, 0), parse("render.bgColor=0,177,64,0").render().background());
        assertEquals(new Rgba(255, 255, 255, 255), parse("render.bgColor=255,255,255,255").render().background());
        assertEquals(new Rgba(1, 2, 3, 0), parse("render.bgColor= 1, 2 ,3").render().background(), "alpha left out");
        assertNull(parse().render().background(), "default background");
        for (String bad : new String[] {"256,0,0,0", "-1,0,0,0", "0,0,0,0,0", "0,0", "0.5,0,0,0", "a,b,c,d", "0,,0,0", "0x10,0,0,0"}) {
            assertMentions(reject("render.bgColor=" + bad), "render.bgColor '" + bad + "'", "0 to 255");
        }
    }

    @Test
    void backdrop() {
        assertEquals(RenderOptions.Backdrop.STUDIO, parse("render.backdrop=studio").render().backdrop());
        assertEquals(RenderOptions.Backdrop.DEFAULT, parse("render.backdrop=").render().backdrop());
        assertMentions(reject("render.backdrop=beach"), "render.backdrop 'beach'", "studio");
    }

    @Test
    void cameraModes() {
        assertEquals(CameraMode.CINEMATIC, parse("render.CamMode=0").render().camera());
        assertEquals(CameraMode.FIXED, parse("render.CamMode=1").render().camera());
        assertEquals(CameraMode.FACE, parse("render.camera=2").render().camera());
        assertEquals(CameraMode.FIXED, parse("render.camera=fixed").render().camera());
        for (String bad : new String[] {"3", "-1", "1.0", "zoom", "00000000002x"}) {
            assertMentions(reject("render.CamMode=" + bad), "render.CamMode '" + bad + "'", "0 (cinematic), 1 (fixed) or 2 (face)");
        }
    }

    @Test
    void renderOptionsWithoutARenderedFormatAreWarned() {
        ProcessParams p = parse("formats=bvh", "render.sbs=0", "render.shadow=1", "render.includeAudio=0");
        assertEquals(new RenderOptions(false, null, RenderOptions.Backdrop.DEFAULT, true, false, CameraMode.CINEMATIC), p.render());
        assertWarned(p, "render.* parameters have no effect: formats has no mp4, png or jpg");
        ProcessParams rendered = parse(ParamsTesting.ALL, "formats=mp4", "render.sbs=0");
        assertEquals(java.util.List.of(), rendered.warnings(), "mp4 requested: the render options count");
    }

    @Test
    void configAndPipeline() {
        assertEquals("configDefault", parse("config=configDefault").config());
        assertMentions(reject("config=configFast"), "config 'configFast'", "configDefault");
        assertEquals(ProcessParams.MP_DETECTION, parse(ParamsTesting.ALL, "pipeline=mp_detection").pipeline());
        assertMentions(reject(ParamsTesting.ALL, "pipeline=sp"), "pipeline 'sp'", "mp_detection");
    }
}
