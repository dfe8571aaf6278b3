package io.mlconnector.bc;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * The resilience4j registries behind the BC clients of one process: per environment a {@link Bulkhead} (concurrency
 * cap), a {@link RateLimiter} (speed limit) and a {@link CircuitBreaker}; per client the {@link Retry}s that apply
 * {@link BcFailurePolicy}. Clients built on the same instance share their environment's limits; {@link #bindTo}
 * publishes every instance's metrics ({@code resilience4j.*}, tagged by instance name) to Micrometer.
 */
public final class BcResilience {

    /** How often a request waiting for a free slot under the concurrency cap looks again (randomized by half). */
    private static final Duration SLOT_POLL = Duration.ofMillis(50);

    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

    /** Publishes the metrics of every retry, breaker, limiter and bulkhead, present and future, to {@code meters}. */
    public BcResilience bindTo(MeterRegistry meters) {
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(rateLimiters).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        return this;
    }

    public RetryRegistry retries() {
        return retries;
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    public RateLimiterRegistry rateLimiters() {
        return rateLimiters;
    }

    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    /** The guards one client uses: its environment's (shared, first options win) and its own retries. */
    Guards guards(String environment, String client, BcClientOptions options) {
        return new Guards(
                bulkheads.bulkhead(environment, BulkheadConfig.custom()
                        .maxConcurrentCalls(options.maxConcurrentRequests())
                        // never block: the reactor operator only tries; waiting is the slot retry's job
                        .maxWaitDuration(Duration.ZERO)
                        .build()),
                retries.retry(environment + ":slot", RetryConfig.custom()
                        .maxAttempts((int) Math.max(2, Math.min(Integer.MAX_VALUE,
                                options.maxQueueWait().toMillis() / SLOT_POLL.toMillis())))
                        .intervalFunction(IntervalFunction.ofRandomized(SLOT_POLL, 0.5))
                        .retryExceptions(BulkheadFullException.class)
                        .build()),
                rateLimiters.rateLimiter(environment, speedLimit(options)),
                breakers.circuitBreaker(environment, breaker(options.circuitBreaker())),
                retries.retry(client + ":idempotent", retry(options, true)),
                retries.retry(client + ":non-idempotent", retry(options, false)));
    }

    /**
     * BC's speed limit is a 5-minute sliding window. One resilience4j window of 6,000 would let 6,000 requests go at
     * once and up to twice that into one of BC's sliding windows; the same rate in one-second slices (20 a second)
     * never exceeds the limit in any window.
     */
    static RateLimiterConfig speedLimit(BcClientOptions options) {
        long windowMillis = options.speedLimitWindow().toMillis();
        long slices = Math.max(1, Math.min(options.speedLimit(), windowMillis / 1000));
        return RateLimiterConfig.custom()
                .limitForPeriod((int) Math.max(1, options.speedLimit() / slices))
                .limitRefreshPeriod(Duration.ofMillis(Math.max(1, windowMillis / slices)))
                .timeoutDuration(options.maxQueueWait())
                .build();
    }

    private static CircuitBreakerConfig breaker(CircuitBreakerOptions options) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                // LOCK_FREE: the default (SYNCHRONIZED) records each outcome under a ReentrantLock, so two event loops
                // finishing calls at once park one of them; the lock-free window records with atomic updates
                // (https://resilience4j.readme.io/docs/circuitbreaker, sliding window)
                .slidingWindowSynchronizationStrategy(
                        CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .slidingWindowSize(options.slidingWindowSize())
                .minimumNumberOfCalls(options.minimumCalls())
                .failureRateThreshold(options.failureRatePercent())
                .waitDurationInOpenState(options.openFor())
                .permittedNumberOfCallsInHalfOpenState(options.halfOpenCalls())
                .recordException(BcResilience::isServiceFailure)
                .build();
    }

    /** Failures that say BC is unwell (the table's retryable TRANSIENT rows); 429s and refusals say nothing of it. */
    static boolean isServiceFailure(Throwable e) {
        return e instanceof BcApiException b && b.kind() == FailureKind.TRANSIENT
                && b.action() != BcFailurePolicy.Action.FAIL_SPLIT_WORK;
    }

    /**
     * The failure table as the retry's predicate: requests that are safe to repeat retry every retryable row;
     * the others (POST: create, post action, $batch) only where BC did not process them (429, 503).
     */
    private static RetryConfig retry(BcClientOptions options, boolean idempotent) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(options.initialBackoff(), 2.0, 0.5,
                options.maxBackoff());
        return RetryConfig.custom()
                .maxAttempts(options.maxRetries() + 1)
                .retryOnException(e -> e instanceof BcApiException b && switch (b.action()) {
                    case RETRY_HONOURING_RETRY_AFTER -> true;
                    case RETRY_WITH_BACKOFF -> idempotent;
                    case FAIL_SPLIT_WORK, FAIL -> false;
                })
                .intervalBiFunction(retryAfterOr(backoff, options.maxRetryAfter()))
                .build();
    }

    /** Retry-After when BC sent one (capped), else the exponential backoff. */
    static IntervalBiFunction<Object> retryAfterOr(IntervalFunction backoff, Duration cap) {
        return (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof BcApiException e && e.retryAfter() != null) {
                return Math.min(e.retryAfter().toMillis(), cap.toMillis());
            }
            return backoff.apply(attempt);
        };
    }

    record Guards(Bulkhead concurrency, Retry slotWait, RateLimiter speedLimit, CircuitBreaker breaker,
                  Retry idempotent, Retry nonIdempotent) {
    }
}
