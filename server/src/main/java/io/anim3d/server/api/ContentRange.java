package io.anim3d.server.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's {@code Content-Range} in a resumable upload, as Google Cloud Storage reads it:
 * {@code bytes first-last/total} (a chunk; total may be {@code *} while unknown) or
 * {@code bytes * /total} without the space (a status query, or the completion of an upload
 * whose bytes have all arrived).
 *
 * @param first first byte of the chunk (inclusive), or -1 for a status query
 * @param last last byte of the chunk (inclusive), or -1 for a status query
 * @param total size of the whole upload in bytes, or -1 when not yet known
 */
record ContentRange(long first, long last, long total) {
    static final long UNKNOWN = -1;
    private static final Pattern FORM = Pattern.compile("bytes\\s+(?:(\\d{1,18})-(\\d{1,18})|\\*)/(\\d{1,18}|\\*)");

    /** Parses the header value; {@link BadRangeException} saying what is wrong. */
    static ContentRange parse(String header) {
        Matcher m = FORM.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new BadRangeException("Content-Range '" + header + "' is not 'bytes FIRST-LAST/TOTAL', "
                    + "'bytes FIRST-LAST/*' or 'bytes */TOTAL'");
        }
        long total = m.group(3).equals("*") ? UNKNOWN : Long.parseLong(m.group(3));
        if (m.group(1) == null) {
            return new ContentRange(UNKNOWN, UNKNOWN, total);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (last < first || (total != UNKNOWN && last >= total)) {
            throw new BadRangeException("Content-Range '" + header + "': the chunk must have FIRST <= LAST < TOTAL");
        }
        return new ContentRange(first, last, total);
    }

    boolean isStatusQuery() {
        return first == UNKNOWN;
    }

    /** Bytes in the chunk. */
    long length() {
        return last - first + 1;
    }

    boolean totalKnown() {
        return total != UNKNOWN;
    }
}
