package io.mlconnector.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Readiness from the reactive driver: UP while MongoDB answers, cached for a while, DOWN in words when it is gone. */
class MongoHealthAnswersWithoutBlockingTest {

    @Test
    void upThenCachedThenDownOnceTheCacheExpires() {
        MongoServer server = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = server.bind();
        MutableClock clock = new MutableClock(Instant.parse("2026-10-05T14:30:00Z"));
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build())) {
            MongoHealthIndicator indicator = new MongoHealthIndicator(client.getDatabase("health"), Duration.ofSeconds(10),
                    clock);

            Health up = indicator.health().block(Duration.ofSeconds(10));
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("database", "health");

            server.shutdownNow();
            assertThat(indicator.health().block(Duration.ofSeconds(10)).getStatus()).as("cached").isEqualTo(Status.UP);

            clock.advance(Duration.ofSeconds(11));
            Health down = indicator.health().block(Duration.ofSeconds(10));
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(down.getDetails().get("reason")))
                    .contains("MongoDB did not answer a ping").contains("mlc.mongodb.uri");
        } finally {
            server.shutdownNow();
        }
    }
}
