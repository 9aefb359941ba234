package io.anim3d.server.params;

import static io.anim3d.server.params.ParamsTesting.assertMentions;
import static io.anim3d.server.params.ParamsTesting.assertWarned;
import static io.anim3d.server.params.ParamsTesting.parse;
import static io.anim3d.server.params.ParamsTesting.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.capture.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lenient reading rules of docs/COMPAT.md, /process params, and the defaults. */
class ProcessParamsLenientTest {
    @Test
    void noParamsGiveTheDocumentedDefaults() {
        for (List<String> none : Arrays.asList(null, List.<String>of())) {
            ProcessParams p = ProcessParamsParser.parse(none, Features.CURRENT);
            // The spec's example default: bvh,fbx,mp4.
            assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.MP4, OutputFormat.DMPE), p.formats(),
                    "default formats");
            assertNull(p.model(), "model");
            assertEquals("male-young", p.character(), "default character");
            assertEquals(List.of(), p.models(), "models");
            assertFalse(p.sim() || p.trackFace() || p.trackHand() || p.rootAtOrigin() || p.upperBodyOnly(), "switches: " + p);
            assertEquals(FootLockingMode.AUTO, p.footLockingMode());
            assertEquals(1.0, p.videoSpeedMultiplier());
            assertEquals(0.0, p.poseFilteringStrength());
            assertNull(p.trim(), "trim");
            assertNull(p.crop(), "crop");
            assertEquals(RenderOptions.DEFAULT, p.render());
            assertEquals("configDefault", p.config());
            assertNull(p.pipeline(), "pipeline");
            assertEquals(List.of(), p.warnings());
        }
    }

    @Test
    void defaultFormatsOfAFullBuildAreTheSpecsExample() {
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.MP4, OutputFormat.DMPE),
                parse(ParamsTesting.ALL).formats());
    }

    @Test
    void splitsOnTheFirstEqualsAndTrimsKeyAndValue() {
        ProcessParams p = parse(ParamsTesting.ALL, "formats = bvh, fbx ,mp4", "  footLockingMode=  never ",
                "trim = 1, 2.6");
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.MP4, OutputFormat.DMPE), p.formats());
        assertEquals(FootLockingMode.NEVER, p.footLockingMode());
        assertEquals(1.0, p.trim().fromSeconds());
        assertEquals(2.6, p.trim().toSeconds());
        // Only the first '=' splits: the rest belongs to the value (and is then judged as a value).
        assertMentions(reject("config=configDefault=2"), "config", "'configDefault=2'");
    }

    @Test
    void aliasesMeanTheSameParams() {
        ProcessParams p = parse("poseEstimation.footLockingMode=grounding", "poseEstimation.videoSpeedMultiplier=2",
                "poseEstimation.poseFilteringStrength=0.5", "render.camera=2");
        assertEquals(FootLockingMode.GROUNDING, p.footLockingMode());
        assertEquals(2.0, p.videoSpeedMultiplier());
        assertEquals(0.5, p.poseFilteringStrength());
        assertEquals(CameraMode.FACE, p.render().camera());
        assertEquals(CameraMode.FIXED, parse("render.CamMode=1").render().camera());
    }

    @Test
    void aliasAndNameTogetherLastOneWins() {
        assertEquals(3.0, parse("videoSpeedMultiplier=2", "poseEstimation.videoSpeedMultiplier=3").videoSpeedMultiplier());
        assertEquals(2.0, parse("poseEstimation.videoSpeedMultiplier=3", "videoSpeedMultiplier=2").videoSpeedMultiplier());
        assertEquals(CameraMode.CINEMATIC, parse("render.camera=2", "render.CamMode=0").render().camera());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", "True"})
    void booleanTrueSpellings(String v) {
        ProcessParams p = parse("rootAtOrigin=" + v, "upperBodyOnly=" + v, "render.shadow=" + v, "render.sbs=" + v);
        assertTrue(p.rootAtOrigin() && p.upperBodyOnly() && p.render().shadow() && p.render().sideBySide(), v + " gave " + p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "FALSE", "False"})
    void booleanFalseSpellings(String v) {
        ProcessParams p = parse("rootAtOrigin=" + v, "render.sbs=" + v, "render.includeAudio=" + v, "sim=" + v,
                "trackFace=" + v, "trackHand=" + v);
        assertFalse(p.rootAtOrigin() || p.render().sideBySide() || p.render().includeAudio() || p.sim(), v + " gave " + p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "2", "-1", "on", "1.0", "t", "truee"})
    void otherBooleanSpellingsAreRejected(String v) {
        ParamException e = reject("rootAtOrigin=" + v);
        assertMentions(e, "rootAtOrigin", "'" + v + "'", "0, 1, true or false");
        assertEquals(ErrorCode.PARAMS, e.code());
    }

    @Test
    void repeatedKeyLastOneWinsAndDifferentValuesAreWarned() {
        ProcessParams p = parse("footLockingMode=always", "footLockingMode=never");
        assertEquals(FootLockingMode.NEVER, p.footLockingMode());
        assertWarned(p, "'footLockingMode' was given 2 times");
        // config=configDefault twice, as clients send it: no warning.
        ProcessParams twice = parse("config=configDefault", "formats=bvh", "config=configDefault");
        assertEquals("configDefault", twice.config());
        assertEquals(List.of(), twice.warnings());
    }

    @Test
    void aBadValueOverriddenLaterIsNotAnError() {
        assertEquals(2.0, parse("videoSpeedMultiplier=99", "videoSpeedMultiplier=2").videoSpeedMultiplier());
    }

    @Test
    void unknownKeysAreIgnoredAndEchoed() {
        ProcessParams p = parse("foo=bar", "formats=bvh", "processor=video2anim");
        assertEquals(List.of("unknown parameter 'foo' was ignored", "unknown parameter 'processor' was ignored"), p.warnings());
    }

    @Test
    void keysAreCaseSensitiveWithAHint() {
        ProcessParams p = parse("Sim=1", "FORMATS=glb");
        assertFalse(p.sim(), "Sim is not sim");
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.MP4, OutputFormat.DMPE), p.formats(),
                "FORMATS is not formats: the defaults apply");
        assertWarned(p, "unknown parameter 'Sim' was ignored (names are case-sensitive: did you mean 'sim'?)");
        assertWarned(p, "did you mean 'formats'?");
    }

    @Test
    void emptyEntriesAreSkippedAndEmptyValuesMeanTheDefault() {
        List<String> entries = new ArrayList<>(Arrays.asList("", "   ", null, "formats=bvh", "model=", "trim= "));
        ProcessParams p = ProcessParamsParser.parse(entries, Features.CURRENT);
        assertNull(p.model(), "empty model");
        assertNull(p.trim(), "empty trim");
        assertWarned(p, "parameter 'model' has an empty value; its default is used");
        assertEquals(2, p.warnings().size(), "warnings: " + p.warnings());
    }

    @Test
    void aKnownKeyWithoutValueOrAnEntryWithoutKeyIsWarned() {
        ProcessParams p = parse("sim", "=1", "bogus");
        assertWarned(p, "parameter 'sim' has no value (write sim=<value>) and was ignored");
        assertWarned(p, "unknown parameter '' was ignored");
        assertWarned(p, "unknown parameter 'bogus' was ignored");
    }

    @Test
    void commasInsideValuesDoNotSplitEntries() {
        // The spec's example: formats=bvh,fbx,mp4 is one entry, its value holds the commas.
        ProcessParams p = parse(ParamsTesting.ALL, "config=configDefault", "formats=bvh,fbx,mp4", "model=male-fat");
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.MP4, OutputFormat.DMPE), p.formats());
        assertEquals("male-fat", p.model());
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void entriesJoinedWithCommasAreSplitBeforeKnownKeys() {
        ProcessParams p = parse(ParamsTesting.ALL, "config=configDefault,formats=bvh,fbx,model=child,render.bgColor=0,177,64,0");
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.DMPE), p.formats());
        assertEquals("child", p.model());
        assertEquals(new RenderOptions.Rgba(0, 177, 64, 0), p.render().background());
        assertEquals(List.of("models=[{x:1,sim=1}]", "crop='a,sim=0',foo=1", "trim=1"),
                Entries.splitJoined("models=[{x:1,sim=1}],crop='a,sim=0',foo=1,trim=1"),
                "no split inside brackets or quotes, nor before unknown keys");
        assertEquals(List.of("trim=1,2", "sim=0"), Entries.splitJoined("trim=1,2,sim=0"));
    }

    @Test
    void tooManyEntriesAreRejected() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < Entries.MAX_ENTRIES; i++) {
            entries.add("sim=0");
        }
        ProcessParamsParser.parse(entries, Features.CURRENT); // exactly the limit: fine
        entries.add("sim=0");
        ParamException e = org.junit.jupiter.api.Assertions.assertThrows(ParamException.class,
                () -> ProcessParamsParser.parse(entries, Features.CURRENT));
        assertMentions(e, "101 entries", "at most 100");
    }

    @Test
    void tooLongEntryIsRejectedAndNotEchoedInFull() {
        String longValue = "model=" + "a".repeat(Entries.MAX_ENTRY_CHARS);
        ParamException e = reject(longValue);
        assertMentions(e, "longer than 4096 characters", "(4102 characters)");
        assertTrue(e.getMessage().length() < 300, "message length " + e.getMessage().length());
    }

    @Test
    void controlCharactersAreEscapedInMessages() {
        ParamException e = reject("footLockingMode=auto\nERROR forged");
        assertMentions(e, "'auto\\u000aERROR forged'");
        assertFalse(e.getMessage().contains("\n"), "raw newline in: " + e.getMessage());
    }

    @Test
    void allProblemsAreListedInOneException() {
        ParamException e = reject("videoSpeedMultiplier=0.5", "sim=yes", "footLockingMode=sometimes", "formats=mov");
        assertEquals(4, e.problems().size(), "problems: " + e.problems());
        assertMentions(e, "4 problems with the params: ", "videoSpeedMultiplier '0.5'", "sim 'yes'",
                "footLockingMode 'sometimes'", "formats 'mov'");
    }

    @Test
    void warningsAreImmutable() {
        ProcessParams p = parse("foo=1");
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> p.warnings().add("x"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> p.formats().add(OutputFormat.FBX));
    }
}
