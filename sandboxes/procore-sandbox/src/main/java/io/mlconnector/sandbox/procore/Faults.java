package io.mlconnector.sandbox.procore;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Fault injection for tests and the local run. Faults apply to API calls under /rest/ only (token requests
 * stay healthy unless a predicate explicitly targets /oauth/). Injected failures are answered before
 * authentication and do not consume rate-limit budget.
 */
public final class Faults {

    /** A scripted failure: answer {@code status} to the next {@code remaining} matching requests. */
    private static final class Failure {
        final int status;
        final Predicate<String> path;
        final AtomicInteger remaining;

        Failure(int status, int count, Predicate<String> path) {
            this.status = status;
            this.remaining = new AtomicInteger(count);
            this.path = path;
        }
    }

    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Predicate<String>> latencyPaths = new AtomicReference<>(p -> true);
    private final TokenStore tokens;

    Faults(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** Delays every /rest/ answer by {@code delay} (Duration.ZERO turns it off). */
    public Faults latency(Duration delay) {
        return latency(delay, p -> true);
    }

    /** Delays answers for paths matching {@code paths}. */
    public Faults latency(Duration delay, Predicate<String> paths) {
        latencyPaths.set(paths);
        latency.set(delay);
        return this;
    }

    /** The next {@code count} /rest/ requests are answered with {@code status} (429, 500, 503...). */
    public Faults failNext(int count, int status) {
        return failNext(count, status, path -> path.startsWith("/rest/"));
    }

    /** Like {@link #failNext(int, int)} but only for paths (without query) the predicate accepts. */
    public Faults failNext(int count, int status, Predicate<String> paths) {
        failures.add(new Failure(status, count, paths));
        return this;
    }

    /** Every issued token stops working now (the next API call gets 401). */
    public Faults expireAllTokens() {
        tokens.expireAll();
        return this;
    }

    public Faults clear() {
        failures.clear();
        latency.set(Duration.ZERO);
        latencyPaths.set(p -> true);
        return this;
    }

    Optional<Integer> takeFailure(String path) {
        for (Failure f : failures) {
            if (f.path.test(path) && f.remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0) {
                return Optional.of(f.status);
            }
        }
        failures.removeIf(f -> f.remaining.get() <= 0);
        return Optional.empty();
    }

    Duration latencyFor(String path) {
        Duration d = latency.get();
        return !d.isZero() && path.startsWith("/rest/") && latencyPaths.get().test(path) ? d : Duration.ZERO;
    }
}
