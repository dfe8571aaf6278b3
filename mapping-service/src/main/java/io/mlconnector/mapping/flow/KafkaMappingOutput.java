package io.mlconnector.mapping.flow;

import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.mapping.core.MappingOutputPort;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Mapping results to Kafka, waiting for the broker's acknowledgement: a failed send throws, so the listener
 * does not commit the cost document and a re-drive leaves the exception parked — nothing is lost.
 */
public final class KafkaMappingOutput implements MappingOutputPort {

    private final KafkaTemplate<String, SpecificRecord> kafka;

    public KafkaMappingOutput(KafkaTemplate<String, SpecificRecord> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publishPostingRequest(PostingRequest request) {
        send(Topics.BC_POSTING_REQUESTS, EventKeys.of(request.getTenantId(), request.getSourceType(), request.getSourceId()),
                request);
    }

    @Override
    public void publishException(MappingException exception) {
        send(Topics.MAPPING_EXCEPTIONS, EventKeys.of(exception.getTenantId(), exception.getSourceType(),
                exception.getSourceId()), exception);
    }

    private void send(String topic, String key, SpecificRecord value) {
        try {
            kafka.send(topic, key, value).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + key + " to " + topic, e);
        }
    }
}
