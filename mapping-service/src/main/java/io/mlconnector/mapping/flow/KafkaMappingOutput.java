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

/**
 * Mapping results to Kafka; each Mono completes on the broker's acknowledgement: a failed or timed-out send fails it,
 * so the listener does not commit the cost document and a re-drive leaves the exception parked — nothing is lost.
 */
public final class KafkaMappingOutput implements MappingOutputPort {

    private final KafkaTemplate<String, SpecificRecord> kafka;

    public KafkaMappingOutput(KafkaTemplate<String, SpecificRecord> kafka) {
        this.kafka = kafka;
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
                .timeout(ACK_TIMEOUT)
                .onErrorMap(e -> e instanceof TimeoutException
                        ? new IllegalStateException("could not publish " + key + " to " + topic + ": no acknowledgement"
                                + " from the broker within " + ACK_TIMEOUT.toSeconds() + " s", e)
                        : new IllegalStateException("could not publish " + key + " to " + topic, e))
                .then();
    }
}
