package io.mlconnector.ingest.support;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code procore.cost-documents} from the moment it is opened: {@link #readNew()} returns what arrived since
 * the last call, for one tenant, read up to the end offsets (the publisher waits for the broker's ack, so once a
 * sync has returned everything it published is below them — no sleeping, no guessing).
 */
public final class CostDocumentTopic implements AutoCloseable {

    private final String tenantId;
    private final KafkaConsumer<String, CostDocument> consumer;
    private final List<TopicPartition> partitions;

    public CostDocumentTopic(String bootstrapServers, String tenantId) {
        this.tenantId = tenantId;
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "schema.registry.url", SharedKafka.REGISTRY,
                "avro.value.type", CostDocument.class.getName(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", AvroDeserializer.class.getName(),
                "enable.auto.commit", "false"));
        this.partitions = consumer.partitionsFor(Topics.PROCORE_COST_DOCUMENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve now, so "from the moment it is opened" holds
    }

    /** Everything this tenant published since the previous call. */
    public List<CostDocument> readNew() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<CostDocument> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read up to " + end);
            }
            for (ConsumerRecord<String, CostDocument> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value().getTenantId().equals(tenantId)) {
                    out.add(record.value());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
