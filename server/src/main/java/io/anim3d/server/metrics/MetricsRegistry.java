package io.anim3d.server.metrics;

import io.anim3d.server.jobs.JobListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The metrics of one server process: the standard instruments of anim3d (HTTP requests, job
 * processing time) and any a module adds with {@link #counter} or {@link #histogram}. Thread-safe;
 * recording takes no lock. One instance per process, handed to whatever records.
 */
public final class MetricsRegistry {
    /** Request durations, seconds: from a cached /health (sub-millisecond) to a large upload. */
    public static final double[] HTTP_SECONDS_BUCKETS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};
    /** Job durations, seconds: a still image takes about a second, a long video tens of minutes. */
    public static final double[] JOB_SECONDS_BUCKETS = {
        1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200};
    /** Series per family beyond which new label combinations land in the "overflow" series. */
    public static final int MAX_SERIES = 1000;

    public static final String HTTP_DURATION = "anim3d_http_request_duration_seconds";
    public static final String HTTP_REQUESTS = "anim3d_http_requests_total";
    public static final String JOB_PROCESSING = "anim3d_job_processing_seconds";

    private final Set<String> names = new HashSet<>();
    private final List<Histogram> histograms = new ArrayList<>();
    private final List<Counter> counters = new ArrayList<>();
    private final Histogram httpDuration;
    private final Counter httpRequests;
    private final Histogram jobProcessing;

    public MetricsRegistry() {
        httpDuration = histogram(HTTP_DURATION, "Time from receiving an HTTP request to its answer, by method,"
                + " route template and status class.", HTTP_SECONDS_BUCKETS, "method", "route", "status");
        httpRequests = counter(HTTP_REQUESTS, "HTTP requests answered, by method, route template and status class.",
                "method", "route", "status");
        jobProcessing = histogram(JOB_PROCESSING, "Wall time of the attempt that finished a job, by outcome"
                + " (SUCCESS or FAILURE).", JOB_SECONDS_BUCKETS, "outcome");
        // Both outcomes exist from the start, so that dashboards and rate() see zeros rather than nothing.
        jobProcessing.declare("SUCCESS");
        jobProcessing.declare("FAILURE");
    }

    /** A new counter family; names are unique within the registry. */
    public synchronized Counter counter(String name, String help, String... labelNames) {
        claim(name);
        Counter c = new Counter(name, help, List.of(labelNames), MAX_SERIES);
        counters.add(c);
        return c;
    }

    /** A new histogram family with these finite, increasing bucket bounds (+Inf is added). */
    public synchronized Histogram histogram(String name, String help, double[] bounds, String... labelNames) {
        claim(name);
        Histogram h = new Histogram(name, help, bounds, List.of(labelNames), MAX_SERIES);
        histograms.add(h);
        return h;
    }

    private void claim(String name) {
        if (!names.add(Exposition.checkMetricName(name))) {
            throw new IllegalArgumentException("A metric named " + name + " is already registered");
        }
    }

    /**
     * Records one answered HTTP request.
     *
     * @param route the route template ({@code /status/{rids}}), never the raw path: ids in labels
     *              would make one series per id
     * @param status the HTTP status; recorded as its class ({@code 2xx} ... {@code 5xx})
     */
    public void httpRequest(String method, String route, int status, double seconds) {
        String statusClass = statusClass(status);
        httpDuration.observe(seconds, method, route, statusClass);
        httpRequests.inc(method, route, statusClass);
    }

    /**
     * Records a finished job.
     *
     * @param outcome {@code SUCCESS} or {@code FAILURE} (the job's final state)
     * @param seconds wall time of the attempt that finished it
     */
    public void jobFinished(String outcome, double seconds) {
        jobProcessing.observe(seconds, outcome.toUpperCase(Locale.ROOT));
    }

    /** {@link #jobFinished} as a listener for the job runner. */
    public JobListener jobListener() {
        return (job, seconds) -> jobFinished(job.state().name(), seconds);
    }

    public Histogram httpDuration() {
        return httpDuration;
    }

    public Counter httpRequests() {
        return httpRequests;
    }

    public Histogram jobProcessing() {
        return jobProcessing;
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }

    /** Writes every family, in the order registered (histograms first). */
    synchronized void writeTo(Exposition out) {
        for (Histogram h : histograms) {
            h.writeTo(out);
        }
        for (Counter c : counters) {
            c.writeTo(out);
        }
    }
}
