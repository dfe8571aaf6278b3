package io.mlconnector.gateway;

import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what really landed on a topic, from a mark taken earlier, with a real consumer and the project's Avro
 * deserializer: the way a downstream service would see it.
 */
public final class TopicProbe<T extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;
    private final List<TopicPartition> partitions;

    public TopicProbe(String bootstrapServers, String registryUrl, String topic, Class<T> type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        AvroDeserializer<T> values = new AvroDeserializer<>(type);
        values.configure(config, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
    }

    /** The current end of every partition. */
    public Map<TopicPartition, Long> mark() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(10));
    }

    /**
     * Everything after {@code mark}, polling until {@code until} matches a record or {@code timeout} passes. With
     * {@code until} never matching, this reads for the whole timeout (to prove a topic stays empty).
     */
    public List<ConsumerRecord<String, T>> readFrom(Map<TopicPartition, Long> mark, Predicate<T> until,
                                                     Duration timeout) {
        mark.forEach(consumer::seek);
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(100))) {
                records.add(record);
            }
            if (records.stream().anyMatch(r -> until.test(r.value()))) {
                // drain anything that arrived with it
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records;
            }
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
