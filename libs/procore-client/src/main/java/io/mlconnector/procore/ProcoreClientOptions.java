package io.mlconnector.procore;

import java.time.Duration;
import java.util.Objects;

/**
 * Client tuning. Page sizes are explicit on every list call because Procore's defaults are unconfirmed
 * and differ per endpoint (requisitions: 30; v2: 10). The limits, the breaker and the retries are per client, that is
 * per company: Procore gives each company its own request budget (Procore developer documentation, "Rate Limiting").
 *
 * @param perPage             v1 per_page (docs advise <= 2000; 100 is safe everywhere)
 * @param v2PerPage           v2 per_page (documented max 100)
 * @param requestTimeout      per attempt
 * @param maxTransientRetries retries for 5xx, timeouts and connection errors (429s are retried without limit)
 * @param backoffBase         first backoff for transient failures, doubled per attempt, with jitter
 * @param backoffMax          cap for one backoff
 * @param rateLimitJitterMax  random extra wait after a rate-limit reset, so callers don't all fire at once
 * @param pacingReserve       fraction of the window's limit below which calls are spread over the time to reset
 * @param tokenRefreshMargin  refresh the token this long before it expires (docs advise refreshing early)
 * @param commitmentConcurrency how many per-document calls (commitment show, CO lines) run at once
 * @param maxConcurrentRequests requests in flight per company (Procore documents no number: a courtesy cap)
 * @param hourlyBudget        requests per {@code hourlyWindow} per company (3,600/h is Procore's last published figure;
 *                            the X-Rate-Limit-* headers still pace within whatever Procore really allows)
 * @param hourlyWindow        the hourly budget's window
 * @param spikeLimit          requests per {@code spikeWindow}; 0 = no ceiling of our own (Procore publishes no spike
 *                            number and says to trust the headers, which pace the spike window)
 * @param spikeWindow         the spike window (Procore: 10 seconds)
 * @param circuitBreaker      when to stop calling a company's Procore that keeps failing, for a while
 */
public record ProcoreClientOptions(int perPage, int v2PerPage, Duration requestTimeout, int maxTransientRetries,
                                   Duration backoffBase, Duration backoffMax, Duration rateLimitJitterMax,
                                   double pacingReserve, Duration tokenRefreshMargin, int commitmentConcurrency,
                                   int maxConcurrentRequests, int hourlyBudget, Duration hourlyWindow,
                                   int spikeLimit, Duration spikeWindow, CircuitBreakerOptions circuitBreaker) {

    public ProcoreClientOptions {
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(backoffBase);
        Objects.requireNonNull(backoffMax);
        Objects.requireNonNull(rateLimitJitterMax);
        Objects.requireNonNull(tokenRefreshMargin);
        Objects.requireNonNull(hourlyWindow);
        Objects.requireNonNull(spikeWindow);
        Objects.requireNonNull(circuitBreaker);
        if (perPage < 1 || v2PerPage < 1 || maxTransientRetries < 0 || pacingReserve < 0 || pacingReserve >= 1
                || commitmentConcurrency < 1 || maxConcurrentRequests < 1 || hourlyBudget < 1 || spikeLimit < 0
                || !positive(hourlyWindow) || !positive(spikeWindow) || !positive(backoffBase)) {
            throw new IllegalArgumentException("invalid Procore client options");
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    public static ProcoreClientOptions defaults() {
        return new ProcoreClientOptions(100, 100, Duration.ofSeconds(30), 5, Duration.ofMillis(200),
                Duration.ofSeconds(10), Duration.ofMillis(250), 0.2, Duration.ofMinutes(5), 4,
                8, 3600, Duration.ofHours(1), 0, Duration.ofSeconds(10), CircuitBreakerOptions.defaults());
    }

    public ProcoreClientOptions withPerPage(int value) {
        return new ProcoreClientOptions(value, v2PerPage, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, maxConcurrentRequests,
                hourlyBudget, hourlyWindow, spikeLimit, spikeWindow, circuitBreaker);
    }

    public ProcoreClientOptions withV2PerPage(int value) {
        return new ProcoreClientOptions(perPage, value, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, maxConcurrentRequests,
                hourlyBudget, hourlyWindow, spikeLimit, spikeWindow, circuitBreaker);
    }

    public ProcoreClientOptions withRetries(int maxRetries, Duration base, Duration max) {
        return new ProcoreClientOptions(perPage, v2PerPage, requestTimeout, maxRetries, base, max,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, maxConcurrentRequests,
                hourlyBudget, hourlyWindow, spikeLimit, spikeWindow, circuitBreaker);
    }

    public ProcoreClientOptions withRequestTimeout(Duration value) {
        return new ProcoreClientOptions(perPage, v2PerPage, value, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, maxConcurrentRequests,
                hourlyBudget, hourlyWindow, spikeLimit, spikeWindow, circuitBreaker);
    }

    public ProcoreClientOptions withMaxConcurrentRequests(int value) {
        return new ProcoreClientOptions(perPage, v2PerPage, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, value,
                hourlyBudget, hourlyWindow, spikeLimit, spikeWindow, circuitBreaker);
    }

    public ProcoreClientOptions withHourlyBudget(int requests, Duration window) {
        return new ProcoreClientOptions(perPage, v2PerPage, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, maxConcurrentRequests,
                requests, window, spikeLimit, spikeWindow, circuitBreaker);
    }

    public ProcoreClientOptions withSpikeLimit(int requests, Duration window) {
        return new ProcoreClientOptions(perPage, v2PerPage, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, maxConcurrentRequests,
                hourlyBudget, hourlyWindow, requests, window, circuitBreaker);
    }

    public ProcoreClientOptions withCircuitBreaker(CircuitBreakerOptions value) {
        return new ProcoreClientOptions(perPage, v2PerPage, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency, maxConcurrentRequests,
                hourlyBudget, hourlyWindow, spikeLimit, spikeWindow, value);
    }
}
