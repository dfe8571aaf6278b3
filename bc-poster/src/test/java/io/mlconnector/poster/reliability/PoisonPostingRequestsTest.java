package io.mlconnector.poster.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.BcPosterApplication;
import io.mlconnector.poster.testbed.PosterTestBed;
import io.mlconnector.poster.testbed.PostingRequests;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerializer;
import io.mlconnector.schemas.serde.AvroTrust;
import io.mlconnector.service.kafka.DeadLetters;
import io.mlconnector.service.kafka.PartitionStalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Posting requests must not be skipped, and bad ones must not stop the poster. On one partition, in order: bytes that
 * are not Avro, a well-formed request without a posting key, a request BC keeps refusing with 503, then a good one.
 * The first two are on {@code bc.posting-requests.dlt} at once, byte for byte; the third holds the partition (later
 * versions must not overtake it) and, past the stall bound, readiness is DOWN and {@code mlc.kafka.partition.stalled}
 * reads 1; once BC answers, it posts, the state clears, and the good one posts after it.
 */
@Tag("reliability")
// BlockHound: a blocking call on an event loop (Reactor Netty, Reactor schedulers) fails the test
@org.junit.jupiter.api.extension.ExtendWith(io.mlconnector.testing.NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {BcPosterApplication.CONFIG,
        "mlc.kafka.stall-after=2s", "mlc.poster.max-attempts=1000", "mlc.health.cache-for=0s"})
