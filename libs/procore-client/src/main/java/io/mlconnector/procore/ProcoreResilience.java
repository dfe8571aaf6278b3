package io.mlconnector.procore;

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
import java.util.function.Predicate;

/**
 * The resilience4j registries behind the Procore clients of one process. Per company (one client): a
 * {@link Bulkhead} (concurrency cap), {@link RateLimiter}s for the hourly budget and the spike window, a
 * {@link CircuitBreaker}, and two {@link Retry}s (429s, waited out; transient failures, bounded). {@link #bindTo}
 * publishes their metrics ({@code resilience4j.*}, tagged by instance name) to Micrometer.
 */
public final class ProcoreResilience {

    private static final Duration SLOT_POLL = Duration.ofMillis(50);

    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

    public ProcoreResilience bindTo(MeterRegistry meters) {
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(rateLimiters).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        return this;
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    public RetryRegistry retries() {
        return retries;
    }

    Guards guards(String name, ProcoreClientOptions options, Predicate<Throwable> transientFailure,
                  Predicate<Throwable> rateLimited, IntervalBiFunction<Object> throttleWait,
                  IntervalBiFunction<Object> transientWait) {
        Duration maxWait = options.hourlyWindow();
        RateLimiter spike = options.spikeLimit() == 0 ? null : rateLimiters.rateLimiter(name + ":spike",
                RateLimiterConfig.custom().limitForPeriod(options.spikeLimit())
                        .limitRefreshPeriod(options.spikeWindow()).timeoutDuration(maxWait).build());
        return new Guards(
                bulkheads.bulkhead(name, BulkheadConfig.custom()
                        .maxConcurrentCalls(options.maxConcurrentRequests())
                        .maxWaitDuration(Duration.ZERO) // never block: the slot retry does the waiting
                        .build()),
                retries.retry(name + ":slot", RetryConfig.custom()
                        .maxAttempts((int) Math.min(Integer.MAX_VALUE, Math.max(2, maxWait.toMillis() / SLOT_POLL.toMillis())))
                        .intervalFunction(IntervalFunction.ofRandomized(SLOT_POLL, 0.5))
                        .retryExceptions(BulkheadFullException.class)
                        .build()),
                rateLimiters.rateLimiter(name + ":hourly", RateLimiterConfig.custom()
                        .limitForPeriod(options.hourlyBudget()).limitRefreshPeriod(options.hourlyWindow())
                        .timeoutDuration(maxWait).build()),
                spike,
                breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        // LOCK_FREE: the default (SYNCHRONIZED) records each outcome under a ReentrantLock, so
                        // two event loops finishing calls at once park one of them; the lock-free window records
                        // with atomic updates (https://resilience4j.readme.io/docs/circuitbreaker, sliding window)
                        .slidingWindowSynchronizationStrategy(
                                CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                        .slidingWindowSize(options.circuitBreaker().slidingWindowSize())
                        .minimumNumberOfCalls(options.circuitBreaker().minimumCalls())
                        .failureRateThreshold(options.circuitBreaker().failureRatePercent())
                        .waitDurationInOpenState(options.circuitBreaker().openFor())
                        .permittedNumberOfCallsInHalfOpenState(options.circuitBreaker().halfOpenCalls())
                        .recordException(transientFailure)
                        .build()),
                // Procore's guidance for 429: wait until the reset, then retry; it never says to give up
                retries.retry(name + ":throttled", RetryConfig.custom()
                        .maxAttempts(Integer.MAX_VALUE)
                        .retryOnException(rateLimited)
                        .intervalBiFunction(throttleWait)
                        .build()),
                retries.retry(name + ":transient", RetryConfig.custom()
                        .maxAttempts(options.maxTransientRetries() + 1)
                        .retryOnException(transientFailure)
                        .intervalBiFunction(transientWait)
                        .build()));
    }

    record Guards(Bulkhead concurrency, Retry slotWait, RateLimiter hourly, RateLimiter spike, CircuitBreaker breaker,
                  Retry throttled, Retry transientFailures) {
    }
}
