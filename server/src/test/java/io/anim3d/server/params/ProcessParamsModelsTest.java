package io.anim3d.server.params;

import static io.anim3d.server.params.ParamsTesting.ALL;
import static io.anim3d.server.params.ParamsTesting.assertMentions;
import static io.anim3d.server.params.ParamsTesting.assertWarned;
import static io.anim3d.server.params.ParamsTesting.parse;
import static io.anim3d.server.params.ParamsTesting.reject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** models= in the three spellings clients use, checked against Jackson where the input is strict JSON. */
class ProcessParamsModelsTest {
    private static final List<PersonModel> TWO = List.of(new PersonModel("001", "male-young"), new PersonModel("002", "X_9"));

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"trackingId\": \"001\", \"modelId\": \"male-young\"}, {\"trackingId\": \"002\", \"modelId\": \"X_9\"}]",
        "[{\"trackingId\":\"001\",\"modelId\":\"male-young\"},{\"trackingId\":\"002\",\"modelId\":\"X_9\"}]",
        "[{trackingId:'001', modelId:'male-young'}, {trackingId:'002', modelId:'X_9'}]",
        "[ {trackingId : \"001\" , 'modelId' : 'male-young' } ,\n\t{ modelId:'X_9',trackingId:'002'}, ]",
    })
    void theThreeSpellings(String json) {
        ProcessParams p = parse(ALL, "models=" + json);
        assertEquals(TWO, p.models(), "models=" + json);
        assertTrue(p.isMultiPerson());
        assertEquals(List.of(), p.warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"trackingId\": \"001\", \"modelId\": \"male-young\"}, {\"trackingId\": \"002\", \"modelId\": \"X_9\"}]",
        "[{\"trackingId\":\"007\",\"modelId\":\"a\\\"b\"}]",
        "[{\"trackingId\":\"010\",\"modelId\":\"\\u00e9t\\u00E9\\/\\\\\\n\"}]",
        "[]",
        "[{}]",
    })
    void strictJsonReadsAsJacksonReadsIt(String json) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(json);
        List<ModelsJson.Scalar> jackson = new ArrayList<>();
        tree.forEach(o -> o.properties().forEach(f -> jackson.add(new ModelsJson.Scalar(ModelsJson.Scalar.Kind.STRING,
                f.getKey() + "=" + f.getValue().asText()))));
        List<ModelsJson.Scalar> ours = new ArrayList<>();
        ModelsJson.parse(json).forEach(o -> o.forEach((k, v) -> ours.add(new ModelsJson.Scalar(v.kind(), k + "=" + v.text()))));
        assertEquals(jackson, ours, "members of " + json);
    }

    @Test
    void trackingIdsAsNumbersOrWithoutZerosMeanTheSamePerson() {
        ProcessParams p = parse(ALL, "models=[{trackingId: 1, modelId: 'child'}, {trackingId: '12', modelId: 'child'}]");
        assertEquals(List.of(new PersonModel("001", "child"), new PersonModel("012", "child")), p.models());
    }

    @Test
    void badTrackingIds() {
        for (String bad : new String[] {"'1234'", "'abc'", "-1", "1.5", "true", "''"}) {
            assertMentions(reject(ALL, "models=[{trackingId:" + bad + ", modelId:'child'}]"), "models[0].trackingId",
                    "3-digit id");
        }
        assertMentions(reject(ALL, "models=[{modelId:'child'}]"), "models[0] has no trackingId");
        assertMentions(reject(ALL, "models=[{trackingId:'001',modelId:'child'},{trackingId:1,modelId:'child'}]"),
                "models[1] repeats trackingId '001'");
    }

    @Test
    void modelIdsAreCheckedLikeModel() {
        Features noCustom = new Features(false, false, false, false, true, EnumSet.of(OutputFormat.BVH));
        assertMentions(reject(noCustom, "models=[{trackingId:'001', modelId:'abc123'}]"), "models[0].modelId 'abc123'",
                "custom characters are not available yet");
        assertEquals("female-normal", parse(noCustom, "models=[{trackingId:'001', modelId:'FEMALE-normal'}]").models().get(0).modelId());
        assertMentions(reject(ALL, "models=[{trackingId:'001', modelId: 5}]"), "models[0].modelId 5 must be a string");
        ProcessParams p = parse(ALL, "models=[{trackingId:'003', modelId: null}]");
        assertEquals(List.of(new PersonModel("003", "male-young")), p.models());
        assertWarned(p, "models[0] has no modelId; the stock character male-young is used");
    }

    @Test
    void unknownKeysInAPersonAreWarned() {
        ProcessParams p = parse(ALL, "models=[{trackingId:'001', modelId:'child', faceDataType: 1}]");
        assertWarned(p, "models[0]: unknown key 'faceDataType' ignored");
        ProcessParams many = parse(ALL, "models=[{trackingId:'001', modelId:'child', a:1, b:2, c:3, d:4, e:5, f:6, g:7}]");
        assertEquals(List.of("models[0]: unknown keys 'a', 'b', 'c', 'd', 'e' and 2 more ignored"), many.warnings());
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertMentions(reject(ALL, "models={trackingId:'001'}"), "expected '[' at character 1, found '{'");
        assertMentions(reject(ALL, "models=[{trackingId:'001' modelId:'x'}]"), "expected '}' at character 20, found 'm'");
        assertMentions(reject(ALL, "models=[{trackingId:'001}]"), "closing ' of the string");
        assertMentions(reject(ALL, "models=[{trackingId:001x}]"), "expected a value");
        assertMentions(reject(ALL, "models=[{trackingId:'001'}] x"), "expected end of the value");
        assertMentions(reject(ALL, "models=[{'a\\q':1}]"), "valid escape");
        assertMentions(reject(ALL, "models=[{'a\\u12':1}]"), "four hex digits");
        assertMentions(reject(ALL, "models=[[{}]]"), "expected '{'");
    }

    @Test
    void atMostSixteenPersons() {
        StringBuilder sixteen = new StringBuilder("[");
        for (int i = 1; i <= 16; i++) {
            sixteen.append(i > 1 ? "," : "").append("{trackingId:'").append(String.format("%03d", i)).append("',modelId:'child'}");
        }
        assertEquals(16, parse(ALL, "models=" + sixteen + "]").models().size());
        assertMentions(reject(ALL, "models=" + sixteen + ",{trackingId:'017',modelId:'child'}]"), "17 persons", "at most 16");
    }

    @Test
    void modelsWithModelOrDetectionAreWarned() {
        assertWarned(parse(ALL, "model=child", "models=[{trackingId:'001',modelId:'male-fat'}]"), "model is ignored in a multi-person job");
        assertWarned(parse(ALL, "pipeline=mp_detection", "models=[{trackingId:'001',modelId:'male-fat'}]"),
                "models is ignored by pipeline=mp_detection");
    }
}
