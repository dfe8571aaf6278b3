package io.mlconnector.gateway.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An instance that dies between claiming a delivery and publishing it must not make the delivery look like a
 * duplicate forever: Procore's retry takes the stale claim over. Also: release, duplicates, pruning.
 */
class StaleClaimIsTakenOverTest {

    private MongoServer server;
    private MongoClient client;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));
    private DeliveryDedupeStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        store = new DeliveryDedupeStore(client.getDatabase("dedupe"), "deliveries", Duration.ofSeconds(15),
                Duration.ofDays(2), clock);
        store.createIndexes().block();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void freshClaimIsInFlightStaleClaimIsTakenOverOnce() {
        DeliveryClaim first = claim("t", "01ABC");
        assertThat(first.outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
        assertThat(claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.IN_FLIGHT);

        advance(Duration.ofSeconds(16)); // the first owner died without publishing
        DeliveryClaim retry = claim("t", "01ABC");
        assertThat(retry.outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
        assertThat(claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.IN_FLIGHT);

        // the dead owner's late release must not free the new owner's claim
        store.release(first).block();
        assertThat(claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.IN_FLIGHT);

        store.markPublished(retry).block();
        advance(Duration.ofHours(1));
        assertThat(claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.DUPLICATE);
    }

    @Test
    void releasedClaimCanBeClaimedAgain() {
        DeliveryClaim claim = claim("t", "01DEF");
        store.release(claim).block();
        assertThat(claim("t", "01DEF").outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
    }

    @Test
    void pruneForgetsIdsOlderThanTheRetention() {
        store.markPublished(claim("t", "old")).block();
        advance(Duration.ofDays(1));
        store.markPublished(claim("t", "recent")).block();
        advance(Duration.ofDays(1).plusMinutes(1));

        assertThat(store.prune().block()).isEqualTo(1);
        assertThat(claim("t", "recent").outcome()).isEqualTo(DeliveryClaim.Outcome.DUPLICATE);
        assertThat(claim("t", "old").outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
    }

    private DeliveryClaim claim(String tenantId, String deliveryId) {
        return store.claim(tenantId, deliveryId).block();
    }

    private void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
