package io.mlconnector.bc;

import java.time.Duration;
import java.util.Objects;

/**
 * Client settings. The concurrency cap, the speed limit and the circuit breaker are per BC environment: every client
 * of one environment built on the same {@link BcResilience} shares them (the first client's values win), because BC
 * counts per user per environment: 6,000 requests per 5-minute sliding window and 5 requests processed at once
 * (Microsoft Learn, "API limits in Dynamics 365 Business Central" / "Operational limits for Business Central online").
 *
 * @param maxConcurrentRequests requests in flight per environment (BC processes 5 per user and queues the rest)
 * @param maxRetries            retries after the first attempt, for the failures {@link BcFailurePolicy} retries
 * @param initialBackoff        first backoff when BC sends no Retry-After, doubled per attempt, with jitter
 * @param maxBackoff            cap for one backoff
 * @param maxRetryAfter         cap for one wait that BC asked for with Retry-After
 * @param requestTimeout        per attempt (BC's own operation timeout is 8 minutes)
 * @param lineDimensions        how line dimensions travel (see {@link LineDimensions})
 * @param pageSize              sent as {@code Prefer: odata.maxpagesize}; 0 = server default (20,000)
 * @param speedLimit            requests per {@code speedLimitWindow} per environment (BC: 6,000 per 5 minutes)
 * @param speedLimitWindow      the speed limit's window
 * @param maxQueueWait          how long one request may wait for a free slot under the cap and the speed limit
 * @param circuitBreaker        when to stop calling a failing environment for a while
 */
public record BcClientOptions(int maxConcurrentRequests, int maxRetries, Duration initialBackoff, Duration maxBackoff,
                              Duration maxRetryAfter, Duration requestTimeout, Duration tokenRefreshMargin,
                              LineDimensions lineDimensions, int pageSize, BcCallListener listener,
                              int speedLimit, Duration speedLimitWindow, Duration maxQueueWait,
                              CircuitBreakerOptions circuitBreaker) {

    /**
     * Whether {@code dimensionSetLines} nested inside deep-inserted lines are accepted is UNCONFIRMED on real BC
     * (Microsoft Learn documents deep insert for document lines, not for their dimension set lines). AUTO tries nested
     * first and falls back to separate {@code $batch} requests (remembered for the client's lifetime) when BC refuses
     * the nesting.
     */
    public enum LineDimensions { AUTO, NESTED, SEPARATE_BATCH }

    public BcClientOptions {
        Objects.requireNonNull(initialBackoff);
        Objects.requireNonNull(maxBackoff);
        Objects.requireNonNull(maxRetryAfter);
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(tokenRefreshMargin);
        Objects.requireNonNull(lineDimensions);
        Objects.requireNonNull(speedLimitWindow);
        Objects.requireNonNull(maxQueueWait);
        Objects.requireNonNull(circuitBreaker);
        listener = listener == null ? BcCallListener.NONE : listener;
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
        }
        if (maxRetries < 0 || speedLimit < 1 || speedLimitWindow.isNegative() || speedLimitWindow.isZero()
                || maxQueueWait.isNegative() || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("invalid BC client options: retries must be 0 or more, the speed limit"
                    + " and its window and the first backoff positive");
        }
    }

    public static BcClientOptions defaults() {
        return new BcClientOptions(5, 4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(9), Duration.ofMinutes(5), LineDimensions.AUTO, 0, BcCallListener.NONE,
                6_000, Duration.ofMinutes(5), Duration.ofMinutes(10), CircuitBreakerOptions.defaults());
    }

    public BcClientOptions withMaxConcurrentRequests(int n) {
        return new BcClientOptions(n, maxRetries, initialBackoff, maxBackoff, maxRetryAfter, requestTimeout,
                tokenRefreshMargin, lineDimensions, pageSize, listener, speedLimit, speedLimitWindow, maxQueueWait,
                circuitBreaker);
    }

    public BcClientOptions withRetries(int retries, Duration initial, Duration max) {
        return new BcClientOptions(maxConcurrentRequests, retries, initial, max, maxRetryAfter, requestTimeout,
                tokenRefreshMargin, lineDimensions, pageSize, listener, speedLimit, speedLimitWindow, maxQueueWait,
                circuitBreaker);
    }

    public BcClientOptions withMaxRetryAfter(Duration value) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, value, requestTimeout,
                tokenRefreshMargin, lineDimensions, pageSize, listener, speedLimit, speedLimitWindow, maxQueueWait,
                circuitBreaker);
    }

    public BcClientOptions withRequestTimeout(Duration value) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter, value,
                tokenRefreshMargin, lineDimensions, pageSize, listener, speedLimit, speedLimitWindow, maxQueueWait,
                circuitBreaker);
    }

    public BcClientOptions withLineDimensions(LineDimensions mode) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, mode, pageSize, listener, speedLimit, speedLimitWindow, maxQueueWait,
                circuitBreaker);
    }

    public BcClientOptions withPageSize(int size) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, lineDimensions, size, listener, speedLimit, speedLimitWindow,
                maxQueueWait, circuitBreaker);
    }

    public BcClientOptions withListener(BcCallListener l) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, lineDimensions, pageSize, l, speedLimit, speedLimitWindow,
                maxQueueWait, circuitBreaker);
    }

    public BcClientOptions withSpeedLimit(int requests, Duration window) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, lineDimensions, pageSize, listener, requests, window, maxQueueWait,
                circuitBreaker);
    }

    public BcClientOptions withMaxQueueWait(Duration value) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, lineDimensions, pageSize, listener, speedLimit, speedLimitWindow,
                value, circuitBreaker);
    }

    public BcClientOptions withCircuitBreaker(CircuitBreakerOptions value) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, lineDimensions, pageSize, listener, speedLimit, speedLimitWindow,
                maxQueueWait, value);
    }
}
