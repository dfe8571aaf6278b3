package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_CLIENT_STATE;
import static io.mlconnector.gateway.TestTenants.HARBOR_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * With Kafka unreachable, both senders get 503 within their 5-second limit, so they retry, and the Procore
 * delivery's dedupe claim is released, so the retry publishes instead of being taken for a duplicate.
 */
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = WebhookGatewayApplication.CONFIG)
class KafkaDownAnswers503Test {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", () -> TestTenants.FILE.toString());
        registry.add("mlc.encryption-keys", () -> TestTenants.KEYS);
        registry.add("mlc.mongodb.uri", GatewayIntegrationTest::mongoUri);
        registry.add("mlc.mongodb.database", () -> "gateway-kafka-down");
        registry.add("spring.kafka.producer.properties.schema.registry.url", () -> GatewayIntegrationTest.REGISTRY_URL);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
    }

    @Test
    void procoreAndBcGet503FastAndTheProcoreDeliveryStaysRetryable() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        String ulid = ProcorePayloads.ulid();

        long started = System.nanoTime();
        http.post().uri("/webhooks/procore/{t}", HARBOR).header("Authorization", "Bearer " + HARBOR_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ProcorePayloads.v2(ulid, HARBOR_COMPANY, 1))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.reason").isEqualTo("unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));

        try (MongoClient mongo = GatewayIntegrationTest.mongoClient()) {
            long claims = Mono.from(mongo.getDatabase("gateway-kafka-down")
                    .getCollection(GatewayIntegrationTest.DEDUPE_COLLECTION)
                    .countDocuments(Filters.eq("deliveryId", ulid))).block();
            assertThat(claims).as("claim released so Procore's retry publishes").isZero();
        }

        started = System.nanoTime();
        http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"value":[{"subscriptionId":"s1","clientState":"%s",
                          "resource":"api/v2.0/companies(%s)/vendors(1f000000-0000-4000-8000-000000000001)",
                          "changeType":"updated"}]}""".formatted(HARBOR_CLIENT_STATE, TestTenants.HARBOR_BC_COMPANY))
                .exchange()
                .expectStatus().isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
