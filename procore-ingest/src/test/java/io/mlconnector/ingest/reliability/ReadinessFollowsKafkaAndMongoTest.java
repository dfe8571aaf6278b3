package io.mlconnector.ingest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.ingest.ProcoreIngestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Health that tells the truth: with no broker behind {@code spring.kafka.bootstrap-servers} the service is not ready
 * (its probe answers 503) but alive (200, nothing to gain from a restart); when MongoDB goes away too it stays not
 * ready. Every service gets the same checks from libs/service-support.
 */
@Tag("reliability")
@ExtendWith(NoBlockingCalls.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ProcoreIngestApplication.CONFIG, "spring.kafka.admin.auto-create=false", "mlc.health.cache-for=0s",
        "mlc.health.kafka-timeout=1s", "mlc.ingest.schedule-enabled=false"})
class ReadinessFollowsKafkaAndMongoTest {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final int MONGO_PORT = MONGO.bind().getPort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mlc.tenants.file", ReadinessFollowsKafkaAndMongoTest::emptyTenants);
        registry.add("mlc.tenants.allow-plaintext-secrets", () -> "true");
        registry.add("mlc.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + deadPort());
        registry.add("spring.kafka.properties.schema.registry.url", () -> "inprocess://readiness-test");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @Test
    void brokerDownMeansNotReadyButAlive() {
        await().atMost(Duration.ofSeconds(20)).until(() -> status("/actuator/health/readiness") == 503);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        MONGO.shutdownNow();
        assertThat(status("/actuator/health/readiness")).isEqualTo(503);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        System.out.println("reliability: broker down -> readiness DOWN, liveness UP");
    }

    private int status(String path) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build().get().uri(path).exchange().returnResult(String.class).getStatus().value();
    }

    /** A port nothing listens on (bound, then released). */
    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String emptyTenants() {
        try {
            Path file = Files.createTempFile("procore-ingest-tenants", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "{\"tenants\":[]}").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
