package io.anim3d.server.cli;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code anim3d loadtest URL}: N connections, each sending GET requests one after the other on
 * one persistent HTTP/1.1 connection, as fast as the server answers; then requests per second,
 * statuses, errors and latency percentiles of the measured window.
 *
 * <p>The client is a minimal hand-written HTTP/1.1 exchange on a plain {@link Socket} (a
 * precomputed request, a small parser for the status line, Content-Length or chunked bodies):
 * it costs a few microseconds of CPU per request, so on a small machine shared with the server
 * most of the CPU goes to the server being measured. A request counts if it started after the
 * warm-up and finished before the end; latency is from writing the request to reading the last
 * byte of the body. Connection setup is not part of any latency (a reconnect after an error or
 * {@code Connection: close} is, in the count of connections opened).
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = "Sends GET requests to URL over persistent HTTP/1.1 connections and reports requests/s and latency.")
final class LoadTestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "http:// or https:// URL to GET, e.g. http://localhost:8080/health.")
    String url;

    @Option(names = "--connections", defaultValue = "50", paramLabel = "N", description = "Concurrent connections (default 50).")
    int connections;

    @Option(names = "--duration", defaultValue = "10s", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Measured time after the warm-up, e.g. 10s, 500ms, 2m (default 10s).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "2s", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Time of requests before measuring (JIT, connection pools), not counted (default 2s).")
    Duration warmup;

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Connect and read timeout of one request; a timed-out request is an error (default 10s).")
    Duration timeout;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "A request header, e.g. --header 'Cookie: dmsess=...' (repeatable).")
    List<String> headers = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What to run. */
    record Plan(URI url, List<String> headers, int connections, Duration warmup, Duration duration, Duration timeout) {
        Plan {
            Objects.requireNonNull(url, "url");
            headers = List.copyOf(headers);
            if (connections < 1 || connections > 10_000) {
                throw new IllegalArgumentException("--connections must be 1 to 10000, was " + connections);
            }
            if (duration.toMillis() < 1 || warmup.isNegative() || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("--duration and --timeout must be positive and --warmup not negative;"
                        + " were " + duration + ", " + timeout + ", " + warmup);
            }
        }
    }

    /**
     * What was measured in the window after the warm-up.
     *
     * @param statuses    responses by HTTP status
     * @param errors      requests that failed without a response (connect, read, write, timeout, bad response)
     * @param firstError  the first such failure, or null
     * @param opened      connections opened, warm-up included (= connections when all stayed alive)
     */
    record Report(Plan plan, double seconds, Map<Integer, Long> statuses, long errors, String firstError, long opened,
                  Latencies latencies, int cores) {
        long responses() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }

        long ok() {
            return statuses.getOrDefault(200, 0L);
        }

        double requestsPerSecond() {
            return responses() / seconds;
        }
    }

    /** Latency quantiles in milliseconds (upper bounds of their bucket, within {@link Latencies#RELATIVE_ERROR}). */
    record Latencies(long count, double p50, double p90, double p99, double max) {
        static final double RELATIVE_ERROR = 1.0 / LatencyBuckets.SUB;
    }

    @Override
    public Integer call() throws InterruptedException {
        URI target;
        try {
            target = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: '" + url + "' (" + e.getMessage() + ")");
        }
        Plan plan = new Plan(target, headers, connections, warmup, duration, timeout);
        byte[] request = request(plan); // validates the URL and headers before anything runs
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "anim3d loadtest: GET %s, %d connections, %s measured after %s warm-up, %d cores here%n",
                target, plan.connections(), seconds(plan.duration()), seconds(plan.warmup()),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        Report r = run(plan, request);
        print(out, r);
        if (r.responses() == 0) {
            spec.commandLine().getErr().println("anim3d: loadtest: no request got an answer"
                    + (r.firstError() == null ? "" : "; first error: " + r.firstError()));
            spec.commandLine().getErr().flush();
            return Main.EXIT_INPUT;
        }
        return 0;
    }

    static void print(PrintWriter out, Report r) {
        StringBuilder other = new StringBuilder();
        long notOk = 0;
        for (Map.Entry<Integer, Long> e : r.statuses().entrySet()) {
            if (e.getKey() != 200) {
                notOk += e.getValue();
                other.append(other.length() == 0 ? " (" : ", ").append(e.getKey()).append(": ").append(e.getValue());
            }
        }
        if (other.length() > 0) {
            other.append(')');
        }
        out.printf(Locale.ROOT, "requests    %d in %.2f s = %.1f requests/s%n", r.responses(), r.seconds(), r.requestsPerSecond());
        out.printf(Locale.ROOT, "statuses    200: %d, other: %d%s%n", r.ok(), notOk, other);
        out.printf(Locale.ROOT, "errors      %d (no answer: connect, read, timeout)%s; connections opened %d%n", r.errors(),
                r.firstError() == null ? "" : ", first: " + r.firstError(), r.opened());
        Latencies l = r.latencies();
        out.printf(Locale.ROOT, "latency ms  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f (buckets of %.1f%%)%n",
                l.p50(), l.p90(), l.p99(), l.max(), 100 * Latencies.RELATIVE_ERROR);
        out.printf(Locale.ROOT, "cores       %d on this machine (load client and server share them if both run here)%n", r.cores());
        out.flush();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    /** Runs the plan on this thread's clock: warm-up, then the measured window. */
    static Report run(Plan plan) throws InterruptedException {
        return run(plan, request(plan));
    }

    private static Report run(Plan plan, byte[] request) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + plan.warmup().toNanos();
        long end = measureFrom + plan.duration().toNanos();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < plan.connections(); i++) {
            Worker w = new Worker(plan, request, measureFrom, end);
            Thread t = new Thread(null, w, "loadtest-" + i, 256 * 1024);
            t.setDaemon(true);
            workers.add(w);
            threads.add(t);
            t.start();
        }
        long wait;
        while ((wait = end - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
        }
        for (Worker w : workers) {
            w.stop(); // closes the socket: requests still in flight end now and are not counted
        }
        for (Thread t : threads) {
            t.join();
        }
        LatencyBuckets all = new LatencyBuckets();
        Map<Integer, Long> statuses = new TreeMap<>();
        long errors = 0;
        long opened = 0;
        String firstError = null;
        for (Worker w : workers) {
            all.add(w.latencies);
            for (int s = 0; s < w.statuses.length; s++) {
                if (w.statuses[s] > 0) {
                    statuses.merge(s, w.statuses[s], Long::sum);
                }
            }
            errors += w.errors;
            opened += w.opened;
            if (firstError == null) {
                firstError = w.firstError;
            }
        }
        Latencies l = new Latencies(all.count(), all.quantileMillis(0.50), all.quantileMillis(0.90),
                all.quantileMillis(0.99), all.maxMillis());
        return new Report(plan, plan.duration().toNanos() / 1e9, statuses, errors, firstError, opened, l,
                Runtime.getRuntime().availableProcessors());
    }

    /** The bytes of the one request every connection repeats. */
    static byte[] request(Plan plan) {
        URI u = plan.url();
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("URL must be http://host[:port]/path or https://..., was '" + u + "'");
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        if (u.getRawQuery() != null) {
            path += "?" + u.getRawQuery();
        }
        StringBuilder b = new StringBuilder(256);
        b.append("GET ").append(path).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(u.getHost()).append(u.getPort() < 0 ? "" : ":" + u.getPort()).append("\r\n");
        b.append("User-Agent: anim3d-loadtest\r\nAccept: */*\r\n");
        for (String h : plan.headers()) {
            int colon = h.indexOf(':');
            if (colon <= 0 || !h.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || h.indexOf('\r') >= 0
                    || h.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Header must be 'Name: value' on one line, was '" + h + "'");
            }
            b.append(h.substring(0, colon)).append(": ").append(h.substring(colon + 1).strip()).append("\r\n");
        }
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One connection's loop; its counters are its own (read by the main thread after join). */
    private static final class Worker implements Runnable {
        /** Pause after a failed request, so that a server that is down is not hammered in a busy loop. */
        private static final long ERROR_PAUSE_MS = 10;

        private final Plan plan;
        private final byte[] request;
        private final long measureFrom;
        private final long end;
        final LatencyBuckets latencies = new LatencyBuckets();
        final long[] statuses = new long[1000]; // by status code, 100 to 999
        long errors;
        long opened;
        String firstError;
        private volatile boolean stopped;
        private volatile Connection connection;

        Worker(Plan plan, byte[] request, long measureFrom, long end) {
            this.plan = plan;
            this.request = request;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        void stop() {
            stopped = true;
            Connection c = connection;
            if (c != null) {
                c.close();
            }
        }

        @Override
        public void run() {
            while (!stopped) {
                long t0 = 0;
                try {
                    Connection c = connection;
                    if (c == null) {
                        c = Connection.open(plan.url(), (int) plan.timeout().toMillis());
                        opened++;
                        connection = c;
                        if (stopped) { // stop() may have looked before the connection was published
                            c.close();
                            return;
                        }
                    }
                    t0 = System.nanoTime();
                    int status = c.exchange(request);
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        statuses[status]++;
                        latencies.record((t1 - t0) / 1000);
                    }
                    if (c.mustClose()) {
                        c.close();
                        connection = null;
                    }
                } catch (IOException | RuntimeException e) {
                    closeQuietly();
                    if (stopped) {
                        return; // our own close at the end, not the server's fault
                    }
                    long now = System.nanoTime();
                    if ((t0 == 0 ? now : t0) >= measureFrom && now <= end) {
                        errors++;
                        if (firstError == null) {
                            firstError = e.toString();
                        }
                    }
                    try {
                        Thread.sleep(ERROR_PAUSE_MS);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
            closeQuietly();
        }

        private void closeQuietly() {
            Connection c = connection;
            connection = null;
            if (c != null) {
                c.close();
            }
        }
    }

    /** One HTTP/1.1 connection with just enough parsing to find where each response ends. */
    static final class Connection implements Closeable {
        private static final int MAX_LINE = 16 * 1024;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int limit;
        private boolean mustClose;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static Connection open(URI url, int timeoutMillis) throws IOException {
            boolean tls = "https".equalsIgnoreCase(url.getScheme());
            int port = url.getPort() >= 0 ? url.getPort() : tls ? 443 : 80;
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.setSoTimeout(timeoutMillis);
                s.connect(new InetSocketAddress(url.getHost(), port), timeoutMillis);
                if (tls) {
                    s = ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(s, url.getHost(), port, true);
                }
                return new Connection(s);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }

        /** Whether the server asked to close after the last response (or its body ran to the end of the stream). */
        boolean mustClose() {
            return mustClose;
        }

        /** Sends the request and reads the whole response; returns its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            while (true) {
                String statusLine = readLine();
                Matcher m = STATUS_LINE.matcher(statusLine);
                if (!m.matches()) {
                    throw new IOException("Not an HTTP/1.x status line: '" + statusLine + "'");
                }
                int status = Integer.parseInt(m.group(2));
                boolean http10 = m.group(1).equals("0");
                long length = -1;
                boolean chunked = false;
                boolean close = http10;
                String line;
                while (!(line = readLine()).isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        throw new IOException("Bad response header line: '" + line + "'");
                    }
                    String name = line.substring(0, colon).strip();
                    String value = line.substring(colon + 1).strip();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                    } else if (name.equalsIgnoreCase("Connection")) {
                        String v = value.toLowerCase(Locale.ROOT);
                        close = v.contains("close") || (http10 && !v.contains("keep-alive"));
                    }
                }
                if (status >= 100 && status < 200) {
                    continue; // interim response (100 Continue): the real one follows
                }
                if (status == 204 || status == 304) {
                    // no body
                } else if (chunked) {
                    skipChunked();
                } else if (length >= 0) {
                    skip(length);
                } else {
                    skipToEnd();
                    close = true;
                }
                mustClose = close;
                return status;
            }
        }

        private void skipChunked() throws IOException {
            while (true) {
                String sizeLine = readLine();
                int semi = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("Bad chunk size line: '" + sizeLine + "'");
                }
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // trailer fields
                    }
                    return;
                }
                skip(size);
                if (!readLine().isEmpty()) {
                    throw new IOException("Chunk not followed by CRLF");
                }
            }
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (pos == limit && !fill()) {
                    throw new EOFException("Connection closed with " + n + " body bytes missing");
                }
                int k = (int) Math.min(n, limit - pos);
                pos += k;
                n -= k;
            }
        }

        private void skipToEnd() throws IOException {
            pos = limit;
            while (fill()) {
                pos = limit;
            }
        }

        /** One line without its CRLF, as ISO-8859-1 (header bytes are ASCII). */
        private String readLine() throws IOException {
            StringBuilder b = null;
            while (true) {
                if (pos == limit && !fill()) {
                    throw new EOFException("Connection closed by the server before a complete response");
                }
                int start = pos;
                while (pos < limit && buf[pos] != '\n') {
                    pos++;
                }
                boolean found = pos < limit;
                int len = pos - start;
                if (found) {
                    pos++; // past '\n'
                }
                if (b == null && found) {
                    int l = len > 0 && buf[start + len - 1] == '\r' ? len - 1 : len;
                    return new String(buf, start, l, StandardCharsets.ISO_8859_1);
                }
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(new String(buf, start, len, StandardCharsets.ISO_8859_1));
                if (b.length() > MAX_LINE) {
                    throw new IOException("Response line longer than " + MAX_LINE + " bytes");
                }
                if (found) {
                    int l = b.length();
                    return b.substring(0, l > 0 && b.charAt(l - 1) == '\r' ? l - 1 : l);
                }
            }
        }

        /** Reads more bytes into the (consumed) buffer; false at the end of the stream. */
        private boolean fill() throws IOException {
            pos = 0;
            limit = 0;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            limit = n;
            return true;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.([01]) (\\d{3})(?: .*)?");
    }

    /**
     * Latencies in microseconds counted in log-linear buckets (like HdrHistogram with two
     * significant digits): exact below {@value #SUB} µs, above that each power of two is split
     * into {@value #SUB} buckets, so a reported quantile is at most 1/{@value #SUB} (1.6 %) above
     * the true one. Fixed memory whatever the request count; merging is adding arrays.
     */
    static final class LatencyBuckets {
        static final int SUB_BITS = 6;
        static final int SUB = 1 << SUB_BITS;
        private final long[] counts = new long[(64 - SUB_BITS) * SUB];
        private long count;
        private long max;

        void record(long micros) {
            long v = Math.max(0, micros);
            counts[index(v)]++;
            count++;
            max = Math.max(max, v);
        }

        void add(LatencyBuckets other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            count += other.count;
            max = Math.max(max, other.max);
        }

        long count() {
            return count;
        }

        static int index(long v) {
            if (v < SUB) {
                return (int) v;
            }
            int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
            return (shift + 1) * SUB + (int) (v >>> shift) - SUB;
        }

        /** The largest value counted in bucket {@code index}. */
        static long highest(int index) {
            if (index < SUB) {
                return index;
            }
            int shift = index / SUB - 1;
            long top = SUB + index % SUB;
            return ((top + 1) << shift) - 1;
        }

        /** The smallest bucket bound below which at least {@code q} of the values lie, in ms (0 when empty). */
        double quantileMillis(double q) {
            if (count == 0) {
                return 0;
            }
            long rank = Math.max(1, (long) Math.ceil(q * count));
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Math.min(highest(i), max) / 1000.0;
                }
            }
            return max / 1000.0;
        }

        double maxMillis() {
            return max / 1000.0;
        }
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1.5s}; a bare number is seconds. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = TIME.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time; write e.g. 10s, 500ms or 2m");
            }
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double nanosPer = switch (unit) {
                case "ms" -> 1e6;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 1e9;
            };
            return Duration.ofNanos(Math.round(n * nanosPer));
        }
    }
}
