package io.anim3d.server.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The series of one metric family, one per distinct combination of label values, created on
 * first use. Lookups of existing series take no lock ({@link ConcurrentHashMap#get}).
 *
 * <p>At most {@code maxSeries} series exist: every further combination is counted in one series
 * whose values are all {@value #OVERFLOW}, so a bug that puts ids into labels costs a wrong
 * label rather than the memory of the server and of the scraper.
 */
final class LabeledSeries<T> {
    static final String OVERFLOW = "overflow";

    private final List<String> labelNames;
    private final Supplier<T> factory;
    private final int maxSeries;
    private final List<String> overflowKey;
    private final ConcurrentHashMap<List<String>, T> series = new ConcurrentHashMap<>();

    LabeledSeries(List<String> labelNames, Supplier<T> factory, int maxSeries) {
        for (String n : labelNames) {
            Exposition.checkLabelName(n);
        }
        if (maxSeries < 1) {
            throw new IllegalArgumentException("A family needs room for at least one series, was " + maxSeries);
        }
        this.labelNames = List.copyOf(labelNames);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.maxSeries = maxSeries;
        this.overflowKey = Collections.nCopies(labelNames.size(), OVERFLOW);
    }

    List<String> labelNames() {
        return labelNames;
    }

    /** The series of these label values (in the order of {@link #labelNames}); null values read as "". */
    T get(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException("Expected " + labelNames.size() + " label values " + labelNames
                    + ", got " + values.length + " " + Arrays.toString(values));
        }
        String[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                copy[i] = "";
            }
        }
        List<String> key = Arrays.asList(copy); // our own copy: never changed once it is a key
        T found = series.get(key);
        if (found != null) {
            return found;
        }
        // The cap is checked without a lock, so a race may overshoot it by a few series: harmless.
        if (series.size() >= maxSeries) {
            return series.computeIfAbsent(overflowKey, k -> factory.get());
        }
        return series.computeIfAbsent(key, k -> factory.get());
    }

    /** The series sorted by label values, so that scrapes list them in a stable order. */
    List<Map.Entry<List<String>, T>> sorted() {
        List<Map.Entry<List<String>, T>> entries = new ArrayList<>(series.entrySet());
        entries.sort((a, b) -> compare(a.getKey(), b.getKey()));
        return entries;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
