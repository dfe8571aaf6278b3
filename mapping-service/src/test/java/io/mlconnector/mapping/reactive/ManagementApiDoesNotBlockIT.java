package io.mlconnector.mapping.reactive;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.events.CostDocument;
import io.mlconnector.mapping.MappingServiceApplication;
import io.mlconnector.mapping.api.RuleJson;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.testing.NoBlockingCalls;
import io.mlconnector.mapping.fixtures.SandboxTenants;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

/**
 * The whole service (WebFlux, Kafka, the reactive MongoDB driver on mongo-java-server, BC sandbox) with BlockHound:
 * a cost document parks from Kafka, a rule fixed over the API re-drives and publishes it, CSV export and a rejected
 * import, the exceptions queue and an API re-drive job. Any blocking call on an event loop fails the test
 * ({@link NoBlockingCalls}); the first test proves BlockHound is watching in this JVM.
 */
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = MappingServiceApplication.CONFIG)
@EmbeddedKafka(partitions = 1, topics = {Topics.PROCORE_COST_DOCUMENTS, Topics.BC_POSTING_REQUESTS,
        Topics.MAPPING_EXCEPTIONS}, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ManagementApiDoesNotBlockIT {
    private static final String REGISTRY = "inprocess://mapping-noblock-test";
    private static final String BASE = "/api/tenants/harbor-ridge";
    private static final String KEY = "harbor-ridge|REQUISITION|9300001";
    private static final BcSandbox BC = BcSandbox.start(BcSandboxOptions.demo());
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final int MONGO_PORT = MONGO.bind().getPort();
    private static final Duration BOUND = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", () -> SandboxTenants.harborRidge(BC));
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("mlc.mongodb.database", () -> "mapping-noblock-test");
        registry.add("spring.kafka.properties.schema.registry.url", () -> REGISTRY);
        registry.add("mlc.mapping.seed.harbor-ridge", () -> "../demo-data/mapping/harbor-ridge.csv");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
        BC.close();
    }

    @Test
    void blockHoundIsWatchingThisJvm() {
        assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> sleep()).block())
                .hasCauseInstanceOf(BlockingOperationError.class);
        assertThat(NoBlockingCalls.takeDetected()).singleElement().asString().contains("Thread.sleep");
    }

    @Test
    void parkFixReDriveAndTheQueueRunWithoutBlockingAnEventLoop() throws Exception {
        WebTestClient api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        // 04-200/M maps onto 5190, blocked in the demo company: the requisition parks
        publish(Docs.requisition("9300001", line("r1", "04-200", "M", "1000.00", "100.00")));
        waitUntil(() -> api.get().uri(BASE + "/exceptions?status=PARKED").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody().contains(KEY));

        api.put().uri(BASE + "/mapping/rule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new RuleJson(null, "04-200", "M", "5120", Map.of()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.redrive.resolved[0]").isEqualTo(KEY);
        api.get().uri(BASE + "/exceptions/REQUISITION/9300001").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RESOLVED");

        String csv = api.get().uri(BASE + "/mapping/rules.csv").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains(",04-200,M,5120,");
        api.post().uri(BASE + "/mapping/rules.csv").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("project,cost_code,cost_type,gl_account,dimensions\n,,L,5110,\n,04-200,M,5190,\n")
                .exchange().expectStatus().isEqualTo(422);
        api.get().uri(BASE + "/mapping/rules").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        api.get().uri(BASE + "/mapping/vendor-links").exchange().expectStatus().isOk();

        String job = api.post().uri(BASE + "/exceptions/redrive").exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        waitUntil(() -> api.get().uri(BASE + "/redrives/{id}", job).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody().contains("\"DONE\""));
        api.post().uri(BASE + "/exceptions/REQUISITION/404/redrive").exchange().expectStatus().isNotFound();
    }

    private void publish(CostDocument document) throws Exception {
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
             AvroSerializer<CostDocument> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", REGISTRY), false);
            String key = document.getTenantId() + "|" + document.getSourceType() + "|" + document.getSourceId();
            raw.send(new ProducerRecord<>(Topics.PROCORE_COST_DOCUMENTS, key.getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, document))).get();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + BOUND).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
