package io.mlconnector.localregistry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.CostDocuments;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerdeConfig;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A cost document through a real Kafka broker in a container (KRaft) and back, with the schema registry over
 * HTTP. Skipped without a Docker engine; the same path runs without Docker in local-run's LocalRunOnceIT (a
 * KRaft broker in a child JVM) and in webhook-gateway's tests (spring-kafka's in-JVM KRaft broker).
 */
@Testcontainers(disabledWithoutDocker = true)
class AvroSerdeOverRealKafkaIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void costDocumentRoundTripsThroughABroker() throws Exception {
        try (SchemaRegistryHttpServer registry = SchemaRegistryHttpServer.start(new InProcessSchemaRegistry())) {
            String url = registry.baseUri().toString();
            CostDocument sent = CostDocuments.requisition();
            String key = EventKeys.of(sent.getTenantId(), sent.getSourceType(), sent.getSourceId());
            Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
            // serde instances handed to a client are not configured by it: configure them here
            AvroSerializer<CostDocument> serializer = new AvroSerializer<>();
            serializer.configure(producerConfig, false);
            try (KafkaProducer<String, CostDocument> producer = new KafkaProducer<>(producerConfig,
                    new StringSerializer(), serializer)) {
                producer.send(new ProducerRecord<>(Topics.PROCORE_COST_DOCUMENTS, key, sent)).get(30, TimeUnit.SECONDS);
            }
            Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
            AvroDeserializer<CostDocument> values = new AvroDeserializer<>(CostDocument.class);
            values.configure(consumerConfig, false);
            try (KafkaConsumer<String, CostDocument> consumer = new KafkaConsumer<>(consumerConfig,
                    new StringDeserializer(), values)) {
                consumer.subscribe(List.of(Topics.PROCORE_COST_DOCUMENTS));
                ConsumerRecords<String, CostDocument> records = ConsumerRecords.empty();
                for (int i = 0; i < 30 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofSeconds(1));
                }
                assertThat(records.count()).isEqualTo(1);
                assertThat(records.iterator().next().key()).isEqualTo(key);
                assertThat(records.iterator().next().value()).isEqualTo(sent);
            }
        }
    }
}
