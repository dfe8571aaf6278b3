package io.mlconnector.vendorsync;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends to Kafka as a Mono that completes on the broker's acknowledgement (a failed or unacknowledged send fails
 * it). {@code KafkaProducer.send} returns a future but may first wait, up to {@code max.block.ms}, for the topic's
 * metadata or for room in its buffer (https://kafka.apache.org/documentation/#producerconfigs_max.block.ms): so the
 * send itself is handed to a few threads of its own, never run on an event loop, and the acknowledgement is then
 * awaited without holding any thread.
 */
public final class KafkaSends implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Scheduler sending = Schedulers.newBoundedElastic(4, 10_000, "vendor-sync-kafka-send");

    /** @param what the record in words, for the error ("the link of Procore vendor 3968001") */
    public <V> Mono<Void> send(KafkaTemplate<String, V> kafka, String topic, String key, V value, String what) {
        return Mono.fromFuture(() -> kafka.send(topic, key, value))
                .subscribeOn(sending)
                .timeout(ACK_TIMEOUT)
                .onErrorMap(e -> e instanceof TimeoutException
                        ? new IllegalStateException("could not publish " + what + " to " + topic + ": no"
                                + " acknowledgement from the broker within " + ACK_TIMEOUT.toSeconds() + " s", e)
                        : new IllegalStateException("could not publish " + what + " to " + topic, e))
                .then();
    }

    @Override
    public void close() {
        sending.dispose();
    }
}
