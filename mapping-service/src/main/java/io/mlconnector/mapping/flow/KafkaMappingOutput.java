package io.mlconnector.mapping.flow;

import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.mapping.core.MappingOutputPort;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Mapping results to Kafka; each Mono completes on the broker's acknowledgement: a failed or timed-out send fails it,
 * so the listener does not commit the cost document and a re-drive leaves the exception parked — nothing is lost.
 */
public final class KafkaMappingOutput implements MappingOutputPort, AutoCloseable {

    private final KafkaTemplate<String, SpecificRecord> kafka;
    /**
     * {@code KafkaProducer.send} returns a future but may first wait, up to {@code max.block.ms}, for the topic's
     * metadata or for room in its buffer (https://kafka.apache.org/documentation/#producerconfigs_max.block.ms). So
     * the send itself is handed to these few threads of its own, never run on an event loop; the acknowledgement is
     * then awaited without holding any thread.
     */
    private final Scheduler sending = Schedulers.newBoundedElastic(4, 10_000, "mapping-kafka-send");

    public KafkaMappingOutput(KafkaTemplate<String, SpecificRecord> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void close() {
        sending.dispose();
    }

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public Mono<Void> publishPostingRequest(PostingRequest request) {
        return send(Topics.BC_POSTING_REQUESTS, EventKeys.of(request.getTenantId(), request.getSourceType(),
                request.getSourceId()), request);
    }

    @Override
    public Mono<Void> publishException(MappingException exception) {
        return send(Topics.MAPPING_EXCEPTIONS, EventKeys.of(exception.getTenantId(), exception.getSourceType(),
                exception.getSourceId()), exception);
    }

    private Mono<Void> send(String topic, String key, SpecificRecord value) {
        return Mono.fromFuture(() -> kafka.send(topic, key, value))
                .subscribeOn(sending)
                .timeout(ACK_TIMEOUT)
                .onErrorMap(e -> e instanceof TimeoutException
                        ? new IllegalStateException("could not publish " + key + " to " + topic + ": no acknowledgement"
                                + " from the broker within " + ACK_TIMEOUT.toSeconds() + " s", e)
                        : new IllegalStateException("could not publish " + key + " to " + topic, e))
                .then();
    }
}
