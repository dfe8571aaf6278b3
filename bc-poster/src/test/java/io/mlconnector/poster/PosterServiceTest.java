package io.mlconnector.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.metrics.PosterMetrics;
import io.mlconnector.poster.testbed.BcDocuments;
import io.mlconnector.poster.testbed.PosterTestBed;
import io.mlconnector.poster.testbed.PostingRequests;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerializer;
import io.mlconnector.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The service as deployed, minus the outside world: the Boot app on a real port with its own configuration
 * (bc-poster.yml), an in-JVM KRaft broker, a MongoDB-wire server, the BC sandbox. Requests go in on
 * bc.posting-requests, results come out on bc.posting-results; the audit trail and replay are read over HTTP;
 * the meters move.
 */
// BlockHound: a blocking call on an event loop (Reactor Netty, Reactor schedulers) fails the test
@org.junit.jupiter.api.extension.ExtendWith(io.mlconnector.testing.NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BcPosterApplication.CONFIG)
@EmbeddedKafka(partitions = 1, topics = {Topics.BC_POSTING_REQUESTS, Topics.BC_POSTING_RESULTS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PosterServiceTest {

    private static final String REGISTRY = "inprocess://bc-poster-service-test";
    private static final BcSandbox BC = BcSandbox.start(BcSandboxOptions.builder().demoData().retryAfter(Duration.ZERO)
            .build());
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final int MONGO_PORT = MONGO.bind().getPort();
    private static final List<PostingResult> RESULTS = new CopyOnWriteArrayList<>();
    private static volatile KafkaProducer<String, PostingRequest> producer;
    private static volatile Thread resultReader;

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
        registry.add("mlc.tenants.file", PosterServiceTest::tenantsFile);
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("mlc.mongodb.database", () -> "bc-poster-service-test");
        registry.add("spring.kafka.properties.schema.registry.url", () -> REGISTRY);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (resultReader != null) {
            resultReader.interrupt();
            resultReader.join(5_000);
        }
        if (producer != null) {
            producer.close();
        }
        MONGO.shutdownNow();
        BC.close();
    }

    @BeforeEach
    void connect() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", REGISTRY,
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", AvroSerializer.class.getName()));
            resultReader = new Thread(this::readResults, "results-reader");
            resultReader.setDaemon(true);
            resultReader.start();
        }
    }

    @Test
    void postsFromTheTopicThenAuditsReplaysAndCounts() {
        // 1. an invoice through Kafka: POSTED on the results topic, once in BC; one 429 on the way
        PostingRequest invoice = PostingRequests.requisition();
        BC.failNext(1, 429, path -> path.contains("/purchaseInvoices"));
        send(invoice);
        PostingResult posted = awaitResult(invoice.getPostingKey(), PostingOutcome.POSTED);
        assertThat(posted.getBcDocumentNumber()).startsWith("PPI-");
        assertThat(BcDocuments.posted(BC, invoice)).hasSize(1);

        // 2. its audit trail over HTTP: the steps in order, BC's ids, no secret anywhere
        web().get().uri("/api/postings/{key}", invoice.getPostingKey()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("POSTED")
                .jsonPath("$.bcDocumentNumber").isEqualTo(posted.getBcDocumentNumber())
                .jsonPath("$.audit[*].step").isEqualTo(List.of("RECEIVED", "MAPPED", "DRAFT_CREATED", "POST_REQUESTED",
                        "POSTED"))
                .jsonPath("$.audit[2].attributes.bcDocumentId").isEqualTo(posted.getBcDocumentId())
                .jsonPath("$.audit[4].attributes.bcDocumentNumber").isEqualTo(posted.getBcDocumentNumber());
        String audit = web().get().uri("/api/postings/{key}", invoice.getPostingKey()).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(audit).doesNotContain(PosterTestBed.BC_CLIENT_SECRET).doesNotContainIgnoringCase("bearer");

        // 3. replay of a posted one: ALREADY_POSTED, BC not called at all
        BC.clearRequestLog();
        web().post().uri("/api/postings/{key}/replay", invoice.getPostingKey()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.outcome").isEqualTo("ALREADY_POSTED")
                .jsonPath("$.bcCalls").isEqualTo(0)
                .jsonPath("$.bcDocumentNumber").isEqualTo(posted.getBcDocumentNumber());
        assertThat(BC.requestLog()).isEmpty();

        // 4. a blocked vendor parks with BC's message; listed by state; unblocked in BC, replayed: posted once
        PostingRequest blocked = PostingRequests.requisition(PostingRequests.nextSourceId(), "rev-1",
                PostingRequests.DELTA_ID, PostingRequests.DELTA_NUMBER);
        send(blocked);
        PostingResult parked = awaitResult(blocked.getPostingKey(), PostingOutcome.PARKED);
        assertThat(parked.getMessage()).contains("blocked");
        web().get().uri("/api/tenants/{t}/postings?state=PARKED", PosterTestBed.TENANT).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.postingKey == '%s')].lastError".formatted(blocked.getPostingKey()))
                .isEqualTo(List.of(parked.getMessage()));
        BC.company().setVendorBlocked(PostingRequests.DELTA_NUMBER, " ");
        try {
            web().post().uri("/api/postings/{key}/replay", blocked.getPostingKey()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.outcome").isEqualTo("POSTED");
        } finally {
            BC.company().setVendorBlocked(PostingRequests.DELTA_NUMBER, "All");
        }
        assertThat(BcDocuments.posted(BC, blocked)).hasSize(1);
        awaitResult(blocked.getPostingKey(), PostingOutcome.POSTED); // the replay published its result too
        web().get().uri("/api/tenants/{t}/sources/REQUISITION/{id}/audit", PosterTestBed.TENANT, blocked.getSourceId())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].step").value(steps -> assertThat(((List<?>) steps).stream().map(String::valueOf).toList())
                        .containsSubsequence("RECEIVED", "MAPPED", "NOTE", "PARKED", "MAPPED", "DRAFT_CREATED", "POSTED"));

        // 5. the meters moved
        assertThat(postings("POSTED")).isEqualTo(2);
        assertThat(postings("ALREADY_POSTED")).isEqualTo(1);
        assertThat(postings("PARKED")).isEqualTo(1);
        // invoice: draft + post-and-read $batch; blocked one after the fix: lookup + draft + $batch
        assertThat(meters.get(PosterMetrics.BC_CALLS).tag("tenant", PosterTestBed.TENANT).tag("status", "2xx")
                .counter().count()).isGreaterThanOrEqualTo(5);
        assertThat(meters.get(PosterMetrics.BC_CALLS).tag("status", "4xx").counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get(PosterMetrics.BC_THROTTLED).tag("tenant", PosterTestBed.TENANT).counter().count())
                .isEqualTo(1);
        web().get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("mlc_poster_postings_total{", "outcome=\"PARKED\"",
                        "mlc_bc_api_calls_total{", "mlc_bc_api_throttled_total{"));
    }

    @Test
    void unknownPostingIsNotFound() {
        web().get().uri("/api/postings/NO-SUCH-KEY").exchange().expectStatus().isNotFound();
        web().post().uri("/api/postings/NO-SUCH-KEY/replay").exchange().expectStatus().isNotFound();
    }

    private double postings(String outcome) {
        var counter = meters.find(PosterMetrics.POSTINGS).tag("tenant", PosterTestBed.TENANT)
                .tag("kind", "PURCHASE_INVOICE").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebTestClient web() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static void send(PostingRequest request) {
        producer.send(new ProducerRecord<>(Topics.BC_POSTING_REQUESTS,
                request.getTenantId() + "|" + request.getSourceType() + "|" + request.getSourceId(), request));
        producer.flush();
    }

    private static PostingResult awaitResult(String key, PostingOutcome outcome) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> RESULTS.stream()
                .filter(r -> r.getPostingKey().equals(key) && r.getOutcome() == outcome).findFirst().orElse(null),
                r -> r != null);
    }

    private void readResults() {
        try (KafkaConsumer<String, PostingResult> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "schema.registry.url", REGISTRY, "group.id", "results-reader",
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", AvroDeserializer.class.getName(),
                "avro.value.type", PostingResult.class.getName()))) {
            consumer.subscribe(List.of(Topics.BC_POSTING_RESULTS));
            while (!Thread.currentThread().isInterrupted()) {
                List<PostingResult> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(r -> batch.add(r.value()));
                RESULTS.addAll(batch);
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
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
