package io.anim3d.server.params;

import static io.anim3d.server.params.ParamsTesting.ALL;
import static io.anim3d.server.params.ParamsTesting.assertMentions;
import static io.anim3d.server.params.ParamsTesting.parse;
import static io.anim3d.server.params.ParamsTesting.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** formats=, model=, and params whose feature this build lacks: only the default passes, loudly. */
class ProcessParamsFeaturesTest {
    @Test
    void todaysBuildOffersEveryFormat() {
        assertEquals(EnumSet.allOf(OutputFormat.class), Features.CURRENT.formats());
        Features f = Features.CURRENT;
        assertFalse(f.sim() || f.trackFace() || f.trackHand() || f.customModels() || f.multiPerson(), "CURRENT: " + f);
    }

    @Test
    void formatsTodayAcceptBvhAndDmpe() {
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.DMPE), parse("formats=bvh").formats());
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.DMPE), parse("formats=BVH,dmpe").formats());
        assertEquals(EnumSet.of(OutputFormat.DMPE), parse("formats=dmpe").formats(), "landmarks only");
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.DMPE), parse("formats=bvh,,bvh,").formats(), "empty items");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4", "png", "jpg"})
    void formatsNotAvailableYetAreRejectedNamingTheAvailableOnes(String format) {
        Features withoutRendering = new Features(false, false, false, false, false,
                EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.GLB));
        ParamException e = reject(withoutRendering, "formats=bvh," + format);
        assertEquals(1, e.problems().size(), "problems: " + e.problems());
        assertMentions(e, format + " output is not available yet; available: bvh, fbx, glb (dmpe landmarks are always written)");
    }

    @Test
    void unknownFormatsAreRejectedNamingTheSupportedOnes() {
        assertMentions(reject("formats=bvh,mov"), "formats 'mov' is not an output format; supported: bvh");
        assertMentions(reject(ALL, "formats=mov"), "supported: bvh, mp4, fbx, glb, png, jpg");
        ParamException both = reject("formats=mov,mp4,avi");
        assertEquals(2, both.problems().size(), "each bad format is named, mp4 is fine: " + both.problems());
    }

    @Test
    void aFullBuildAcceptsEveryFormat() {
        assertEquals(EnumSet.allOf(OutputFormat.class), parse(ALL, "formats=bvh,fbx,glb,mp4,png,jpeg").formats());
        assertTrue(parse(ALL, "formats=png").rendersVideoOrImage());
        assertFalse(parse(ALL, "formats=fbx,glb").rendersVideoOrImage());
    }

    @Test
    void formatsWithNoNameGiveTheDefault() {
        ProcessParams p = parse("formats= , ,");
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.MP4, OutputFormat.DMPE), p.formats());
        ParamsTesting.assertWarned(p, "formats names no format; the default is used");
    }

    @Test
    void laterBuildsNeedOnlyANewFeaturesValue() {
        Features withFbx = new Features(false, false, false, false, false, Set.of(OutputFormat.BVH, OutputFormat.FBX));
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.DMPE), parse(withFbx, "formats=bvh,fbx").formats());
        assertEquals(EnumSet.of(OutputFormat.BVH, OutputFormat.FBX, OutputFormat.DMPE), parse(withFbx).formats(), "default");
        assertMentions(reject(withFbx, "formats=mp4"), "available: bvh, fbx");
        assertThrows(IllegalArgumentException.class, () -> new Features(true, true, true, true, true, Set.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "trackFace", "trackHand"})
    void unavailableSwitchesAcceptOnlyTheirDefault(String key) {
        for (String off : new String[] {"0", "false", "FALSE"}) {
            ProcessParams p = parse(key + "=" + off);
            assertFalse(p.sim() || p.trackFace() || p.trackHand(), key + "=" + off + " gave " + p);
        }
        ParamException e = reject(key + "=1");
        assertMentions(e, key + "=1: ", "is not available yet; use " + key + "=0 or leave it out");
        assertMentions(reject(key + "=true"), key + "=true: ");
        assertMentions(reject(key + "=maybe"), key + " 'maybe' is not a boolean");
    }

    @Test
    void switchesOfAFullBuild() {
        ProcessParams p = parse(ALL, "sim=1", "trackFace=true", "trackHand=1");
        assertTrue(p.sim() && p.trackFace() && p.trackHand(), "switches: " + p);
    }

    @Test
    void stockCharacters() {
        for (String name : ProcessParams.STOCK_CHARACTERS) {
            assertEquals(name, parse("model=" + name).model());
            assertEquals(name, parse("model=" + name).character());
        }
        assertEquals("female-thin", parse("model=Female-Thin").model(), "stock names in any case");
        assertEquals(6, ProcessParams.STOCK_CHARACTERS.size());
    }

    @Test
    void customCharactersAreNotAvailableYet() {
        ParamException e = reject("model=a1B2c3-d4_e5");
        assertMentions(e, "model 'a1B2c3-d4_e5'", "custom characters are not available yet",
                "male-young, male-normal, male-fat, female-normal, female-thin, child");
        assertEquals("a1B2c3-d4_e5", parse(ALL, "model=a1B2c3-d4_e5").model());
    }

    @Test
    void malformedModelIds() {
        assertMentions(reject(ALL, "model=../../etc/passwd"), "neither a stock character nor a model id");
        assertMentions(reject(ALL, "model=" + "x".repeat(129)), "neither a stock character nor a model id");
        assertEquals(128, parse(ALL, "model=" + "x".repeat(128)).model().length());
    }

    @Test
    void poseModelNamesAreNotCharacters() {
        assertMentions(reject(ALL, "model=heavy"), "model 'heavy' is a pose-estimation model name (lite|full|heavy)");
    }

    @Test
    void multiPersonIsNotAvailableYet() {
        assertMentions(reject("pipeline=mp_detection"), "pipeline=mp_detection: multi-person detection is not available yet");
        assertMentions(reject("models=[{trackingId:'001', modelId:'male-young'}]"),
                "models '[{trackingId:'001', modelId:'male-young'}]': multi-person jobs are not available yet");
        assertEquals(0, parse("models=[]").models().size(), "an empty list is the default");
        assertEquals(0, parse("models=[ ]").models().size(), "an empty list is the default");
    }
}
