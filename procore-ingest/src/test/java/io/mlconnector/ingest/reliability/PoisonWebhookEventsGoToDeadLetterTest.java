package io.mlconnector.ingest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ProcoreWebhookEvent;
import io.mlconnector.ingest.ProcoreIngestApplication;
import io.mlconnector.ingest.support.CostDocumentTopic;
import io.mlconnector.ingest.support.IngestFixture;
import io.mlconnector.ingest.support.SharedKafka;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroSerializer;
import io.mlconnector.service.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A webhook event that cannot succeed must not stop webhook-driven ingest. On one partition, in order: bytes that are
 * not Avro, a well-formed event whose v4 resource id is 2^64 (outside Procore's 64-bit ids), an event whose read keeps
 * failing (Procore answers 503), then a good event. The good one is read and published within a bound; the first two
 * are on {@code procore.webhook-events.dlt} at once, byte for byte as consumed, with the failure in the headers; the
 * third after its bounded retry. The dead-letter API lists them and re-drives the third once Procore is back.
 */
@Tag("reliability")
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ProcoreIngestApplication.CONFIG, "mlc.ingest.webhook-retry-for=3s",
        // the breaker is not under test: the failing record alone would otherwise pause the company's reads for 30 s
        "mlc.procore.circuit-breaker.minimum-calls=1000"})
class PoisonWebhookEventsGoToDeadLetterTest {

    static final String TENANT = "harbor-ridge";
    static final ProcoreSandbox PROCORE = ProcoreSandbox.start(IngestFixture.unthrottled(IngestFixture.DEMO_DATA));
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final int MONGO_PORT = MONGO.bind().getPort();
    static final Duration BOUND = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", PoisonWebhookEventsGoToDeadLetterTest::tenantsFile);
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", () -> SharedKafka.REGISTRY);
        registry.add("mlc.ingest.schedule-enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
        PROCORE.close();
    }

