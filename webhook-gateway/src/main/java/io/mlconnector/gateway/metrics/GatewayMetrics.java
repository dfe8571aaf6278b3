package io.mlconnector.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The gateway's meters:
 * <ul>
 *   <li>{@code mlc.gateway.deliveries} counter, tags {@code source} (procore | bc), {@code outcome}
 *       (accepted | duplicate | rejected | ignored | unavailable) and {@code reason};</li>
 *   <li>{@code mlc.gateway.publish} timer (time to Kafka's acknowledgement), tags {@code topic} and
 *       {@code result} (ok | failed), with p50/p95/p99.</li>
 * </ul>
 * Tags never carry a tenant id from the URL: unknown ids would make the tag set unbounded.
 */
public final class GatewayMetrics {

    public static final String DELIVERIES = "mlc.gateway.deliveries";
    public static final String PUBLISH = "mlc.gateway.publish";

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void delivery(String source, String outcome, String reason) {
        Counter.builder(DELIVERIES)
                .description("Webhook deliveries by source, outcome and reason")
                .tags("source", source, "outcome", outcome, "reason", reason)
                .register(registry)
                .increment();
    }

    public void published(String topic, Duration latency, boolean ok) {
        Timer.builder(PUBLISH)
                .description("Time from send to Kafka acknowledgement")
                .tags("topic", topic, "result", ok ? "ok" : "failed")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }
}
