package io.mlconnector.vendorsync.reliability;

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
import io.mlconnector.service.kafka.DeadLetters;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.VendorSyncApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A BC notification that cannot succeed must not stop vendor-sync. On one partition, in order: bytes that are not
 * Avro, bytes in the wire format naming a schema that does not exist, a vendor notification whose fetch BC keeps
 * refusing (503), then a good collection notification. The good one reaches Procore within a bound; the first two
 * are on {@code bc.webhook-events.dlt} at once, the third after its bounded retry, each byte for byte as consumed.
 * (A well-formed notification naming a resource vendor-sync cannot parse needs nothing and is ignored, not failed.)
 */
@ExtendWith(NoBlockingCalls.class)
@Tag("reliability")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {VendorSyncApplication.CONFIG,
        "mlc.vendor-sync.notification-retry-for=3s", "mlc.vendor-sync.webhooks-enabled=false",
        "mlc.vendor-sync.schedule-enabled=false",
        // the breaker is not under test: the failing vendor alone would otherwise pause the company's calls for 30 s
        "mlc.bc.circuit-breaker.minimum-calls=1000"})
@EmbeddedKafka(partitions = 1, topics = Topics.BC_WEBHOOK_EVENTS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PoisonBcNotificationsGoToDeadLetterTest {

    private static final String REGISTRY = "inprocess://vendor-sync-poison-test";
    private static final BcSandbox BC = BcSandbox.start(BcSandboxOptions.builder().demoData()
            .retryAfter(Duration.ZERO).build());
    private static final ProcoreSandbox PROCORE = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(SyncFixture.PROCORE_DATA));
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final int MONGO_PORT = MONGO.bind().getPort();
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String FAILING_VENDOR = "8f3c2a10-0000-4000-a000-000000000006";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", PoisonBcNotificationsGoToDeadLetterTest::tenantsFile);
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("mlc.mongodb.database", () -> "vendor-sync-poison-test");
        registry.add("spring.kafka.properties.schema.registry.url", () -> REGISTRY);
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
        PROCORE.close();
        BC.close();
    }

    @Test
    void poisonAndLongFailingNotificationsGoAsideAndTheNextOneReachesProcore() throws Exception {
        // the start-up reconciliation links Procore's vendors to BC's
        await().atMost(BOUND).untilAsserted(() -> assertThat(PROCORE.data().all(Resource.VENDORS, SyncFixture.PROCORE_COMPANY))
                .anySatisfy(v -> assertThat(v.path("name").asString()).isEqualTo("Summit Survey Group")));
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchema = new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2};
        byte[] failing = avro(BcNotification.newBuilder().setTenantId("harbor-ridge").setSubscriptionId("s")
                .setResource("api/v2.0/companies(" + SyncFixture.BC_COMPANY + ")/vendors(" + FAILING_VENDOR + ")")
                .setChangeType("updated").setObservedAt(Instant.now()).build());
        BC.company().setVendorBlocked("V1040", "All");
        byte[] good = avro(BcNotification.newBuilder().setTenantId("harbor-ridge").setSubscriptionId("s")
                .setResource("api/v2.0/companies(" + SyncFixture.BC_COMPANY + ")/vendors?$filter=lastModifiedDateTime"
                        + "%20gt%20" + Instant.now().minusSeconds(60))
                .setChangeType("collection").setLastModifiedDateTime(Instant.now()).setObservedAt(Instant.now()).build());
        BC.failNext(1_000_000, 503, path -> path.contains(FAILING_VENDOR));

        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> dlt = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                     "group.id", "dlt-reader", "auto.offset.reset", "earliest"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(DeadLetters.topicFor(Topics.BC_WEBHOOK_EVENTS)));
            long sentAt = System.nanoTime();
            send(raw, "garbage", garbage);
            send(raw, "unknown-schema", unknownSchema);
            send(raw, "failing", failing);
            send(raw, "good", good);

            await().atMost(BOUND).untilAsserted(() -> assertThat(PROCORE.data()
                    .find(Resource.VENDORS, SyncFixture.PROCORE_COMPANY, 3968004).orElseThrow()
                    .path("is_active").asBoolean()).isFalse());
            long tookMs = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();

            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            await().atMost(BOUND).until(() -> {
                dlt.poll(Duration.ofMillis(300)).forEach(letters::add);
                return letters.size() >= 3;
            });
            // the dead-letter topic has its own partitions (the key picks one): order them as they were consumed
            letters.sort(java.util.Comparator.comparing(r -> List.of("garbage", "unknown-schema", "failing")
                    .indexOf(new String(r.key(), StandardCharsets.UTF_8))));
            assertThat(letters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactly("garbage", "unknown-schema", "failing");
            assertThat(letters.get(0).value()).isEqualTo(garbage);
            assertThat(letters.get(1).value()).isEqualTo(unknownSchema);
            assertThat(letters.get(2).value()).isEqualTo(failing);
            assertThat(letters).extracting(r -> header(r, DeadLetters.FAILURE_KIND))
                    .containsExactly("BAD_DATA", "BAD_DATA", "TRANSIENT");
            assertThat(header(letters.get(2), DeadLetters.FAILURE_STAGE)).isEqualTo("PROCESSING");
            System.out.println("reliability: poison records survived topic=" + Topics.BC_WEBHOOK_EVENTS
                    + " n=3 next-record-processed-ms=" + tookMs);
        } finally {
            BC.clearFaults();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> raw, String key, byte[] value) throws Exception {
        raw.send(new ProducerRecord<>(Topics.BC_WEBHOOK_EVENTS, 0, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }

    private static byte[] avro(BcNotification notification) {
        try (AvroSerializer<BcNotification> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", REGISTRY), false);
            return serializer.serialize(Topics.BC_WEBHOOK_EVENTS, notification);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
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