    @Test
    void poisonAndLongFailingEventsGoAsideAndTheNextEventIsRead() throws Exception {
        byte[] garbage = "not avro \u0000\u0001 at all".getBytes(StandardCharsets.UTF_8);
        byte[] outOfRange = avro(event("poison-2", "Requisitions", "18446744073709551616"));
        byte[] failing = avro(event("poison-3", "Requisitions", "7300102"));
        byte[] good = avro(event("good-4", "Requisitions", "7300101"));
        PROCORE.faults().failNext(1_000_000, 503, path -> path.contains("/requisitions/7300102"));
        long sentAt;
        try (DeadLetterTopic dlt = new DeadLetterTopic();
             CostDocumentTopic published = new CostDocumentTopic(SharedKafka.bootstrapServers(), TENANT);
             KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                     SharedKafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            sentAt = System.nanoTime();
            for (byte[][] kv : List.of(new byte[][] {key("garbage"), garbage}, new byte[][] {key("poison-2"), outOfRange},
                    new byte[][] {key("poison-3"), failing}, new byte[][] {key("good-4"), good})) {
                raw.send(new ProducerRecord<>(Topics.PROCORE_WEBHOOK_EVENTS, 0, kv[0], kv[1])).get();
            }

            List<CostDocument> read = new ArrayList<>();
            await().atMost(BOUND).until(() -> read.addAll(published.readNew())
                    && read.stream().anyMatch(d -> d.getSourceId().equals("7300101")));
            long tookMs = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();

            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            await().atMost(BOUND).until(() -> {
                letters.addAll(dlt.readNew());
                return letters.size() >= 3;
            });
            letters.sort(java.util.Comparator.comparing(r -> new String(r.key(), StandardCharsets.UTF_8)));
            assertThat(letters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactly(TENANT + "|Requisitions|garbage", TENANT + "|Requisitions|poison-2",
                            TENANT + "|Requisitions|poison-3");
            assertThat(letters.get(0).value()).as("the consumed bytes, unchanged").isEqualTo(garbage);
            assertThat(header(letters.get(0), DeadLetters.FAILURE_KIND)).isEqualTo("BAD_DATA");
            assertThat(header(letters.get(0), DeadLetters.FAILURE_STAGE)).isEqualTo("DESERIALIZATION");
            assertThat(letters.get(1).value()).isEqualTo(outOfRange);
            assertThat(header(letters.get(1), DeadLetters.FAILURE_KIND)).isEqualTo("BAD_DATA");
            assertThat(header(letters.get(1), DeadLetters.FAILURE_STAGE)).isEqualTo("PROCESSING");
            assertThat(header(letters.get(1), DeadLetters.FAILURE_ATTEMPTS)).isEqualTo("1");
            assertThat(header(letters.get(1), DeadLetters.FAILURE_MESSAGE)).contains("18446744073709551616");
            assertThat(letters.get(2).value()).isEqualTo(failing);
            assertThat(header(letters.get(2), DeadLetters.FAILURE_KIND)).isEqualTo("TRANSIENT");
            assertThat(Integer.parseInt(header(letters.get(2), DeadLetters.FAILURE_ATTEMPTS))).isGreaterThan(1);
            assertThat(header(letters.get(2), DeadLetters.FAILURE_CLASS)).isNotBlank();

            // the API shows them and re-drives the long-failing one once Procore answers again
            WebTestClient api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            api.get().uri("/api/dead-letters?topic={t}", Topics.PROCORE_WEBHOOK_EVENTS).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.key == '" + TENANT + "|Requisitions|poison-2')].failureKind").isEqualTo("BAD_DATA");
            PROCORE.faults().clear();
            ConsumerRecord<byte[], byte[]> third = letters.get(2);
            api.post().uri("/api/dead-letters/{t}/{p}/{o}/redrive", third.topic(), third.partition(), third.offset())
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.topic").isEqualTo(Topics.PROCORE_WEBHOOK_EVENTS);
            await().atMost(BOUND).until(() -> read.addAll(published.readNew())
                    && read.stream().anyMatch(d -> d.getSourceId().equals("7300102")));
            api.post().uri("/api/dead-letters/{t}/{p}/{o}/redrive", third.topic(), third.partition(), 999_999)
                    .exchange().expectStatus().isNotFound();
            System.out.println("reliability: poison records survived topic=" + Topics.PROCORE_WEBHOOK_EVENTS
                    + " n=3 next-record-processed-ms=" + tookMs);
        }
    }

    static byte[] key(String id) {
        return (TENANT + "|Requisitions|" + id).getBytes(StandardCharsets.UTF_8);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static ProcoreWebhookEvent event(String deliveryId, String resourceName, String resourceId) {
        return ProcoreWebhookEvent.newBuilder().setTenantId(TENANT).setDeliveryId(deliveryId)
                .setResourceName(resourceName).setResourceId(resourceId).setEventType("update")
                .setCompanyId(IngestFixture.COMPANY).setProjectId(2001001L).setSourceApplicationId(null)
                .setOccurredAt(Instant.now()).setObservedAt(Instant.now()).build();
    }

    static byte[] avro(ProcoreWebhookEvent event) {
        try (AvroSerializer<ProcoreWebhookEvent> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", SharedKafka.REGISTRY), false);
            return serializer.serialize(Topics.PROCORE_WEBHOOK_EVENTS, event);
        }
    }

    /** {@code procore.webhook-events.dlt} from the moment it is opened. */
    static final class DeadLetterTopic implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedKafka.bootstrapServers(), "enable.auto.commit", "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        private final List<TopicPartition> partitions;

        DeadLetterTopic() {
            String topic = DeadLetters.topicFor(Topics.PROCORE_WEBHOOK_EVENTS);
            await().atMost(BOUND).until(() -> !consumer.partitionsFor(topic).isEmpty()); // created by the service
            partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        List<ConsumerRecord<byte[], byte[]>> readNew() {
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
            return out;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    static String tenantsFile() {
        String json = """
                {"tenants":[{"id":"%s","displayName":"Harbor Ridge Builders",
                  "bc":{"aadTenantId":"7c1d2e3f-0000-4000-8000-00000000b001","environment":"Production",
                        "companyId":"5a1e0000-0000-4000-8000-0000000c0001","clientId":"harbor-ridge-bc-app",
                        "clientSecret":"bc-sandbox-secret"},
                  "procore":{"companyId":5001234,"clientId":"harbor-ridge-procore",
                        "clientSecret":"procore-sandbox-secret","apiBase":"%s","loginBase":"%s"},
                  "webhookToken":"procore-webhook-token","bcClientState":"bc-client-state",
                  "postingPolicy":{"retainagePayableAccount":"2120","expenseClearingAccount":"2140",
                        "accruedPayrollAccount":"2130","commitmentAccount":"1810","commitmentContraAccount":"1815",
                        "contractValueAccount":"4910","contractValueContraAccount":"4915","journalBatch":"PROCORE",
                        "dimensionCodes":{"project":"PROJECT","costCode":"COSTCODE","costType":"COSTTYPE"}}}]}
                """.formatted(TENANT, PROCORE.baseUrl(), PROCORE.baseUrl());
        try {
            Path file = Files.createTempFile("procore-ingest-tenants", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, json).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
