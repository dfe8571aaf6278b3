package io.mlconnector.mapping.reliability;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.events.CostDocument;
import io.mlconnector.mapping.MappingServiceApplication;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.testing.NoBlockingCalls;
import io.mlconnector.mapping.fixtures.SandboxTenants;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroSerializer;
import io.mlconnector.service.kafka.DeadLetters;
import io.mlconnector.service.kafka.PartitionStalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Cost documents must not be skipped, and bad ones must not stop mapping. On one partition: bytes that are not Avro
 * and a well-formed document without a tenant go to {@code procore.cost-documents.dlt} at once, byte for byte. Then
 * MongoDB goes away: the next document keeps failing and holds its partition (a later version must not overtake it);
 * past the stall bound readiness is DOWN and {@code mlc.kafka.partition.stalled} reads 1. MongoDB back: it maps, the
 * document after it too, and the state clears. With BlockHound: nothing blocks an event loop on the way.
 */
@Tag("reliability")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        MappingServiceApplication.CONFIG, "mlc.kafka.stall-after=2s", "mlc.health.cache-for=0s"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PROCORE_COST_DOCUMENTS, Topics.BC_POSTING_REQUESTS,
        Topics.MAPPING_EXCEPTIONS}, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(NoBlockingCalls.class)
class PoisonCostDocumentsIT {

    private static final String REGISTRY = "inprocess://mapping-poison-test";
    private static final BcSandbox BC = BcSandbox.start(BcSandboxOptions.demo());
    private static final MemoryBackend STORE = new MemoryBackend();
    private static MongoServer mongo = new MongoServer(STORE);
    private static final int MONGO_PORT = mongo.bind().getPort();
    private static final Duration BOUND = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", () -> SandboxTenants.harborRidge(BC));
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("mlc.mongodb.database", () -> "mapping-poison-test");
        registry.add("spring.kafka.properties.schema.registry.url", () -> REGISTRY);
        registry.add("mlc.mapping.seed.harbor-ridge", () -> "../demo-data/mapping/harbor-ridge.csv");
    }

    @AfterAll
    static void stop() {
        mongo.shutdownNow();
        BC.close();
    }

    @Test
    void badDocumentsGoAsideAtOnceAndAStoreOutageStallsVisiblyUntilItIsBack() throws Exception {
        byte[] garbage = "garbage".getBytes(StandardCharsets.UTF_8);
        byte[] noTenant = avro(CostDocument.newBuilder(Docs.requisition("9100001", line("r1", "03-300", "S", "500.00")))
                .setTenantId("").build());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> dlt = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                     "group.id", "dlt-reader", "auto.offset.reset", "earliest"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(DeadLetters.topicFor(Topics.PROCORE_COST_DOCUMENTS)));
            send(raw, "garbage", garbage);
            send(raw, "no-tenant", noTenant);
            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            waitUntil(() -> {
                dlt.poll(Duration.ofMillis(300)).forEach(letters::add);
                return letters.size() >= 2;
            });
            letters.sort(java.util.Comparator.comparing(r -> List.of("garbage", "no-tenant")
                    .indexOf(new String(r.key(), StandardCharsets.UTF_8))));
            assertThat(letters.get(0).value()).isEqualTo(garbage);
            assertThat(letters.get(1).value()).isEqualTo(noTenant);
            assertThat(letters).extracting(r -> header(r, DeadLetters.FAILURE_STAGE))
                    .containsExactly("DESERIALIZATION", "PROCESSING");

            mongo.shutdownNow();
            double before = documentsMapped();
            send(raw, "harbor-ridge|REQUISITION|9100002", avro(Docs.requisition("9100002", line("r1", "03-300", "S", "500.00"))));
            send(raw, "harbor-ridge|REQUISITION|9100003", avro(Docs.requisition("9100003", line("r1", "03-300", "S", "700.00"))));
            waitUntil(() -> stalledGauge() == 1.0);
            assertThat(status("/actuator/health/readiness")).isEqualTo(503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
            assertThat(documentsMapped()).isEqualTo(before);

            mongo = new MongoServer(STORE);
            mongo.bind("127.0.0.1", MONGO_PORT);
            long backAt = System.nanoTime();
            waitUntil(() -> documentsMapped() >= before + 2);
            long tookMs = Duration.ofNanos(System.nanoTime() - backAt).toMillis();
            waitUntil(() -> stalledGauge() == 0.0);
            System.out.println("reliability: poison records survived topic=" + Topics.PROCORE_COST_DOCUMENTS
                    + " n=2 stalled-then-recovered=1 next-record-processed-ms=" + tookMs);
        }
    }

    private double documentsMapped() {
        return meters.find("mlc.mapping.documents").tag("tenant", "harbor-ridge").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double stalledGauge() {
        var gauge = meters.find(PartitionStalls.GAUGE).tag("topic", Topics.PROCORE_COST_DOCUMENTS).tag("partition", "0")
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private int status(String path) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build().get().uri(path).exchange().returnResult(String.class).getStatus().value();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + BOUND).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> raw, String key, byte[] value) throws Exception {
        raw.send(new ProducerRecord<>(Topics.PROCORE_COST_DOCUMENTS, 0, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }

    private static byte[] avro(CostDocument document) {
        try (AvroSerializer<CostDocument> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", REGISTRY), false);
            return serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, document);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
