package io.mlconnector.gateway.publish;

import io.mlconnector.gateway.http.RejectedDeliveryException;
import io.mlconnector.gateway.http.Rejection;
import io.mlconnector.gateway.metrics.GatewayMetrics;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends one event and completes only when Kafka acknowledged it (acks=all), or fails with
 * {@link Rejection#UNAVAILABLE} after the publish timeout, so the webhook can be answered 503 and retried.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;
    private final GatewayMetrics metrics;

    public EventPublisher(KafkaTemplate<String, Object> kafka, Duration timeout, GatewayMetrics metrics) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    public Mono<Void> publish(String topic, String key, SpecificRecord event) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            // send() blocks for metadata (up to max.block.ms) while the broker is unreachable: not on the event loop
            return Mono.fromFuture(() -> kafka.send(topic, key, event))
                    .subscribeOn(Schedulers.boundedElastic())
                    .timeout(timeout)
                    .doOnSuccess(result -> metrics.published(topic, Duration.ofNanos(System.nanoTime() - started), true))
                    .doOnError(e -> metrics.published(topic, Duration.ofNanos(System.nanoTime() - started), false))
                    .then();
        }).onErrorMap(e -> !(e instanceof RejectedDeliveryException),
                e -> new RejectedDeliveryException(Rejection.UNAVAILABLE,
                        "could not publish to Kafka in time; retry later", e));
    }
}
