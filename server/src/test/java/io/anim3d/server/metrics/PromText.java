package io.anim3d.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A deliberately strict reader of the Prometheus text format 0.0.4 for tests: every line must be
 * a {@code # HELP}, a {@code # TYPE} or a sample of the family declared last (so TYPE comes first
 * and a family's samples are together), a family is declared once, a series appears once,
 * names, label escapes and numbers are as the format defines them. It throws
 * {@link AssertionError} naming the line on the first violation.
 */
final class PromText {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Go's ParseFloat spellings we accept: decimals with optional exponent, and the three specials. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]Inf|NaN");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    record Family(String name, String type, String help, List<Sample> samples) {
        /** The value of the sample with exactly this name and these labels (name, value, ...). */
        double value(String sampleName, String... labels) {
            Map<String, String> want = labelMap(labels);
            for (Sample s : samples) {
                if (s.name().equals(sampleName) && s.labels().equals(want)) {
                    return s.value();
                }
            }
            throw new AssertionError("No sample " + sampleName + want + " in family " + name + ": " + samples);
        }
    }

    private PromText() {
    }

    static Map<String, String> labelMap(String... labels) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return m;
    }

    static Map<String, Family> parse(String text) {
        assertTrue(text.endsWith("\n"), "exposition must end with a newline");
        Map<String, Family> families = new LinkedHashMap<>();
        Set<String> seriesSeen = new HashSet<>();
        Family current = null;
        String pendingHelpName = null;
        String pendingHelp = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + " '" + line + "'";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String rest = line.substring(7);
                int sp = rest.indexOf(' ');
                String name = sp < 0 ? rest : rest.substring(0, sp);
                check(METRIC.matcher(name).matches(), where, "bad metric name in HELP");
                check(!families.containsKey(name) && pendingHelpName == null, where, "HELP repeated or not followed by TYPE");
                pendingHelpName = name;
                pendingHelp = unescapeHelp(sp < 0 ? "" : rest.substring(sp + 1), where);
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", -1);
                check(parts.length == 2, where, "TYPE needs a name and a type");
                check(METRIC.matcher(parts[0]).matches(), where, "bad metric name in TYPE");
                check(TYPES.contains(parts[1]), where, "unknown type");
                check(!families.containsKey(parts[0]), where, "family declared twice");
                check(pendingHelpName == null || pendingHelpName.equals(parts[0]), where, "HELP was for another family");
                current = new Family(parts[0], parts[1], pendingHelp, new ArrayList<>());
                families.put(parts[0], current);
                pendingHelpName = null;
                pendingHelp = null;
            } else if (line.startsWith("#")) {
                throw new AssertionError(where + ": comment lines other than HELP and TYPE are not expected");
            } else {
                check(current != null, where, "sample before any TYPE");
                Sample s = sample(line, where);
                check(belongs(current, s.name()), where, "sample is not of the family declared last (" + current.name() + ")");
                check(seriesSeen.add(s.name() + s.labels()), where, "series repeated");
                current.samples().add(s);
            }
        }
        check(pendingHelpName == null, "end", "HELP without TYPE");
        return families;
    }

    private static boolean belongs(Family f, String sampleName) {
        if (f.type().equals("histogram")) {
            return sampleName.equals(f.name() + "_bucket") || sampleName.equals(f.name() + "_sum")
                    || sampleName.equals(f.name() + "_count");
        }
        return sampleName.equals(f.name());
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        check(METRIC.matcher(name).matches(), where, "bad metric name");
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                check(eq > i, where, "label without '='");
                String label = line.substring(i, eq);
                check(LABEL.matcher(label).matches(), where, "bad label name '" + label + "'");
                check(line.charAt(eq + 1) == '"', where, "label value must be quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; ; j++) {
                    check(j < line.length(), where, "unterminated label value");
                    char c = line.charAt(j);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        j++;
                        check(j < line.length(), where, "dangling backslash");
                        char e = line.charAt(j);
                        check(e == '\\' || e == '"' || e == 'n', where, "bad escape \\" + e);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(c);
                    }
                }
                check(labels.put(label, value.toString()) == null, where, "label repeated");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        check(i < line.length() && line.charAt(i) == ' ', where, "one space must separate the value");
        String[] rest = line.substring(i + 1).split(" ", -1);
        check(rest.length == 1 || rest.length == 2, where, "expected a value and an optional timestamp");
        check(NUMBER.matcher(rest[0]).matches(), where, "bad number '" + rest[0] + "'");
        return new Sample(name, labels, Double.parseDouble(rest[0].replace("Inf", "Infinity")));
    }

    private static String unescapeHelp(String s, String where) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                check(i < s.length() && (s.charAt(i) == '\\' || s.charAt(i) == 'n'), where, "bad escape in HELP");
                b.append(s.charAt(i) == 'n' ? '\n' : '\\');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void check(boolean ok, String where, String what) {
        if (!ok) {
            throw new AssertionError(where + ": " + what);
        }
    }

    /**
     * Every histogram series: buckets in increasing {@code le} ending with +Inf, counts never
     * decreasing, +Inf equal to {@code _count}, a {@code _sum} present. Returns the series checked.
     */
    static int assertHistogramsConsistent(Map<String, Family> families) {
        int checked = 0;
        for (Family f : families.values()) {
            if (!f.type().equals("histogram")) {
                continue;
            }
            Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
            for (Sample s : f.samples()) {
                if (s.name().endsWith("_bucket")) {
                    Map<String, String> key = new TreeMap<>(s.labels());
                    assertTrue(key.remove("le") != null, "bucket without le: " + s);
                    buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                }
            }
            for (Map.Entry<Map<String, String>, List<Sample>> e : buckets.entrySet()) {
                String series = f.name() + e.getKey();
                double lastLe = Double.NEGATIVE_INFINITY;
                double lastCount = 0;
                for (Sample b : e.getValue()) {
                    double le = Double.parseDouble(b.labels().get("le").replace("Inf", "Infinity"));
                    assertTrue(le > lastLe, series + ": le must increase, " + b.labels().get("le") + " after " + lastLe);
                    assertTrue(b.value() >= lastCount, series + ": bucket le=" + b.labels().get("le") + " has "
                            + b.value() + " < " + lastCount + " of the one below (buckets are cumulative)");
                    lastLe = le;
                    lastCount = b.value();
                }
                assertEquals(Double.POSITIVE_INFINITY, lastLe, series + ": the last bucket must be le=\"+Inf\"");
                String[] labels = e.getKey().entrySet().stream().flatMap(x -> java.util.stream.Stream.of(x.getKey(), x.getValue()))
                        .toArray(String[]::new);
                assertEquals(lastCount, f.value(f.name() + "_count", labels), series + ": +Inf bucket must equal _count");
                f.value(f.name() + "_sum", labels);
                checked++;
            }
        }
        return checked;
    }
}
