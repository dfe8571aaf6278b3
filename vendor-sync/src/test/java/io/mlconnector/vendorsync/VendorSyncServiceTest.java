package io.mlconnector.vendorsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.events.BcNotification;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.sandbox.procore.Resource;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service as deployed, minus the outside world: Spring Boot app on a real port, an in-JVM KRaft broker, a
 * MongoDB-wire server, both sandboxes, and a loopback receiver standing in for the webhook-gateway (handshake
 * echo, clientState check, publish to bc.webhook-events as the gateway does). Guards the wiring: the start-up
 * pass subscribes and reconciles, and a vendor blocked in BC turns inactive in Procore within one notification
 * cycle through Kafka and the listener.
 */
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = VendorSyncApplication.CONFIG)
@EmbeddedKafka(partitions = 1, topics = Topics.BC_WEBHOOK_EVENTS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class VendorSyncServiceTest {

    private static final String REGISTRY = "inprocess://vendor-sync-test";
    private static final BcSandbox BC = BcSandbox.start(BcSandboxOptions.builder().demoData()
            .notificationDelay(Duration.ofMillis(200)).build());
    private static final ProcoreSandbox PROCORE = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(SyncFixture.PROCORE_DATA));
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final int MONGO_PORT = MONGO.bind().getPort();
    private static volatile KafkaProducer<String, BcNotification> producer;
    private static final LoopbackBcReceiver GATEWAY = new LoopbackBcReceiver(SyncFixture.CLIENT_STATE,
            VendorSyncServiceTest::publish);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", VendorSyncServiceTest::tenantsFile);
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("mlc.mongodb.database", () -> "vendor-sync-service-test");
        registry.add("spring.kafka.properties.schema.registry.url", () -> REGISTRY);
        registry.add("mlc.vendor-sync.notification-base-url", GATEWAY::baseUrl);
        registry.add("mlc.vendor-sync.schedule-enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        GATEWAY.close();
        MONGO.shutdownNow();
        PROCORE.close();
        BC.close();
    }

    @Test
    void startUpSubscribesAndReconcilesThenABlockedVendorTurnsInactiveThroughKafka() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(BC.subscriptions()).hasSize(3).allSatisfy(s -> assertThat(s.path("notificationUrl")
                    .asString()).isEqualTo(GATEWAY.baseUrl() + "/webhooks/bc/harbor-ridge"));
            assertThat(BC.subscriptions()).extracting(s -> s.path("resource").asString())
                    .anyMatch(r -> r.endsWith("/vendors")).anyMatch(r -> r.endsWith("/accounts"))
                    .anyMatch(r -> r.endsWith("/dimensions"));
            assertThat(PROCORE.data().all(Resource.VENDORS, SyncFixture.PROCORE_COMPANY))
                    .anySatisfy(v -> assertThat(v.path("name").asString()).isEqualTo("Summit Survey Group"));
        });
        assertThat(GATEWAY.handshakes()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/vendor-sync/tenants/harbor-ridge/report").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.handMade.length()").isEqualTo(2)
                .jsonPath("$.handMade[0].procoreVendorId").isEqualTo(3968031));

        assertThat(purchaseOrdersOnTheTopic()).as("the start-up poll publishes BC's purchase orders")
                .extracting(io.mlconnector.events.BcPurchaseOrderObserved::getTenantId).hasSize(4).containsOnly("harbor-ridge");

        BC.company().setVendorBlocked("V1090", "All");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(GATEWAY.received()).isPositive());
        assertThat(GATEWAY.sinkFailures()).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                PROCORE.data().find(Resource.VENDORS, SyncFixture.PROCORE_COMPANY, 3968009).orElseThrow()
                        .path("is_active").asBoolean()).isFalse());
    }

    private java.util.List<io.mlconnector.events.BcPurchaseOrderObserved> purchaseOrdersOnTheTopic() {
        java.util.List<io.mlconnector.events.BcPurchaseOrderObserved> seen = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String,
                io.mlconnector.events.BcPurchaseOrderObserved>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "po-probe", "auto.offset.reset", "earliest", "schema.registry.url", REGISTRY,
                "avro.value.type", io.mlconnector.events.BcPurchaseOrderObserved.class.getName(),
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                "value.deserializer", io.mlconnector.schemas.serde.AvroDeserializer.class.getName()))) {
            consumer.subscribe(java.util.List.of(Topics.BC_PURCHASE_ORDERS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
                return seen.size() >= 4;
            });
        }
        return seen;
    }

    @BeforeEach
    void connectGatewayToBroker() {
        if (producer == null) {
            // serializers by class name: KafkaProducer configures only those it instantiates itself
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", REGISTRY,
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", AvroSerializer.class.getName()));
        }
    }

    /** What the gateway does with a verified entry (key tenantId|resource, as Topics documents). */
    private static void publish(BcNotification n) {
        producer.send(new ProducerRecord<>(Topics.BC_WEBHOOK_EVENTS, n.getTenantId() + "|" + n.getResource(), n));
        producer.flush();
    }

    private static String tenantsFile() {
        String json = """
                {"tenants":[{"id":"harbor-ridge","displayName":"Harbor Ridge Builders",
                  "bc":{"aadTenantId":"7c1d2e3f-0000-4000-8000-00000000b001","environment":"Production",
                        "companyId":"5a1e0000-0000-4000-8000-0000000c0001","clientId":"harbor-ridge-bc-app",
                        "clientSecret":"bc-sandbox-secret","apiBase":"%s","loginBase":"%s"},
                  "procore":{"companyId":5001234,"clientId":"harbor-ridge-procore",
                        "clientSecret":"procore-sandbox-secret","apiBase":"%s","loginBase":"%s"},
                  "webhookToken":"procore-webhook-token","bcClientState":"%s",
                  "postingPolicy":{"retainagePayableAccount":"2120","expenseClearingAccount":"2140",
                        "accruedPayrollAccount":"2130","commitmentAccount":"1810","commitmentContraAccount":"1815",
                        "contractValueAccount":"4910","contractValueContraAccount":"4915","journalBatch":"PROCORE",
                        "dimensionCodes":{"project":"PROJECT","costCode":"COSTCODE","costType":"COSTTYPE"}}}]}
                """.formatted(BC.apiBaseUrl(), BC.loginBaseUrl(), PROCORE.baseUrl(), PROCORE.baseUrl(),
                SyncFixture.CLIENT_STATE);
        try {
            Path file = Files.createTempFile("vendor-sync-tenants", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, json).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
