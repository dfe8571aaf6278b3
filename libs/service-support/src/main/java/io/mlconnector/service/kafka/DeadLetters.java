package io.mlconnector.service.kafka;

import io.mlconnector.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What a consumer does with a record it cannot handle, so that nothing is dropped and no partition stops for good:
 * <ul>
 *   <li>bad data ({@link Failures#BAD_DATA}: unreadable bytes, an unparseable id, a missing field) goes to
 *       {@code <topic>.dlt} at once — no retry can fix it;
 *   <li>a transient failure (BC, Procore, MongoDB or Kafka unavailable) is retried with exponential back-off; records
 *       a reconciliation re-derives (webhook events) go to the dead-letter topic after a bounded time
 *       ({@link #retryThenDeadLetter}); records that must not be skipped (cost documents, posting requests) are retried
 *       until they succeed, holding their partition so later versions cannot overtake them, and the partition is
 *       reported stalled after a bound ({@link PartitionStalls}).
 * </ul>
 * The dead-letter record is exactly what was consumed — the original key and value bytes (services consume raw bytes,
 * {@link RecordDecoder}) and headers — plus Spring Kafka's {@code kafka_dlt-original-*} headers and ours:
 * {@value #FAILURE_KIND}, {@value #FAILURE_STAGE}, {@value #FAILURE_CLASS}, {@value #FAILURE_MESSAGE},
 * {@value #FAILURE_ATTEMPTS}. {@link DeadLetterBrowser} lists and re-drives them.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** {@link Topics#DEAD_LETTER_SUFFIX}: topic names are built in the schemas module only. */
    public static final String SUFFIX = Topics.DEAD_LETTER_SUFFIX;
    public static final String FAILURE_KIND = "mlc-failure-kind";
    public static final String FAILURE_STAGE = "mlc-failure-stage";
    public static final String FAILURE_CLASS = "mlc-failure-class";
    public static final String FAILURE_MESSAGE = "mlc-failure-message";
    public static final String FAILURE_ATTEMPTS = "mlc-failure-attempts";
    private static final int MAX_MESSAGE = 2_000;

    /** The topics the connector's own services consume: only these need a dead-letter topic. */
    public static final List<String> CONSUMED_TOPICS = List.of(
            Topics.PROCORE_WEBHOOK_EVENTS, Topics.BC_WEBHOOK_EVENTS,
            Topics.PROCORE_COST_DOCUMENTS, Topics.BC_POSTING_REQUESTS, Topics.VENDOR_LINKS);

    private DeadLetters() {
    }

    public static String topicFor(String topic) {
        return Topics.deadLetterOf(topic);
    }

    /** The topic a dead-letter topic belongs to. */
    public static String sourceOf(String deadLetterTopic) {
        return Topics.sourceOfDeadLetter(deadLetterTopic);
    }

    /**
     * Publishes a failed record's original bytes to {@code <topic>.dlt} (same partition count is not assumed: the key
     * picks the partition) and tells {@code stalls} the record has left its partition.
     */
    public static ConsumerRecordRecoverer recoverer(ProducerFactory<?, ?> producers, PartitionStalls stalls) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        KafkaTemplate<Object, Object> bytes = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new RawBytesSerializer(), new RawBytesSerializer()));
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(bytes,
                (record, e) -> new TopicPartition(topicFor(record.topic()), -1));
        publisher.setHeadersFunction((record, e) -> failureHeaders(record, e, stalls.attempts(record)));
        return (record, e) -> {
            publisher.accept(record, e);
            stalls.movedAside(record);
            Throwable reported = Failures.reported(e);
            log.warn("record {}-{}@{} moved to {} after {} attempt(s): {} at {}: {}", record.topic(), record.partition(),
                    record.offset(), topicFor(record.topic()), stalls.attempts(record), Failures.kind(e),
                    Failures.stage(e), reported.getMessage());
        };
    }

    static Headers failureHeaders(ConsumerRecord<?, ?> record, Exception e, int attempts) {
        Throwable reported = Failures.reported(e);
        String message = String.valueOf(reported.getMessage());
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(FAILURE_KIND, utf8(Failures.kind(e).name()));
        headers.add(FAILURE_STAGE, utf8(Failures.stage(e).name()));
        headers.add(FAILURE_CLASS, utf8(reported.getClass().getName()));
        headers.add(FAILURE_MESSAGE, utf8(message));
        headers.add(FAILURE_ATTEMPTS, utf8(Integer.toString(attempts)));
        return headers;
    }

    /** Bad data to the dead-letter topic at once; transient failures retried until they succeed (partition held). */
    public static DefaultErrorHandler retryUntilDone(ConsumerRecordRecoverer deadLetters) {
        return handler(deadLetters, backOff(null));
    }

    /** Bad data at once, transient failures after at most {@code giveUpAfter}; for records a reconciliation re-derives. */
    public static DefaultErrorHandler retryThenDeadLetter(ConsumerRecordRecoverer deadLetters, Duration giveUpAfter) {
        return handler(deadLetters, backOff(giveUpAfter));
    }

    /**
     * One handler for a service whose listeners consume both kinds of topic: records of {@code mustNotSkip} topics are
     * retried until they succeed, the others for at most {@code giveUpAfter}; bad data goes aside at once either way.
     */
    public static DefaultErrorHandler perTopic(ConsumerRecordRecoverer deadLetters, java.util.Set<String> mustNotSkip,
                                               Duration giveUpAfter) {
        DefaultErrorHandler handler = handler(deadLetters, backOff(null));
        handler.setBackOffFunction((record, e) -> mustNotSkip.contains(record.topic()) ? backOff(null) : backOff(giveUpAfter));
        return handler;
    }

    /** An error handler that sends {@link Failures#BAD_DATA} to {@code recoverer} without retry, others after {@code backOff}. */
    public static DefaultErrorHandler handler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(Failures.BAD_DATA.toArray(Class[]::new));
        // the first retries are the container's own seeks; log them quietly, the stall gauge and DLT tell the rest
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return handler;
    }

    public static ExponentialBackOff backOff(Duration giveUpAfter) {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        if (giveUpAfter != null) {
            backOff.setMaxElapsedTime(giveUpAfter.toMillis());
        }
        return backOff;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
