package io.mlconnector.bc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import org.junit.jupiter.api.Test;

/**
 * Every call's outcome is recorded in the environment's circuit breaker on the event loop that finished the call.
 * With resilience4j's default window that record takes a lock, so two event loops finishing calls at once parked one
 * of them; the breakers must use the lock-free window.
 */
class CircuitBreakerRecordsOutcomesWithoutALockTest {

    @Test
    void theEnvironmentBreakerUsesTheLockFreeWindow() {
        BcResilience.Guards guards = new BcResilience().guards("production", "client-1", BcClientOptions.defaults());
        assertThat(guards.breaker().getCircuitBreakerConfig().getSlidingWindowSynchronizationStrategy())
                .isEqualTo(SlidingWindowSynchronizationStrategy.LOCK_FREE);
    }
}
