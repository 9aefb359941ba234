package io.anim3d.server.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, drawn only when a terminal is attached (so logs
 * and pipes stay clean), at most ten times a second.
 */
final class Progress {
    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final String label;
    private final long started = System.nanoTime();
    private long lastDraw;

    Progress(String label) {
        this.out = System.err;
        this.enabled = System.console() != null;
        this.label = label;
    }

    void update(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && done != total) {
            return;
        }
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        double fps = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(BAR, BAR * done / total);
            sb.append('[').append("#".repeat(filled)).append(" ".repeat(BAR - filled)).append("] ");
            sb.append(done).append('/').append(total);
        } else {
            sb.append(done);
        }
        sb.append(String.format(Locale.ROOT, " frames, %.1f fps", fps));
        out.print(sb);
        out.flush();
    }

    void finish() {
        if (enabled) {
            out.println();
        }
    }
}
