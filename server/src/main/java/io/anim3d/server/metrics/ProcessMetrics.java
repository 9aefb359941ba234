package io.anim3d.server.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;

/** Figures of this JVM, read at scrape time: start and uptime, heap, threads, CPU time. */
final class ProcessMetrics {
    private ProcessMetrics() {
    }

    static void writeTo(Exposition out) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        out.family("process_start_time_seconds", "Start time of the process since the Unix epoch, seconds.", "gauge")
                .sample("process_start_time_seconds", runtime.getStartTime() / 1000.0);
        out.family("anim3d_uptime_seconds", "Seconds since the process started.", "gauge")
                .sample("anim3d_uptime_seconds", runtime.getUptime() / 1000.0);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot && hotspot.getProcessCpuTime() >= 0) {
            out.family("process_cpu_seconds_total", "CPU time the process has used, user and system, seconds.", "counter")
                    .sample("process_cpu_seconds_total", hotspot.getProcessCpuTime() / 1e9);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.family("jvm_memory_heap_used_bytes", "Heap in use (live and not yet collected objects), bytes.", "gauge")
                .sample("jvm_memory_heap_used_bytes", heap.getUsed());
        out.family("jvm_memory_heap_committed_bytes", "Heap the JVM has reserved from the OS, bytes.", "gauge")
                .sample("jvm_memory_heap_committed_bytes", heap.getCommitted());
        if (heap.getMax() >= 0) { // -1 when the JVM sets no limit
            out.family("jvm_memory_heap_max_bytes", "Largest heap the JVM may use (-Xmx), bytes.", "gauge")
                    .sample("jvm_memory_heap_max_bytes", heap.getMax());
        }
        out.family("jvm_threads_live", "Live JVM threads (request, worker and system threads).", "gauge")
                .sample("jvm_threads_live", ManagementFactory.getThreadMXBean().getThreadCount());
        out.family("process_available_processors", "Cores the JVM may use.", "gauge")
                .sample("process_available_processors", Runtime.getRuntime().availableProcessors());
    }
}
