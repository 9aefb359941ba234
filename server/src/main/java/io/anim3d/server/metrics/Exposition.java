package io.anim3d.server.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: per family one {@code # HELP} and
 * one {@code # TYPE} line, then its samples, each {@code name{label="value",...} value}, lines
 * ended by {@code \n}. Knows nothing about where the numbers come from.
 */
final class Exposition {
    /** The Content-Type scrapers expect for this format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private static final double PLAIN_MIN = 1e-6;
    private static final double PLAIN_MAX = 1e15;

    private final StringBuilder out = new StringBuilder(8192);

    /** Starts a family; {@code type} is counter, gauge, histogram, summary or untyped. */
    Exposition family(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** A sample without labels. */
    Exposition sample(String name, double value) {
        out.append(name).append(' ').append(number(value)).append('\n');
        return this;
    }

    /** A sample with these labels (names and values pairwise, same length). */
    Exposition sample(String name, List<String> labelNames, List<String> labelValues, double value) {
        return sample(name, labelNames, labelValues, null, null, value);
    }

    /**
     * A sample with these labels plus, if {@code extraName} is not null, one more label after them
     * (the {@code le} of a histogram bucket).
     */
    Exposition sample(String name, List<String> labelNames, List<String> labelValues, String extraName,
                      String extraValue, double value) {
        out.append(name);
        if (!labelNames.isEmpty() || extraName != null) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                label(i > 0, labelNames.get(i), labelValues.get(i));
            }
            if (extraName != null) {
                label(!labelNames.isEmpty(), extraName, extraValue);
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    private void label(boolean comma, String name, String value) {
        if (comma) {
            out.append(',');
        }
        out.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    String text() {
        return out.toString();
    }

    /**
     * A value as the format's parsers read it (Go's ParseFloat): whole numbers without a fraction
     * (counts stay exact and readable), others in the shortest digits that read back to the same
     * double, in plain notation between 1e-6 and 1e15 ({@code le="0.0005"}, not {@code 5.0E-4}),
     * and the spellings {@code +Inf}, {@code -Inf}, {@code NaN}.
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        double abs = Math.abs(v);
        if (v == Math.rint(v) && abs < PLAIN_MAX) {
            return Long.toString((long) v);
        }
        if (abs >= PLAIN_MIN && abs < PLAIN_MAX) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }

    static String checkMetricName(String name) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Metric name must match " + METRIC_NAME + ", was '" + name + "'");
        }
        return name;
    }

    static String checkLabelName(String name) {
        if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("Label name must match " + LABEL_NAME
                    + " and not start with __ (reserved), was '" + name + "'");
        }
        return name;
    }
}
