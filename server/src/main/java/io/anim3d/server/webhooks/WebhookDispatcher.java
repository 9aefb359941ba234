package io.anim3d.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anim3d.server.api.ServerContext;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.Ids;
import io.anim3d.server.net.OutboundTargets;
import io.anim3d.server.net.TargetRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends webhook events. {@link #jobCompleted} only queues them in the database (one row per
 * subscribed endpoint) and never throws or waits on the network, so a webhook can neither fail
 * nor slow down a job. After {@link #start}, one daemon thread polls the queue about every
 * {@link Options#pollInterval}, claims due rows with a lease (several processes on one database
 * never send a row at the same time) and hands them to a few sender threads.
 *
 * <p>An attempt re-checks the endpoint's URL with {@link OutboundTargets} first, since its DNS
 * answer may have changed since it was stored; the HTTP client resolves the host again right
 * after, normally from the JVM's address cache. The POST carries {@code Content-Type:
 * application/json}, {@code X-DeepMotion-Signature: <client id>} (the spec's header),
 * {@code X-Anim3d-Signature: sha256=<hex HMAC>} ({@link WebhookSignature}), {@code X-Anim3d-Event}
 * and {@code X-Anim3d-Delivery: <delivery id>}, the same on every attempt of one delivery, so that
 * a receiver can drop repeats (delivery is at least once). A 2xx answer delivers; anything else
 * (other status, redirect, refusal, timeout) is retried after the next wait of
 * {@link Options#backoff}, and after the last one the delivery is given up. Each client's
 * deliveries use at most {@link Options#maxInFlightPerClient} senders of a process, so one
 * client's dead endpoints do not hold up the others' events.
 */
public final class WebhookDispatcher implements AutoCloseable {
    public static final String CLIENT_ID_HEADER = "X-DeepMotion-Signature";
    public static final String DELIVERY_HEADER = "X-Anim3d-Delivery";
    public static final String EVENT_HEADER = "X-Anim3d-Event";
    static final String USER_AGENT = "anim3d-webhooks";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often finished deliveries older than {@link Options#keepFinished} are deleted. */
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /**
     * How often the queue is reconciled with the jobs table, and how far back: a job whose process
     * died after recording its end but before queueing its event gets the event from the next
     * reconciliation (at-least-once, like every delivery).
     */
    static final Duration RECONCILE_EVERY = Duration.ofSeconds(30);
    static final Duration RECONCILE_WINDOW = Duration.ofHours(1);
    private static final int RECONCILE_BATCH = 500;
    /** How long close() waits for running attempts before it cancels them. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** Due rows read per free sender slot in one poll. */
    private static final int CANDIDATES_PER_SLOT = 4;

    /**
     * @param backoff        waits before the 2nd, 3rd ... attempt; attempts in all = its size + 1
     * @param pollInterval   how often the queue is polled (a new event also wakes the poller at once)
     * @param lease          how long a claim holds; longer than one attempt can take (connect + request
     *                       timeout), else a slow attempt may be sent again by another process
     * @param maxInFlight    attempts at the same time in this process (= sender threads)
     * @param maxInFlightPerClient attempts of one client's deliveries at the same time in this process, so that
     *                       one client's slow or dead endpoints (each attempt may take connect + request
     *                       timeout) cannot hold every sender while other clients' events wait
     * @param connectTimeout TCP (and TLS) connection timeout of an attempt
     * @param requestTimeout time from sending the request to the answer's headers
     * @param keepFinished   how long DELIVERED and GAVE_UP rows are kept for inspection
     */
    public record Options(List<Duration> backoff, Duration pollInterval, Duration lease, int maxInFlight,
                          int maxInFlightPerClient, Duration connectTimeout, Duration requestTimeout,
                          Duration keepFinished) {
        /** 5 s, 30 s, 2 min, 10 min, 1 h, 6 h: a receiver down for up to about 7 hours still gets the event. */
        public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6));

        public Options {
            backoff = List.copyOf(backoff);
            for (Duration d : backoff) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("Backoff waits must not be negative: " + backoff);
                }
            }
            positive(pollInterval, "pollInterval");
            positive(connectTimeout, "connectTimeout");
            positive(requestTimeout, "requestTimeout");
            positive(keepFinished, "keepFinished");
            if (lease == null || lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
                throw new IllegalArgumentException("The lease (" + lease + ") must be longer than the connect plus "
                        + "request timeout (" + connectTimeout.plus(requestTimeout) + "), or slow attempts are sent twice");
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
            }
            if (maxInFlightPerClient < 1 || maxInFlightPerClient > maxInFlight) {
                throw new IllegalArgumentException("maxInFlightPerClient must be 1.." + maxInFlight + ", was "
                        + maxInFlightPerClient);
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_BACKOFF, Duration.ofSeconds(1), Duration.ofMinutes(2), 8, 2,
                    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofDays(7));
        }

        public Options withBackoff(List<Duration> waits) {
            return new Options(waits, pollInterval, lease, maxInFlight, maxInFlightPerClient, connectTimeout,
                    requestTimeout, keepFinished);
        }

        public Options withPollInterval(Duration d) {
            return new Options(backoff, d, lease, maxInFlight, maxInFlightPerClient, connectTimeout, requestTimeout,
                    keepFinished);
        }

        private static void positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
        }
    }

    /** The result of one attempt. */
    private record Outcome(boolean delivered, Integer status, String error) {
    }

    private final WebhookStore store;
    private final OutboundTargets targets;
    private final Options options;
    private final Clock clock;
    private final HttpClient http;
    /** Names this dispatcher's claims in the database (process id and a random part). */
    private final String instance = ProcessHandle.current().pid() + "-" + Ids.randomHex(4);
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** HTTP exchanges being awaited, cancelled by close() after its grace time. */
    private final Set<CompletableFuture<?>> exchanges = ConcurrentHashMap.newKeySet();
    /** Attempts under way per client id; an entry is removed when its count returns to 0. */
    private final ConcurrentHashMap<String, Integer> inFlightByClient = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private volatile boolean closed;
    /** Set by close() when it stops waiting for running attempts: their failures are not counted. */
    private volatile boolean cancelling;
    private volatile boolean lastPollFailed;
    private long lastPruneMs = Long.MIN_VALUE;
    private long lastReconcileMs = Long.MIN_VALUE;

    /** The production dispatcher of a server: default options, private targets as the operator configured. */
    public WebhookDispatcher(ServerContext context) {
        this(context.db(), new OutboundTargets(context.config().allowPrivateTargets()), Options.defaults(),
                context.clock());
    }

    public WebhookDispatcher(Database db, OutboundTargets targets, Options options, Clock clock) {
        this.store = new WebhookStore(Objects.requireNonNull(db, "db"), Objects.requireNonNull(clock, "clock"));
        this.targets = Objects.requireNonNull(targets, "targets");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead to a target never checked
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Queues {@code job.completed} for every endpoint of the client subscribed to it. Never throws
     * and never touches the network: failures (database down, unknown client) are logged and
     * dropped, because a webhook must not fail the job. A second call for the same rid queues nothing new.
     */
    public void jobCompleted(String clientId, String rid, boolean success) {
        try {
            List<WebhookEndpoint> endpoints = store.subscribed(clientId, WebhookEvents.JOB_COMPLETED);
            if (endpoints.isEmpty()) {
                return;
            }
            String body = jobCompletedBody(rid, success);
            for (WebhookEndpoint e : endpoints) {
                store.enqueue(e, WebhookEvents.JOB_COMPLETED, rid, body);
            }
            wake();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the job.completed webhook of job " + rid + " (client " + clientId
                    + "); the job is not affected", e);
        }
    }

    /** {@code {"eventType":"job.completed","data":{"taskId":<rid>,"status":"success"|"failure"}}}. */
    static String jobCompletedBody(String rid, boolean success) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", Objects.requireNonNull(rid, "rid"));
        data.put("status", success ? "success" : "failure");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", WebhookEvents.JOB_COMPLETED);
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings always serialise", e);
        }
    }

    /** Starts polling and sending; a second call does nothing. */
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("This dispatcher is closed");
            }
            if (poller != null) {
                return;
            }
            senders = Executors.newFixedThreadPool(options.maxInFlight(), daemon("anim3d-webhook-send-"));
            poller = Executors.newSingleThreadScheduledExecutor(daemon("anim3d-webhook-poll-"));
            long periodMs = options.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::poll, 0, Math.max(1, periodMs), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops polling, gives running attempts {@link #CLOSE_GRACE} to end, then stops waiting for
     * their answers; their claims are handed back so that another process (or the next start)
     * sends them. Queued rows stay queued. Call it before closing the database.
     */
    @Override
    public void close() {
        ScheduledExecutorService p;
        ExecutorService s;
        synchronized (lifecycle) {
            closed = true;
            p = poller;
            s = senders;
        }
        if (p == null) {
            return;
        }
        p.shutdown(); // no interrupt: a poll in progress finishes its short database work
        s.shutdown();
        try {
            p.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            if (!s.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                cancelling = true;
                exchanges.forEach(x -> x.cancel(true));
                s.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            cancelling = true;
            exchanges.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
        }
    }

    /** Polls now instead of at the next tick (a new event is due at once). */
    private void wake() {
        synchronized (lifecycle) {
            if (poller != null && !closed) {
                try {
                    poller.execute(this::poll);
                } catch (RejectedExecutionException e) {
                    // closing: the queued row waits for the next process
                }
            }
        }
    }

    /** One pass on the poller thread: claim what this process has room for and hand it to the senders. */
    private void poll() {
        if (closed) {
            return;
        }
        try {
            pruneNow();
            reconcileNow();
            int free = options.maxInFlight() - inFlight.get();
            if (free <= 0) {
                return;
            }
            String token = instance + "-" + claims.incrementAndGet();
            long leaseUntil = clock.millis() + options.lease().toMillis();
            // More candidates than room: some may belong to clients already at their share.
            for (WebhookStore.Due due : store.due(free * CANDIDATES_PER_SLOT)) {
                if (free == 0) {
                    break;
                }
                String client = due.delivery().clientId();
                if (inFlightByClient.getOrDefault(client, 0) >= options.maxInFlightPerClient()
                        || !store.claim(due, token, leaseUntil)) {
                    continue;
                }
                free--;
                inFlight.incrementAndGet();
                inFlightByClient.merge(client, 1, Integer::sum);
                try {
                    senders.execute(() -> attempt(due, token));
                } catch (RejectedExecutionException e) {
                    done(client);
                    store.release(due.delivery().id(), token);
                }
            }
            if (lastPollFailed) {
                LOG.info("Webhook deliveries resumed: the queue can be read again");
                lastPollFailed = false;
            }
        } catch (RuntimeException e) {
            if (!lastPollFailed) { // once per outage, not every second
                LOG.log(Level.WARNING, "Cannot read the webhook queue; retrying every " + options.pollInterval(), e);
                lastPollFailed = true;
            }
        }
    }

    private void reconcileNow() {
        long now = clock.millis();
        if (lastReconcileMs != Long.MIN_VALUE && now - lastReconcileMs < RECONCILE_EVERY.toMillis()) {
            return;
        }
        lastReconcileMs = now;
        for (WebhookStore.MissedJob m : store.missedJobEvents(now - RECONCILE_WINDOW.toMillis(), RECONCILE_BATCH)) {
            LOG.info("Queueing the missed job.completed webhook of job " + m.rid());
            jobCompleted(m.clientId(), m.rid(), m.success());
        }
    }

    private void pruneNow() {
        long now = clock.millis();
        if (lastPruneMs != Long.MIN_VALUE && now - lastPruneMs < PRUNE_EVERY.toMillis()) {
            return;
        }
        lastPruneMs = now;
        store.pruneFinished(now - options.keepFinished().toMillis());
    }

    /** One attempt on a sender thread, and its result recorded under the claim. */
    private void attempt(WebhookStore.Due due, String token) {
        WebhookDelivery d = due.delivery();
        try {
            Outcome outcome = send(due);
            if (outcome == null) { // cancelled by close(): another process, or the next start, sends it
                store.release(d.id(), token);
                return;
            }
            if (outcome.delivered()) {
                store.delivered(d.id(), token, outcome.status());
                return;
            }
            int made = d.attempts() + 1;
            Long next = made <= options.backoff().size()
                    ? clock.millis() + options.backoff().get(made - 1).toMillis() : null;
            store.failed(d.id(), token, outcome.status(), outcome.error(), next);
            if (next == null) {
                LOG.warning("Gave up webhook delivery " + d.id() + " of " + d.eventType() + " " + d.subjectId()
                        + " to endpoint " + d.endpointId() + " after " + made + " attempts; last: " + outcome.error());
            } else {
                LOG.fine(() -> "Webhook delivery " + d.id() + " attempt " + made + " failed (" + outcome.error() + ")");
            }
        } catch (RuntimeException e) {
            // The claim expires by itself and the row is tried again; nothing to undo.
            LOG.log(Level.WARNING, "Could not record webhook delivery " + d.id(), e);
        } finally {
            done(d.clientId());
        }
    }

    private void done(String clientId) {
        inFlight.decrementAndGet();
        inFlightByClient.computeIfPresent(clientId, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The attempt itself; null when cancelled by {@link #close}. Nothing of the answer is read but its status. */
    private Outcome send(WebhookStore.Due due) {
        WebhookDelivery d = due.delivery();
        URI uri;
        try {
            uri = targets.check(due.url()).uri();
        } catch (TargetRefusedException e) {
            return new Outcome(false, null, "URL refused: " + e.getMessage());
        }
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(options.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(CLIENT_ID_HEADER, d.clientId())
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(due.secret(), body))
                    .header(DELIVERY_HEADER, d.id())
                    .header(EVENT_HEADER, d.eventType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Outcome(false, null, "URL not usable: " + e.getMessage());
        }
        // Sent asynchronously and awaited here, so that close() can cancel the wait without
        // interrupting this thread (an interrupted thread cannot use H2 or the connection pool).
        CompletableFuture<HttpResponse<InputStream>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        exchanges.add(exchange);
        try {
            HttpResponse<InputStream> response = exchange.get();
            // The body is not awaited: closing its stream at once ends the exchange, so a receiver
            // that trickles an endless answer cannot hold a sender thread.
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the status is what counts
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null);
            }
            String why = status >= 300 && status < 400 ? " (redirects are not followed: register the final URL)" : "";
            return new Outcome(false, status, "HTTP " + status + why);
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            // A cancelled exchange may also end as an IOException("cancelled"): not the receiver's fault.
            return cancelling || exchange.isCancelled() ? null : failure(e.getCause());
        } finally {
            exchanges.remove(exchange);
        }
    }

    /** Why an exchange failed, in words for {@code last_error}. */
    private static Outcome failure(Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return new Outcome(false, null, "No answer in time: " + cause.getMessage());
        }
        if (cause instanceof ConnectException) {
            return new Outcome(false, null, "Cannot connect: "
                    + (cause.getMessage() == null ? "connection refused" : cause.getMessage()));
        }
        return new Outcome(false, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
