package io.mlconnector.local;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads what the pipeline concluded — {@code bc.posting-results} and {@code mapping.exceptions}, and the documents and
 * posting requests before them — from the topics themselves, as any subscriber would, keeping the latest event per
 * document (since a given instant, where asked).
 */
final class OutcomeReader {

    private final String bootstrapServers;
    private final SchemaRegistry registry;

    OutcomeReader(String bootstrapServers, SchemaRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    List<PostingResult> postingResultsSince(Instant since) {
        return latestPerKey(Topics.BC_POSTING_RESULTS, new AvroDeserializer<>(PostingResult.class, registry)).values()
                .stream().filter(r -> !r.getCompletedAt().isBefore(since)).toList();
    }

    List<MappingException> parkedSince(Instant since) {
        return latestPerKey(Topics.MAPPING_EXCEPTIONS, new AvroDeserializer<>(MappingException.class, registry)).values()
                .stream().filter(e -> !e.getRaisedAt().isBefore(since))
                .filter(e -> e.getStatus() == ExceptionStatus.PARKED).toList();
    }

    /** The latest cost document, mapping exception, posting request and posting result per document key. */
    DocumentAccounting.Latest latest() {
        return new DocumentAccounting.Latest(
                latestPerKey(Topics.PROCORE_COST_DOCUMENTS, new AvroDeserializer<>(CostDocument.class, registry)),
                latestPerKey(Topics.MAPPING_EXCEPTIONS, new AvroDeserializer<>(MappingException.class, registry)),
                latestPerKey(Topics.BC_POSTING_REQUESTS, new AvroDeserializer<>(PostingRequest.class, registry)),
                latestPerKey(Topics.BC_POSTING_RESULTS, new AvroDeserializer<>(PostingResult.class, registry)));
    }

    static boolean posted(PostingResult result) {
        return result.getOutcome() == PostingOutcome.POSTED;
    }

    private <T extends SpecificRecord> Map<String, T> latestPerKey(String topic, Deserializer<T> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, T> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(500))) {
                    latest.remove(record.key());
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }
}
