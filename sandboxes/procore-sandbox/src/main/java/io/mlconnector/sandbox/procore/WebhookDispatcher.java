package io.mlconnector.sandbox.procore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends deliveries the way Procore does (Procore docs: webhooks): HTTP POST, JSON, the hook's
 * destination_headers, a timeout; one queue per destination URL, delivered in order; a failure (no connection,
 * non-2xx, timeout) pauses that URL's queue and the head is retried with exponential back-off until it succeeds
 * (which resets the back-off) or the URL has failed for {@link WebhookOptions#discardAfter()}, when its whole queue is
 * discarded. Other URLs are not held up. Sending happens on the dispatcher's own threads, never the server's.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** One event for one hook, waiting to be delivered. */
    record Pending(long hookId, String url, Map<String, String> headers, ObjectNode payload, Instant changedAt) {
    }

    /** The queue of one destination URL. Guarded by the dispatcher's lock. */
    private static final class UrlQueue {
        final Deque<Pending> items = new ArrayDeque<>();
        boolean scheduled;
        int failures;
        int headAttempts;
        Instant failingSince;
    }

    private final WebhookOptions options;
    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final Map<String, UrlQueue> queues = new HashMap<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookDispatcher(WebhookOptions options) {
        this.options = options;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "procore-sandbox-webhooks-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void enqueue(Pending pending) {
        synchronized (this) {
            UrlQueue queue = queues.computeIfAbsent(pending.url(), u -> new UrlQueue());
            queue.items.addLast(pending);
            if (!queue.scheduled) {
                queue.scheduled = true;
                schedule(pending.url(), options.deliveryDelay());
            }
        }
    }

    private void schedule(String url, Duration delay) {
        try {
            executor.schedule(() -> drain(url), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("sandbox closed; delivery to {} dropped", url);
        }
    }

    /** Delivers the URL's queue head after head until it is empty or an attempt fails. */
    private void drain(String url) {
        while (true) {
            Pending head;
            int attempt;
            synchronized (this) {
                UrlQueue queue = queues.get(url);
                head = queue.items.peekFirst();
                if (head == null) {
                    queue.scheduled = false;
                    return;
                }
                attempt = ++queue.headAttempts;
            }
            Instant started = Instant.now();
            Result result = send(head);
            Instant completed = Instant.now();
            synchronized (this) {
                UrlQueue queue = queues.get(url);
                if (result.ok()) {
                    deliveries.add(record(head, attempt, "ok", result, started, completed));
                    queue.items.pollFirst();
                    queue.failures = 0;
                    queue.headAttempts = 0;
                    queue.failingSince = null;
                    continue;
                }
                if (queue.failingSince == null) {
                    queue.failingSince = started;
                }
                deliveries.add(record(head, attempt, "retried", result, started, completed));
                if (Duration.between(queue.failingSince, completed).compareTo(options.discardAfter()) >= 0) {
                    // Procore flushes a URL's queue after 12 h of failure and marks the events discarded (webhooks)
                    for (Pending p : queue.items) {
                        deliveries.add(record(p, 0, "discarded", new Result(0, "discarded after "
                                + options.discardAfter()), completed, completed));
                    }
                    queue.items.clear();
                    queue.failures = 0;
                    queue.headAttempts = 0;
                    queue.failingSince = null;
                    queue.scheduled = false;
                    return;
                }
                Duration backoff = backoff(queue.failures++);
                log.debug("delivery to {} failed ({} {}); retry in {}", url, result.status(), result.error(), backoff);
                schedule(url, backoff);
                return;
            }
        }
    }

    private record Result(int status, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Result send(Pending p) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(p.url()))
                    .timeout(options.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Procore-Webhooks (ml-connector sandbox)")
                    .POST(HttpRequest.BodyPublishers.ofString(SandboxJson.MAPPER.writeValueAsString(p.payload())));
            p.headers().forEach((name, value) -> {
                try {
                    request.header(name, value);
                } catch (IllegalArgumentException restricted) {
                    log.debug("destination header {} cannot be set by the JDK client; skipped", name);
                }
            });
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Result(0, "timeout after " + options.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, "interrupted");
        } catch (Exception e) {
            return new Result(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Duration backoff(int failures) {
        long millis = options.retryBase().toMillis() << Math.min(failures, 30);
        return Duration.ofMillis(Math.min(millis, options.retryMax().toMillis()));
    }

    private static WebhookDelivery record(Pending p, int attempt, String outcome, Result result, Instant started,
                                          Instant completed) {
        ObjectNode payload = p.payload();
        return new WebhookDelivery(payload.path("id").asLong(), payload.path("ulid").asString(), p.hookId(), p.url(),
                payload.path("resource_name").asString(), payload.path("resource_id").asLong(),
                payload.path("event_type").asString(),
                payload.path("project_id").isNull() ? null : payload.path("project_id").asLong(),
                attempt, outcome, result.status(), result.error(), p.changedAt(), started, completed,
                SandboxJson.MAPPER.writeValueAsString(payload));
    }

    List<WebhookDelivery> log() {
        return List.copyOf(deliveries);
    }

    void clearLog() {
        deliveries.clear();
    }

    synchronized int pending() {
        return queues.values().stream().mapToInt(q -> q.items.size()).sum();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

}
