package io.mlconnector.service.config;

import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.bc.CircuitBreakerOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.bc.*}: how a service's BC clients share one BC environment. The one home of these settings for every
 * service that calls BC (bc-poster, mapping-service, vendor-sync); each enables it beside its own record.
 *
 * @param maxConcurrentRequests requests in flight per BC environment; BC processes at most 5 at a time per user and
 *                              queues or refuses the rest (Microsoft Learn: "API limits in Dynamics 365 Business
 *                              Central")
 * @param circuitBreaker        when calls to an environment that keeps failing pause
 */
@ConfigurationProperties("mlc.bc")
public record BcApiProperties(@DefaultValue("5") int maxConcurrentRequests,
                              @DefaultValue CircuitBreaker circuitBreaker) {

    public BcApiProperties {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("mlc.bc.max-concurrent-requests is " + maxConcurrentRequests
                    + "; set it to at least 1 (BC serves 5 requests of one user at a time)");
        }
    }

    /**
     * @param minimumCalls calls to an environment, in the last max(20, this), before its failure rate can pause calls
     * @param openFor      how long such a pause lasts before trial calls decide whether to resume
     */
    public record CircuitBreaker(@DefaultValue("10") int minimumCalls, @DefaultValue("30s") Duration openFor) {

        public CircuitBreaker {
            if (minimumCalls < 1) {
                throw new IllegalArgumentException("mlc.bc.circuit-breaker.minimum-calls is " + minimumCalls
                        + "; set it to at least 1");
            }
            if (openFor == null || openFor.isNegative() || openFor.isZero()) {
                throw new IllegalArgumentException("mlc.bc.circuit-breaker.open-for is " + openFor
                        + "; set a positive duration such as 30s");
            }
        }
    }

    /** {@code options} with these settings applied. */
    public BcClientOptions applyTo(BcClientOptions options) {
        CircuitBreakerOptions breaker = options.circuitBreaker();
        return options.withMaxConcurrentRequests(maxConcurrentRequests)
                .withCircuitBreaker(new CircuitBreakerOptions(
                        Math.max(breaker.slidingWindowSize(), circuitBreaker.minimumCalls()),
                        circuitBreaker.minimumCalls(), breaker.failureRatePercent(), circuitBreaker.openFor(),
                        breaker.halfOpenCalls()));
    }
}
