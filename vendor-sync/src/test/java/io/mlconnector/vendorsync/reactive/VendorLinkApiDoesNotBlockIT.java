package io.mlconnector.vendorsync.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.sandbox.procore.Resource;
import io.mlconnector.schemas.Topics;
import io.mlconnector.testing.NoBlockingCalls;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.VendorSyncApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor-link API of the whole service (WebFlux, Kafka, the reactive MongoDB driver on mongo-java-server, both
 * sandboxes) with BlockHound: the links are read, a person links a Procore vendor to another BC vendor (BC, Procore,
 * the link store and {@code vendor.links} in one flow served on the event loop), a refusal, the link conflicts and
 * the report. Any blocking call on an event loop fails the test ({@link NoBlockingCalls}).
 */
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {VendorSyncApplication.CONFIG,
        "mlc.vendor-sync.webhooks-enabled=false", "mlc.vendor-sync.schedule-enabled=false"})
@EmbeddedKafka(partitions = 1, topics = {Topics.BC_WEBHOOK_EVENTS, Topics.VENDOR_LINKS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class VendorLinkApiDoesNotBlockIT {

    private static final String BASE = "/vendor-sync/tenants/harbor-ridge";
    private static final BcSandbox BC = BcSandbox.start(BcSandboxOptions.builder().demoData().build());
    private static final ProcoreSandbox PROCORE = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(SyncFixture.PROCORE_DATA));
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final int MONGO_PORT = MONGO.bind().getPort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", VendorLinkApiDoesNotBlockIT::tenantsFile);
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("mlc.mongodb.database", () -> "vendor-sync-noblock-test");
        registry.add("spring.kafka.properties.schema.registry.url", () -> "inprocess://vendor-sync-noblock-test");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
        PROCORE.close();
        BC.close();
    }

    @Test
    void linksAreReadAndMovedWithoutBlockingAnEventLoop() {
        WebTestClient api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        // the start-up reconciliation links the demo vendors
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.get().uri(BASE + "/vendor-links").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(30));
        String pumpingId = BC.company().addVendor(JsonMapper.builder().build().createObjectNode()
                .put("number", "V1320").put("displayName", "Apex Concrete Pumping")).path("id").asString();

        api.put().uri(BASE + "/vendor-links/3968001").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bcVendorNumber", "V1320")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true)
                .jsonPath("$.previousBcVendorNumber").isEqualTo("V1010")
                .jsonPath("$.link.bcVendorNumber").isEqualTo("V1320");
        assertThat(PROCORE.data().find(Resource.VENDORS, SyncFixture.PROCORE_COMPANY, 3968001).orElseThrow()
                .path("origin_id").asString()).isEqualTo(pumpingId);
        api.get().uri(BASE + "/vendor-links").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.procoreVendorId == 3968001)].bcVendorNumber").isEqualTo("V1320");

        api.put().uri(BASE + "/vendor-links/3968031").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bcVendorNumber", "V9999")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.message").value(m -> assertThat(m.toString()).contains("does not exist"));
        api.get().uri(BASE + "/link-conflicts").exchange().expectStatus().isOk();
        api.get().uri(BASE + "/report").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.handMade.length()").isEqualTo(2);
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
