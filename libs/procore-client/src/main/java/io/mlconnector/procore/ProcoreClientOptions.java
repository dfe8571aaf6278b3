package io.mlconnector.procore;

import java.time.Duration;
import java.util.Objects;

/**
 * Client tuning. Page sizes are explicit on every list call because Procore's defaults are unconfirmed
 * and differ per endpoint (requisitions: 30; v2: 10).
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
 */
public record ProcoreClientOptions(int perPage, int v2PerPage, Duration requestTimeout, int maxTransientRetries,
                                   Duration backoffBase, Duration backoffMax, Duration rateLimitJitterMax,
                                   double pacingReserve, Duration tokenRefreshMargin, int commitmentConcurrency) {

    public ProcoreClientOptions {
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(backoffBase);
        Objects.requireNonNull(backoffMax);
        Objects.requireNonNull(rateLimitJitterMax);
        Objects.requireNonNull(tokenRefreshMargin);
        if (perPage < 1 || v2PerPage < 1 || maxTransientRetries < 0 || pacingReserve < 0 || pacingReserve >= 1
                || commitmentConcurrency < 1) {
            throw new IllegalArgumentException("invalid Procore client options");
        }
    }

    public static ProcoreClientOptions defaults() {
        return new ProcoreClientOptions(100, 100, Duration.ofSeconds(30), 5, Duration.ofMillis(200),
                Duration.ofSeconds(10), Duration.ofMillis(250), 0.2, Duration.ofMinutes(5), 4);
    }

    public ProcoreClientOptions withPerPage(int value) {
        return new ProcoreClientOptions(value, v2PerPage, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency);
    }

    public ProcoreClientOptions withV2PerPage(int value) {
        return new ProcoreClientOptions(perPage, value, requestTimeout, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency);
    }

    public ProcoreClientOptions withRetries(int maxRetries, Duration base, Duration max) {
        return new ProcoreClientOptions(perPage, v2PerPage, requestTimeout, maxRetries, base, max,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency);
    }

    public ProcoreClientOptions withRequestTimeout(Duration value) {
        return new ProcoreClientOptions(perPage, v2PerPage, value, maxTransientRetries, backoffBase, backoffMax,
                rateLimitJitterMax, pacingReserve, tokenRefreshMargin, commitmentConcurrency);
    }
}
