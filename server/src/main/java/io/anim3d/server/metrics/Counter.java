package io.anim3d.server.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A monotonic count with labels ({@code _total} by convention in its name). Increments are
 * striped ({@link LongAdder}): many request threads add without contending on one word.
 */
public final class Counter {
    private final String name;
    private final String help;
    private final LabeledSeries<LongAdder> series;

    Counter(String name, String help, List<String> labelNames, int maxSeries) {
        this.name = Exposition.checkMetricName(name);
        this.help = help;
        this.series = new LabeledSeries<>(labelNames, LongAdder::new, maxSeries);
    }

    public String name() {
        return name;
    }

    /** Adds one to the series of these label values. */
    public void inc(String... labelValues) {
        series.get(labelValues).increment();
    }

    /** Adds {@code n} (not negative: counters only grow). */
    public void add(long n, String... labelValues) {
        if (n < 0) {
            throw new IllegalArgumentException("A counter only grows; cannot add " + n + " to " + name);
        }
        series.get(labelValues).add(n);
    }

    /** The current count of these label values (0 if never incremented). */
    public long get(String... labelValues) {
        return series.get(labelValues).sum();
    }

    void writeTo(Exposition out) {
        out.family(name, help, "counter");
        for (Map.Entry<List<String>, LongAdder> e : series.sorted()) {
            out.sample(name, series.labelNames(), e.getKey(), e.getValue().sum());
        }
    }
}
