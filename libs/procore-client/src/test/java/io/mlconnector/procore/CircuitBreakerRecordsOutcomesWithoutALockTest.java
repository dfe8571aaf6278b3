package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import org.junit.jupiter.api.Test;

/**
 * Every call's outcome is recorded in the company's circuit breaker on the event loop that finished the call. With
 * resilience4j's default window that record takes a lock, so two event loops finishing calls at once parked one of
 * them; the breakers must use the lock-free window.
 */
class CircuitBreakerRecordsOutcomesWithoutALockTest {

    @Test
    void theCompanyBreakerUsesTheLockFreeWindow() {
        ProcoreResilience.Guards guards = new ProcoreResilience().guards("company-1", ProcoreClientOptions.defaults(),
                e -> false, e -> false, (attempt, result) -> 0L, (attempt, result) -> 0L);
        assertThat(guards.breaker().getCircuitBreakerConfig().getSlidingWindowSynchronizationStrategy())
                .isEqualTo(SlidingWindowSynchronizationStrategy.LOCK_FREE);
    }
}
