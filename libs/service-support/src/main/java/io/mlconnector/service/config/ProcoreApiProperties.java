package io.mlconnector.service.config;

import io.mlconnector.procore.CircuitBreakerOptions;
import io.mlconnector.procore.ProcoreClientOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.procore.*}: how procore-ingest's Procore clients read. Checked at start; a wrong value stops the service
 * naming the key.
 *
 * @param perPage        page size of v1 list calls (Procore docs: "Pagination" — at most 100 per page for most lists,
 *                       larger pages are cut to the maximum)
 * @param circuitBreaker when calls to a company that keeps failing pause
 */
@ConfigurationProperties("mlc.procore")
public record ProcoreApiProperties(@DefaultValue("100") int perPage, @DefaultValue CircuitBreaker circuitBreaker) {

    public ProcoreApiProperties {
        if (perPage < 1 || perPage > 1000) {
            throw new IllegalArgumentException("mlc.procore.per-page is " + perPage + "; set 1 to 1000 (100 is Procore's"
                    + " usual maximum)");
        }
    }

    /**
     * @param minimumCalls calls to a company, in the last max(20, this), before its failure rate can pause calls
     * @param openFor      how long such a pause lasts before trial calls decide whether to resume
     */
    public record CircuitBreaker(@DefaultValue("10") int minimumCalls, @DefaultValue("30s") Duration openFor) {

        public CircuitBreaker {
            if (minimumCalls < 1) {
                throw new IllegalArgumentException("mlc.procore.circuit-breaker.minimum-calls is " + minimumCalls
                        + "; set it to at least 1");
            }
            if (openFor == null || openFor.isNegative() || openFor.isZero()) {
                throw new IllegalArgumentException("mlc.procore.circuit-breaker.open-for is " + openFor
                        + "; set a positive duration such as 30s");
            }
        }
    }

    /** {@code options} with these settings applied. */
    public ProcoreClientOptions applyTo(ProcoreClientOptions options) {
        CircuitBreakerOptions breaker = options.circuitBreaker();
        return options.withPerPage(perPage).withCircuitBreaker(new CircuitBreakerOptions(
                Math.max(breaker.slidingWindowSize(), circuitBreaker.minimumCalls()), circuitBreaker.minimumCalls(),
                breaker.failureRatePercent(), circuitBreaker.openFor(), breaker.halfOpenCalls()));
    }
}
