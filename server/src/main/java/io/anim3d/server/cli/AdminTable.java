package io.anim3d.server.cli;

import io.anim3d.server.accounts.Credits;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the admin commands' listings: columns padded to their widest cell, two
 * spaces apart, numbers right-aligned, so that both people and {@code awk}/{@code cut} can read
 * it. Also the shared text forms of times and credits.
 */
final class AdminTable {
    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    private AdminTable(String[] headers) {
        this.headers = headers.clone();
        this.right = new boolean[headers.length];
    }

    static AdminTable of(String... headers) {
        return new AdminTable(headers);
    }

    /** Right-aligns these columns (0-based), for numbers. */
    AdminTable alignRight(int... columns) {
        for (int c : columns) {
            right[c] = true;
        }
        return this;
    }

    /**
     * Adds a row. Control characters (a newline in a client's name) become {@code ?}, so that
     * one row stays one line.
     */
    void add(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("Row has " + cells.length + " cells, the table " + headers.length + " columns");
        }
        rows.add(Arrays.stream(cells).map(AdminTable::printable).toArray(String[]::new));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] width = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            width[c] = headers[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        line(out, headers, width);
        for (String[] r : rows) {
            line(out, r, width);
        }
    }

    private void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            sb.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String printable(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return sb.toString();
    }

    /** Milliseconds since the epoch as UTC to the second, e.g. {@code 2025-03-01T12:00:05Z}. */
    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Milli-credits as credits, e.g. 12500 → {@code 12.5}. */
    static String credits(long milliCredits) {
        return Credits.toCredits(milliCredits).toPlainString();
    }
}
