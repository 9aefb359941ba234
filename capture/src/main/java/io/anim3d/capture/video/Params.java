package io.anim3d.capture.video;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.util.regex.Pattern;

/** Strict parsing of the comma-separated number lists that the CLI and the API pass as text. */
final class Params {
    /**
     * Plain decimals only: {@link Double#parseDouble} alone would also take "NaN", "Infinity",
     * hex floats and a trailing "d", none of which a user means as seconds or fractions.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Params() {
    }

    /**
     * Splits {@code text} at commas into exactly {@code count} decimals.
     *
     * @param param the parameter's name for the error message, e.g. {@code "trim"}
     * @param form  the expected form for the error message, e.g. {@code "from,to in seconds"}
     */
    static double[] parseList(String param, String text, int count, String form) {
        if (text == null) {
            throw invalid(param, "null", form);
        }
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw invalid(param, "'" + text + "'", form);
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            String p = parts[i].strip();
            if (!DECIMAL.matcher(p).matches()) {
                throw invalid(param, "'" + text + "'", form);
            }
            values[i] = Double.parseDouble(p);
        }
        return values;
    }

    private static CaptureException invalid(String param, String value, String form) {
        return new CaptureException(ErrorCode.PARAMS,
                param + " must be " + form + ", got " + value);
    }

    /** A PARAMS error naming the parameter, its value and the allowed range. */
    static CaptureException outOfRange(String param, String value, String allowed) {
        return new CaptureException(ErrorCode.PARAMS, param + " " + value + " is out of range: " + allowed);
    }
}
