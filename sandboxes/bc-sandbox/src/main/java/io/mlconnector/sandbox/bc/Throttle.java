package io.mlconnector.sandbox.bc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * BC online's per-user limits (operational-limits-online): a speed limit over a sliding window (429 beyond it) and at most N
 * requests processing at once, the rest queued (429 when the queue is full). It also records the highest number of
 * requests a user ever had in flight at once (processing + queued), so tests can check a client's own cap.
 */
final class Throttle {

    private final BcSandboxOptions options;
    private final Clock clock;
    private final Map<String, Deque<Instant>> windows = new HashMap<>();
    private final Map<String, Gate> gates = new HashMap<>();
    private int maxInFlightSeen;

    Throttle(BcSandboxOptions options) {
        this.options = options;
        this.clock = options.clock();
    }

    /** Counts the request against the user's speed limit; false = over the limit (answer 429). */
    synchronized boolean admit(String user) {
        Instant now = clock.instant();
        Deque<Instant> window = windows.computeIfAbsent(user, u -> new ArrayDeque<>());
        Instant start = now.minus(options.speedLimitWindow());
        while (!window.isEmpty() && window.peekFirst().isBefore(start)) {
            window.pollFirst();
        }
        if (window.size() >= options.speedLimitRequests()) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    /** Waits for a processing slot; errors with 429 when the user's queue is full. */
    Mono<Void> acquire(String user) {
        return Mono.create(sink -> {
            synchronized (this) {
                Gate gate = gates.computeIfAbsent(user, u -> new Gate());
                if (gate.queue.size() >= options.maxQueuedPerUser()) {
                    sink.error(new BcError(429, "Application_TooManyRequests",
                            "Too many requests are queued for this user.", Map.of("Retry-After", retryAfterSeconds())));
                    return;
                }
                gate.inFlight++;
                maxInFlightSeen = Math.max(maxInFlightSeen, gate.inFlight);
                gate.maxInFlight = Math.max(gate.maxInFlight, gate.inFlight);
                if (gate.processing < options.maxConcurrentPerUser()) {
                    gate.processing++;
                    sink.success();
                } else {
                    gate.queue.addLast(sink);
                }
            }
        });
    }

    void release(String user) {
        MonoSink<Void> next;
        synchronized (this) {
            Gate gate = gates.get(user);
            gate.inFlight--;
            next = gate.queue.pollFirst();
            if (next == null) {
                gate.processing--;
            }
        }
        if (next != null) {
            next.success();
        }
    }

    String retryAfterSeconds() {
        Duration d = options.retryAfter();
        long seconds = d.toMillis() <= 0 ? 0 : (d.toMillis() + 999) / 1000;
        return String.valueOf(seconds);
    }

    synchronized int maxInFlightSeen() {
        return maxInFlightSeen;
    }

    synchronized void resetStats() {
        maxInFlightSeen = 0;
        gates.values().forEach(g -> g.maxInFlight = g.inFlight);
        windows.clear();
    }

    private static final class Gate {
        int processing;
        int inFlight;
        int maxInFlight;
        final Deque<MonoSink<Void>> queue = new ArrayDeque<>();
    }
}
