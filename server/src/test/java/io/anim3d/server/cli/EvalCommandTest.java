package io.anim3d.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.testkit.SharedTestData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code anim3d eval} prints MPJPE and PA-MPJPE for every ground-truth still, and their means. */
class EvalCommandTest {
    @Test
    void printsAccuracyForEveryStill() {
        String data = SharedTestData.require("testdata").toString();
        CliRun run = CliRun.of("eval", "--data", data, "--no-videos");
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = run.out().lines().filter(l -> l.startsWith("h36m ") || l.startsWith("3dhp ")).toList();
        assertEquals(8, rows.size(), "one row per still (4 Human3.6M, 4 MPI-INF-3DHP):\n" + run.out());
        for (String row : rows) {
            assertTrue(!row.contains("failed"), "a still was not tracked: " + row);
        }
        String mean = run.out().lines().filter(l -> l.startsWith("mean")).findFirst().orElseThrow();
        String[] cols = mean.replace("|", " ").trim().split("\\s+");
        double paMpjpe = Double.parseDouble(cols[findNumber(cols, 1)]);
        // A regression guard at today's 136 mm plus a margin; the aim (60 mm) is not met yet.
        assertTrue(paMpjpe > 0 && paMpjpe < 150, String.format(Locale.ROOT, "mean PA-MPJPE %.1f mm got worse than 150 mm", paMpjpe));
    }

    /** Index of the {@code n}-th (0-based) number in the columns. */
    private static int findNumber(String[] cols, int n) {
        int seen = 0;
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].matches("\\d+\\.\\d")) {
                if (seen++ == n) {
                    return i;
                }
            }
        }
        throw new AssertionError("no number " + n + " in " + String.join(" ", cols));
    }
}
