package io.mlconnector.service.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What a consumer does with a record it cannot handle, so that nothing is ever dropped:
 * <ul>
 *   <li>a record that cannot be read (not Avro, unknown schema id) goes to {@code <topic>.dlt} as its original
 *       bytes, with the reason in the headers — no retry can make it readable, and an SRE can inspect and replay it;
 *   <li>a record whose processing fails (BC, Procore, MongoDB or Kafka briefly unavailable) is retried with
 *       exponential back-off; where the service says so (events a later reconciliation re-derives anyway) it goes to
 *       the dead-letter topic after a bounded time, otherwise it is retried until it succeeds, holding its partition
 *       (later versions of the same document must not overtake it).
 * </ul>
 */
public final class DeadLetters {

    public static final String SUFFIX = ".dlt";

    /** The topics the connector's own services consume: only these need a dead-letter topic. */
    public static final java.util.List<String> CONSUMED_TOPICS = java.util.List.of(
            io.mlconnector.schemas.Topics.PROCORE_WEBHOOK_EVENTS, io.mlconnector.schemas.Topics.BC_WEBHOOK_EVENTS,
            io.mlconnector.schemas.Topics.PROCORE_COST_DOCUMENTS, io.mlconnector.schemas.Topics.BC_POSTING_REQUESTS,
            io.mlconnector.schemas.Topics.VENDOR_LINKS);

    private DeadLetters() {
    }

    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /** Publishes failed records' original bytes to {@code <topic>.dlt} (same partition count is not assumed). */
    public static DeadLetterPublishingRecoverer recoverer(ProducerFactory<?, ?> producers) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // keys are the connector's string keys (tenantId|type|id); values travel as the bytes that came in
        KafkaTemplate<String, byte[]> bytes = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer()));
        return new DeadLetterPublishingRecoverer(bytes, (record, e) -> new TopicPartition(topicFor(record.topic()), -1));
    }

    /** Retry until it works (partition held); unreadable records to the dead-letter topic. */
    public static DefaultErrorHandler retryUntilDone(ConsumerRecordRecoverer deadLetters) {
        return handler(deadLetters, backOff(null));
    }

    /** Retry for at most {@code giveUpAfter}, then the dead-letter topic; for events a reconciliation re-derives. */
    public static DefaultErrorHandler retryThenDeadLetter(ConsumerRecordRecoverer deadLetters, Duration giveUpAfter) {
        return handler(deadLetters, backOff(giveUpAfter));
    }

    private static DefaultErrorHandler handler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(DeserializationException.class);
        return handler;
    }

    private static ExponentialBackOff backOff(Duration giveUpAfter) {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        if (giveUpAfter != null) {
            backOff.setMaxElapsedTime(giveUpAfter.toMillis());
        }
        return backOff;
    }
}
