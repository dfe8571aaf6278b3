package io.mlconnector.bc;

import java.time.Duration;
import java.util.Objects;

/**
 * Client settings. {@code maxConcurrentRequests} is shared per environment (all clients of one environment in this
 * JVM share one limit; the first client's value wins), matching BC's 5 concurrent requests per user (bc-api.md 6).
 *
 * @param lineDimensions how line dimensions travel (see {@link LineDimensions})
 * @param pageSize       sent as {@code Prefer: odata.maxpagesize}; 0 = server default (20,000)
 */
public record BcClientOptions(int maxConcurrentRequests, int maxRetries, Duration initialBackoff, Duration maxBackoff,
                              Duration maxRetryAfter, Duration requestTimeout, Duration tokenRefreshMargin,
                              LineDimensions lineDimensions, int pageSize, BcCallListener listener) {

    /**
     * Whether {@code dimensionSetLines} nested inside deep-inserted lines are accepted is UNCONFIRMED on real BC
     * (bc-api.md 3.4). AUTO tries nested first and falls back to separate {@code $batch} requests (remembered for
     * the client's lifetime) when BC refuses the nesting.
     */
    public enum LineDimensions { AUTO, NESTED, SEPARATE_BATCH }

    public BcClientOptions {
        Objects.requireNonNull(initialBackoff);
        Objects.requireNonNull(maxBackoff);
        Objects.requireNonNull(maxRetryAfter);
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(tokenRefreshMargin);
        Objects.requireNonNull(lineDimensions);
        listener = listener == null ? BcCallListener.NONE : listener;
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
        }
    }

    public static BcClientOptions defaults() {
        return new BcClientOptions(5, 4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(9), Duration.ofMinutes(5), LineDimensions.AUTO, 0, BcCallListener.NONE);
    }

    public BcClientOptions withMaxConcurrentRequests(int n) {
        return new BcClientOptions(n, maxRetries, initialBackoff, maxBackoff, maxRetryAfter, requestTimeout,
                tokenRefreshMargin, lineDimensions, pageSize, listener);
    }

    public BcClientOptions withRetries(int retries, Duration initial, Duration max) {
        return new BcClientOptions(maxConcurrentRequests, retries, initial, max, maxRetryAfter, requestTimeout,
                tokenRefreshMargin, lineDimensions, pageSize, listener);
    }

    public BcClientOptions withLineDimensions(LineDimensions mode) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, mode, pageSize, listener);
    }

    public BcClientOptions withPageSize(int size) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, lineDimensions, size, listener);
    }

    public BcClientOptions withListener(BcCallListener l) {
        return new BcClientOptions(maxConcurrentRequests, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                requestTimeout, tokenRefreshMargin, lineDimensions, pageSize, l);
    }
}
