package io.mlconnector.procore;

import java.time.Duration;
import java.util.Objects;

/**
 * When the client stops calling a Procore company that keeps failing (5xx, timeouts, no answer): over the
 * last {@code slidingWindowSize} calls, once at least {@code minimumCalls} were made and {@code failureRatePercent}
 * of them failed, calls pause for {@code openFor}; then {@code halfOpenCalls} trial calls decide whether to resume.
 * 429s and refusals (4xx) are not failures of Procore.
 */
public record CircuitBreakerOptions(int slidingWindowSize, int minimumCalls, float failureRatePercent,
                                    Duration openFor, int halfOpenCalls) {

    public CircuitBreakerOptions {
        Objects.requireNonNull(openFor, "openFor");
        if (slidingWindowSize < 1 || minimumCalls < 1 || halfOpenCalls < 1 || failureRatePercent <= 0
                || failureRatePercent > 100 || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("invalid Procore circuit-breaker options");
        }
    }

    public static CircuitBreakerOptions defaults() {
        return new CircuitBreakerOptions(20, 10, 50f, Duration.ofSeconds(30), 3);
    }
}