@EmbeddedKafka(partitions = 1, topics = {Topics.BC_POSTING_REQUESTS, Topics.BC_POSTING_RESULTS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PoisonPostingRequestsTest {

    private static final String REGISTRY = "inprocess://bc-poster-poison-test";
    private static final BcSandbox BC = BcSandbox.start(BcSandboxOptions.builder().demoData().retryAfter(Duration.ZERO)
            .build());
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final int MONGO_PORT = MONGO.bind().getPort();
    private static final Duration BOUND = Duration.ofSeconds(60);

    static {
        AvroTrust.install();
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", PoisonPostingRequestsTest::tenantsFile);
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("mlc.mongodb.database", () -> "bc-poster-poison-test");
        registry.add("spring.kafka.properties.schema.registry.url", () -> REGISTRY);
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
        BC.close();
    }

    @Test
    void badRequestsGoAsideAtOnceAndALongFailingOneStallsVisiblyUntilBcIsBack() throws Exception {
        byte[] garbage = new byte[] {0, 0, 0, 0x7f, 1, 2, 3}; // wire-format header naming a schema id that does not exist
        PostingRequest noKey = PostingRequest.newBuilder(PostingRequests.requisition()).setPostingKey("").build();
        PostingRequest refused = PostingRequests.requisition();
        PostingRequest good = PostingRequests.requisition();
        byte[] noKeyBytes = avro(noKey);
        BC.failNext(1_000_000, 503, path -> path.contains("/purchaseInvoices"));
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> dlt = dltReader()) {
            send(raw, "garbage", garbage);
            send(raw, "no-key", noKeyBytes);
            send(raw, refused.getPostingKey(), avro(refused));
            send(raw, good.getPostingKey(), avro(good));

            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            await().atMost(BOUND).until(() -> {
                dlt.poll(Duration.ofMillis(300)).forEach(letters::add);
                return letters.size() >= 2;
            });
            assertThat(letters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("garbage", "no-key");
            assertThat(letters.get(0).value()).isEqualTo(garbage);
            assertThat(header(letters.get(0), DeadLetters.FAILURE_STAGE)).isEqualTo("DESERIALIZATION");
            assertThat(letters.get(1).value()).isEqualTo(noKeyBytes);
            assertThat(header(letters.get(1), DeadLetters.FAILURE_KIND)).isEqualTo("BAD_DATA");
            assertThat(header(letters.get(1), DeadLetters.FAILURE_STAGE)).isEqualTo("PROCESSING");
            assertThat(header(letters.get(1), DeadLetters.FAILURE_MESSAGE)).contains("no posting key");

            // the refused one holds the partition: stalled, visibly
            await().atMost(BOUND).until(() -> stalledGauge() == 1.0);
            assertThat(status("/actuator/health/readiness")).isEqualTo(503); // Kafka and MongoDB are fine: the stall
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
            assertThat(results()).noneMatch(r -> r.getPostingKey().equals(good.getPostingKey()));

            BC.clearFaults();
            long clearedAt = System.nanoTime();
            await().atMost(BOUND).until(() -> results().stream().anyMatch(r ->
                    r.getPostingKey().equals(good.getPostingKey()) && r.getOutcome() == PostingOutcome.POSTED));
            long tookMs = Duration.ofNanos(System.nanoTime() - clearedAt).toMillis();
            assertThat(results()).anyMatch(r -> r.getPostingKey().equals(refused.getPostingKey())
                    && r.getOutcome() == PostingOutcome.POSTED);
            await().atMost(BOUND).until(() -> stalledGauge() == 0.0);
            assertThat(status("/actuator/health/readiness")).isEqualTo(200);
            System.out.println("reliability: poison records survived topic=" + Topics.BC_POSTING_REQUESTS
                    + " n=2 stalled-then-recovered=1 next-record-processed-ms=" + tookMs);
        }
    }

    private double stalledGauge() {
        var gauge = meters.find(PartitionStalls.GAUGE).tag("topic", Topics.BC_POSTING_REQUESTS).tag("partition", "0")
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private int status(String path) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build().get().uri(path).exchange().returnResult(String.class).getStatus().value();
    }

    private List<PostingResult> results() {
        List<PostingResult> out = new ArrayList<>();
        try (KafkaConsumer<String, PostingResult> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "schema.registry.url", REGISTRY,
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", AvroDeserializer.class.getName(), "avro.value.type", PostingResult.class.getName()))) {
            List<TopicPartition> tps = consumer.partitionsFor(Topics.BC_POSTING_RESULTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    private KafkaConsumer<byte[], byte[]> dltReader() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "dlt-reader", "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(DeadLetters.topicFor(Topics.BC_POSTING_REQUESTS)));
        return consumer;
    }

    private static void send(KafkaProducer<byte[], byte[]> raw, String key, byte[] value) throws Exception {
        raw.send(new ProducerRecord<>(Topics.BC_POSTING_REQUESTS, 0, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }

    private static byte[] avro(PostingRequest request) {
        try (AvroSerializer<PostingRequest> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", REGISTRY), false);
            return serializer.serialize(Topics.BC_POSTING_REQUESTS, request);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String tenantsFile() {
        String json = """
                {"tenants":[{"id":"harbor-ridge","displayName":"Harbor Ridge Builders",
                  "bc":{"aadTenantId":"%s","environment":"Production",
                        "companyId":"%s","clientId":"harbor-ridge-bc-app",
                        "clientSecret":"%s","apiBase":"%s","loginBase":"%s"},
                  "procore":{"companyId":5001234,"clientId":"harbor-ridge-procore",
                        "clientSecret":"procore-sandbox-secret"},
                  "webhookToken":"procore-webhook-token","bcClientState":"bc-client-state",
                  "postingPolicy":{"retainagePayableAccount":"2120","expenseClearingAccount":"2140",
                        "accruedPayrollAccount":"2130","commitmentAccount":"1810","commitmentContraAccount":"1815",
                        "contractValueAccount":"4910","contractValueContraAccount":"4915","journalBatch":"PROCORE",
                        "dimensionCodes":{"project":"PROJECT","costCode":"COSTCODE","costType":"COSTTYPE"}}}]}
                """.formatted(PosterTestBed.BC_TENANT, PosterTestBed.BC_COMPANY, PosterTestBed.BC_CLIENT_SECRET,
                BC.apiBaseUrl(), BC.loginBaseUrl());
        try {
            Path file = Files.createTempFile("bc-poster-tenants", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, json).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
