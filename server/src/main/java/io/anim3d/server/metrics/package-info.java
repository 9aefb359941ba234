/**
 * Operational metrics in the Prometheus text format 0.0.4, written by our own small code:
 * {@link io.anim3d.server.metrics.MetricsRegistry} holds the process's counters and fixed-bucket
 * histograms (lock-free, updated on every request), {@link io.anim3d.server.metrics.MetricsModule}
 * times every HTTP request by route template and serves {@code GET /metrics} with them, the job
 * counts by state from the database and a few JVM figures. Nothing here names a client or a job.
 */
package io.anim3d.server.metrics;
