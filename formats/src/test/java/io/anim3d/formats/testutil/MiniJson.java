package io.anim3d.formats.testutil;

import io.anim3d.formats.gltf.JsonParser;
import java.util.List;
import java.util.Map;

/**
 * The validators' JSON reports in tests, read by the product's own strict parser
 * ({@link JsonParser}: objects → Map, arrays → List, numbers → Double, strings, booleans, null).
 */
public final class MiniJson {
    private MiniJson() {
    }

    public static Object parse(String text) {
        return JsonParser.parse(text);
    }

    public static Map<String, Object> object(String text) {
        return asObject(parse(text));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        return (List<Object>) value;
    }
}
