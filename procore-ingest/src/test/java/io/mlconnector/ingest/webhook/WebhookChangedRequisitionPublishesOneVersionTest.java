package io.mlconnector.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ProcoreWebhookEvent;
import io.mlconnector.ingest.ProcoreIngestApplication;
import io.mlconnector.ingest.metrics.IngestMetrics;
import io.mlconnector.ingest.support.CostDocumentTopic;
import io.mlconnector.ingest.support.IngestFixture;
import io.mlconnector.ingest.support.SharedKafka;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.Resource;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service as deployed, minus the outside world: the Boot app with its built-in defaults, the shared KRaft
 * broker, a MongoDB-wire server and the Procore sandbox. A webhook event for a changed requisition publishes
 * exactly one new version; the same delivery again publishes none. Events go to one partition so the listener
 * handles them in order: a last event for another requisition (under Procore's UI name for the resource, which
 * is accepted beside the API name) marks that the duplicate has been handled.
 */
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ProcoreIngestApplication.CONFIG)
class WebhookChangedRequisitionPublishesOneVersionTest {

    static final String TENANT = "harbor-ridge";
    static final ProcoreSandbox PROCORE = ProcoreSandbox.start(IngestFixture.unthrottled(IngestFixture.DEMO_DATA));
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final int MONGO_PORT = MONGO.bind().getPort();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", WebhookChangedRequisitionPublishesOneVersionTest::tenantsFile);
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
    void aChangedRequisitionPublishesOneNewVersionAndADuplicateDeliveryNone() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/api/tenants/{tenant}/sync?full=true", TENANT).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.published.REQUISITION").isEqualTo(13);
        try (CostDocumentTopic topic = new CostDocumentTopic(SharedKafka.bootstrapServers(), TENANT);
             KafkaProducer<String, ProcoreWebhookEvent> gateway = gateway()) {
            raiseFirstItem(7300101L, "2500.00");
            raiseFirstItem(7300102L, "10.00");
            ProcoreWebhookEvent changed = event("01JDEMO0000000000000000001", "Requisitions", 7300101L);

            send(gateway, changed);
            List<CostDocument> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> published.addAll(topic.readNew()) && !published.isEmpty());
            send(gateway, changed); // the same delivery again (at-least-once)
            send(gateway, event("01JDEMO0000000000000000002", "Subcontractor Invoices", 7300102L));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                published.addAll(topic.readNew());
                return published.stream().anyMatch(d -> d.getSourceId().equals("7300102"));
            });

            assertThat(published).filteredOn(d -> d.getSourceId().equals("7300101")).singleElement().satisfies(d ->
                    assertThat(d.getLines().get(0).getAmount()).isEqualByComparingTo(amountOfFirstItem(7300101L)));
            assertThat(published).extracting(CostDocument::getSourceId).containsExactly("7300101", "7300102");
        }
        assertThat(PROCORE.log().count(r -> r.path().equals("/rest/v1.1/requisitions/7300101"))).as("fetched twice")
                .isEqualTo(2);
        assertThat(meters.get(IngestMetrics.DOCUMENTS_PUBLISHED).tags("tenant", TENANT, "type", "REQUISITION").counter()
                .count()).isEqualTo(15);
        assertThat(meters.get(IngestMetrics.DOCUMENTS_READ).tags("tenant", TENANT, "type", "REQUISITION").counter()
                .count()).isEqualTo(16);
        assertThat(meters.get(IngestMetrics.PROCORE_CALLS).tags("tenant", TENANT, "status_class", "2xx").counter()
                .count()).isEqualTo(PROCORE.log().count(r -> r.path().startsWith("/rest/")));
    }

    static void raiseFirstItem(long requisitionId, String by) {
        PROCORE.data().update(Resource.REQUISITIONS, 2001001, requisitionId, requisition -> {
            ObjectNode item = (ObjectNode) requisition.path("items").get(0);
            item.put("work_completed_this_period",
                    new BigDecimal(item.path("work_completed_this_period").asString()).add(new BigDecimal(by)).toPlainString());
        });
    }

    static BigDecimal amountOfFirstItem(long requisitionId) {
        var item = PROCORE.data().find(Resource.REQUISITIONS, 2001001, requisitionId).orElseThrow().path("items").get(0);
        return new BigDecimal(item.path("work_completed_this_period").asString())
                .add(new BigDecimal(item.path("materials_presently_stored").asString("0")));
    }

    static ProcoreWebhookEvent event(String deliveryId, String resourceName, long requisitionId) {
        return ProcoreWebhookEvent.newBuilder().setTenantId(TENANT).setDeliveryId(deliveryId)
                .setResourceName(resourceName).setResourceId(Long.toString(requisitionId)).setEventType("update")
                .setCompanyId(IngestFixture.COMPANY).setProjectId(2001001L).setSourceApplicationId(null)
                .setOccurredAt(Instant.now()).setObservedAt(Instant.now()).build();
    }

    static KafkaProducer<String, ProcoreWebhookEvent> gateway() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", SharedKafka.bootstrapServers(),
                "schema.registry.url", SharedKafka.REGISTRY,
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", AvroSerializer.class.getName()));
    }

    /** One partition, so the listener sees the events in the order sent. */
    static void send(KafkaProducer<String, ProcoreWebhookEvent> gateway, ProcoreWebhookEvent event) {
        gateway.send(new ProducerRecord<>(Topics.PROCORE_WEBHOOK_EVENTS, 0,
                event.getTenantId() + "|" + event.getResourceName() + "|" + event.getResourceId(), event));
        gateway.flush();
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
