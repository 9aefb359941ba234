package io.anim3d.server.params;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** Shared helpers: parse with today's or a full build, and assert on rejections. */
final class ParamsTesting {
    /** A build that has every feature the spec describes. */
    static final Features ALL = new Features(true, true, true, true, true, EnumSet.allOf(OutputFormat.class));

    private ParamsTesting() {
    }

    static ProcessParams parse(String... entries) {
        return parse(Features.CURRENT, entries);
    }

    static ProcessParams parse(Features features, String... entries) {
        try {
            return ProcessParamsParser.parse(Arrays.asList(entries), features);
        } catch (ParamException e) {
            return fail("params " + Arrays.toString(entries) + " were rejected: " + e.getMessage());
        }
    }

    static ParamException reject(String... entries) {
        return reject(Features.CURRENT, entries);
    }

    static ParamException reject(Features features, String... entries) {
        return assertThrows(ParamException.class, () -> ProcessParamsParser.parse(Arrays.asList(entries), features),
                () -> "params " + Arrays.toString(entries) + " were accepted");
    }

    /** Asserts that the message contains every phrase, naming the one missing. */
    static void assertMentions(ParamException e, String... phrases) {
        for (String p : phrases) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in the message: " + e.getMessage());
        }
    }

    static void assertWarned(ProcessParams p, String phrase) {
        List<String> w = p.warnings();
        assertTrue(w.stream().anyMatch(s -> s.contains(phrase)), "expected a warning containing '" + phrase + "' in " + w);
    }
}
