package io.anim3d.server.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The registry and its instruments without HTTP: buckets, consistency under threads, the text written. */
class MetricsRegistryTest {
    static String text(MetricsRegistry r) {
        Exposition out = new Exposition();
        r.writeTo(out);
        return out.text();
    }

    @Test
    void aValueOnABoundIsCountedInThatBucket() {
        MetricsRegistry r = new MetricsRegistry();
        Histogram h = r.histogram("t_seconds", "test", new double[] {0.1, 1, 10}, "k");
        for (double v : new double[] {0, 0.1, 0.10001, 1, 5, 10, 10.5, Double.POSITIVE_INFINITY, Double.NaN}) {
            h.observe(v, "a");
        }
        Histogram.Snapshot s = h.snapshot("a");
        // le=0.1: 0, 0.1 | le=1: +0.10001, 1 | le=10: +5, 10 | +Inf: +10.5, +Inf (NaN dropped)
        assertArrayEquals(new long[] {2, 4, 6, 8}, s.cumulative(), "cumulative buckets");
        assertEquals(8, s.count());
    }

    @Test
    void histogramTextIsCumulativeWithInfEqualToCount() {
        MetricsRegistry r = new MetricsRegistry();
        Histogram h = r.histogram("t_seconds", "test", new double[] {0.005, 0.5}, "route");
        h.observe(0.001, "/a");
        h.observe(0.2, "/a");
        h.observe(2, "/a");
        Map<String, PromText.Family> m = PromText.parse(text(r));
        PromText.Family f = m.get("t_seconds");
        assertEquals(1, f.value("t_seconds_bucket", "route", "/a", "le", "0.005"));
        assertEquals(2, f.value("t_seconds_bucket", "route", "/a", "le", "0.5"));
        assertEquals(3, f.value("t_seconds_bucket", "route", "/a", "le", "+Inf"));
        assertEquals(3, f.value("t_seconds_count", "route", "/a"));
        assertEquals(2.201, f.value("t_seconds_sum", "route", "/a"), 1e-12);
        assertTrue(PromText.assertHistogramsConsistent(m) >= 3, "the standard histograms' declared series too");
    }

    @Test
    void concurrentObservationsAreAllCountedAndEverySnapshotIsConsistent() throws Exception {
        MetricsRegistry r = new MetricsRegistry();
        Histogram h = r.histogram("c_seconds", "test", new double[] {0.001, 0.01, 0.1, 1}, "route");
        Counter c = r.counter("c_total", "test", "route");
        int threads = 8;
        int each = 100_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    String route = (i & 1) == 0 ? "/even" : "/odd";
                    h.observe(((i + id) % 5) * 0.3, route); // 0, 0.3, 0.6, 0.9, 1.2
                    c.inc(route);
                }
            });
            w.start();
            workers.add(w);
        }
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    PromText.assertHistogramsConsistent(PromText.parse(text(r)));
                } catch (AssertionError e) {
                    synchronized (problems) {
                        problems.add(e.getMessage());
                    }
                }
            }
        });
        reader.start();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        done.set(true);
        reader.join();
        assertEquals(List.of(), problems, "inconsistent scrapes while observing");
        long half = (long) threads * each / 2;
        assertEquals(half, h.snapshot("/even").count(), "observations of /even");
        assertEquals(half, h.snapshot("/odd").count(), "observations of /odd");
        assertEquals(half, c.get("/even"), "counter /even");
        // each thread's values cycle through 0..1.2 evenly: 1/5 of them are above the last bound 1
        long[] all = h.snapshot("/even").cumulative();
        assertEquals(all[4] - all[3] + h.snapshot("/odd").cumulative()[4] - h.snapshot("/odd").cumulative()[3],
                (long) threads * each / 5, "observations above 1 s");
    }

    @Test
    void labelValuesAreEscapedAndNamesChecked() {
        MetricsRegistry r = new MetricsRegistry();
        Counter c = r.counter("odd_total", "help with a \\ backslash\nand a newline", "v");
        c.inc("quote \" backslash \\ newline \n end");
        String text = text(r);
        assertTrue(text.contains("odd_total{v=\"quote \\\" backslash \\\\ newline \\n end\"} 1\n"), text);
        assertTrue(text.contains("# HELP odd_total help with a \\\\ backslash\\nand a newline\n"), text);
        PromText.Family f = PromText.parse(text).get("odd_total");
        assertEquals("help with a \\ backslash\nand a newline", f.help());
        assertEquals(1, f.value("odd_total", "v", "quote \" backslash \\ newline \n end"));

        assertThrows(IllegalArgumentException.class, () -> r.counter("odd_total", "again"), "duplicate name");
        assertThrows(IllegalArgumentException.class, () -> r.counter("bad-name", "x"));
        assertThrows(IllegalArgumentException.class, () -> r.counter("ok_total", "x", "bad label"));
        assertThrows(IllegalArgumentException.class, () -> r.counter("ok2_total", "x", "__reserved"));
        assertThrows(IllegalArgumentException.class, () -> r.histogram("h1", "x", new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> r.histogram("h2", "x", new double[] {1}, "le"));
        assertThrows(IllegalArgumentException.class, () -> c.inc("a", "b"), "wrong number of label values");
        assertThrows(IllegalArgumentException.class, () -> c.add(-1, "a"), "counters only grow");
    }

    @Test
    void labelCombinationsBeyondTheCapShareTheOverflowSeries() {
        MetricsRegistry r = new MetricsRegistry();
        Counter c = r.counter("many_total", "x", "id");
        for (int i = 0; i < MetricsRegistry.MAX_SERIES + 50; i++) {
            c.inc("id-" + i);
        }
        PromText.Family f = PromText.parse(text(r)).get("many_total");
        assertEquals(MetricsRegistry.MAX_SERIES + 1, f.samples().size(), "series written");
        assertEquals(50, f.value("many_total", "id", LabeledSeries.OVERFLOW));
    }

    @Test
    void statusClassesAndMethods() {
        assertEquals("2xx", MetricsRegistry.statusClass(200));
        assertEquals("4xx", MetricsRegistry.statusClass(404));
        assertEquals("5xx", MetricsRegistry.statusClass(503));
        assertEquals("other", MetricsRegistry.statusClass(0));
        assertEquals("GET", MetricsModule.method(io.javalin.http.HandlerType.GET));
        assertEquals(MetricsModule.OTHER_METHOD, MetricsModule.method(io.javalin.http.HandlerType.findOrCreate("BREW")));
    }

    @Test
    void numbersAreWrittenAsTheFormatReadsThem() {
        assertEquals("3", Exposition.number(3.0));
        assertEquals("0.005", Exposition.number(0.005));
        assertEquals("+Inf", Exposition.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", Exposition.number(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", Exposition.number(Double.NaN));
        assertEquals("0.0005", Exposition.number(5e-4));
        assertEquals("1795809788.588", Exposition.number(1.795809788588E9));
        assertEquals("1.0E-7", Exposition.number(1e-7));
        assertEquals("1.0E20", Exposition.number(1e20));
        assertEquals("-2.5", Exposition.number(-2.5));
        for (double v : new double[] {0.1 + 0.2, 1.0 / 3, 6.859040965999357, 123456.789e-3}) {
            assertEquals(v, Double.parseDouble(Exposition.number(v)), 0, "reads back exactly: " + v);
        }
    }
}
