package io.anim3d.server.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations (durations in seconds, by convention {@code _seconds} in the name) counted into
 * fixed buckets, with labels. Each bucket is a striped {@link LongAdder}, so recording takes no
 * lock: one binary search and two adds.
 *
 * <p>Buckets are stored per bucket (not cumulative) and made cumulative when written, and the
 * {@code _count} is the sum of the very bucket values written; so every scrape is consistent:
 * buckets never decrease and {@code le="+Inf"} equals {@code _count}, even while other threads
 * observe. The {@code _sum} is read separately and may lag the count by observations in flight.
 */
public final class Histogram {
    private final String name;
    private final String help;
    private final double[] bounds;
    private final String[] boundLabels;
    private final LabeledSeries<Cells> series;

    Histogram(String name, String help, double[] bounds, List<String> labelNames, int maxSeries) {
        this.name = Exposition.checkMetricName(name);
        this.help = help;
        if (labelNames.contains("le")) {
            throw new IllegalArgumentException("Histogram " + name + " cannot have a label named le (it names the buckets)");
        }
        if (bounds.length == 0) {
            throw new IllegalArgumentException("Histogram " + name + " needs at least one bucket bound");
        }
        this.bounds = bounds.clone();
        for (int i = 0; i < this.bounds.length; i++) {
            if (!Double.isFinite(this.bounds[i]) || (i > 0 && this.bounds[i] <= this.bounds[i - 1])) {
                throw new IllegalArgumentException("Bucket bounds of " + name + " must be finite and strictly increasing"
                        + " (+Inf is implicit), were " + Arrays.toString(bounds));
            }
        }
        this.boundLabels = new String[this.bounds.length + 1];
        for (int i = 0; i < this.bounds.length; i++) {
            boundLabels[i] = Exposition.number(this.bounds[i]);
        }
        boundLabels[this.bounds.length] = "+Inf";
        int buckets = this.bounds.length + 1;
        this.series = new LabeledSeries<>(labelNames, () -> new Cells(buckets), maxSeries);
    }

    public String name() {
        return name;
    }

    /** Records one observation in the series of these label values; NaN is dropped (it would make the sum NaN for good). */
    public void observe(double value, String... labelValues) {
        if (Double.isNaN(value)) {
            return;
        }
        series.get(labelValues).add(bucketOf(value), value);
    }

    /** Makes the series of these label values exist, written with zeros until its first observation. */
    public void declare(String... labelValues) {
        series.get(labelValues);
    }

    /** The bucket a value is counted in: the first whose bound is at least the value ({@code le}). */
    int bucketOf(double value) {
        int i = Arrays.binarySearch(bounds, value);
        return i >= 0 ? i : -i - 1;
    }

    /** A consistent reading of one series: cumulative bucket counts (last = +Inf = count) and the sum. */
    public Snapshot snapshot(String... labelValues) {
        return series.get(labelValues).snapshot();
    }

    void writeTo(Exposition out) {
        out.family(name, help, "histogram");
        List<String> labelNames = series.labelNames();
        for (Map.Entry<List<String>, Cells> e : series.sorted()) {
            Snapshot s = e.getValue().snapshot();
            for (int b = 0; b < boundLabels.length; b++) {
                out.sample(name + "_bucket", labelNames, e.getKey(), "le", boundLabels[b], s.cumulative[b]);
            }
            out.sample(name + "_sum", labelNames, e.getKey(), s.sum());
            out.sample(name + "_count", labelNames, e.getKey(), s.count());
        }
    }

    /** @param cumulative counts of observations at most each bound, the last one (+Inf) being all */
    public record Snapshot(long[] cumulative, double sum) {
        public long count() {
            return cumulative[cumulative.length - 1];
        }
    }

    /** The buckets and sum of one series. */
    private static final class Cells {
        private final LongAdder[] counts;
        private final DoubleAdder sum = new DoubleAdder();

        Cells(int buckets) {
            counts = new LongAdder[buckets];
            for (int i = 0; i < buckets; i++) {
                counts[i] = new LongAdder();
            }
        }

        void add(int bucket, double value) {
            counts[bucket].increment();
            sum.add(value);
        }

        Snapshot snapshot() {
            long[] cumulative = new long[counts.length];
            long running = 0;
            for (int i = 0; i < counts.length; i++) {
                running += counts[i].sum();
                cumulative[i] = running;
            }
            return new Snapshot(cumulative, sum.sum());
        }
    }
}
