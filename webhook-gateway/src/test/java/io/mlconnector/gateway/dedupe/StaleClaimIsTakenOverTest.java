package io.mlconnector.gateway.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
        store.createIndexes();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void freshClaimIsInFlightStaleClaimIsTakenOverOnce() {
        DeliveryClaim first = store.claim("t", "01ABC");
        assertThat(first.outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
        assertThat(store.claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.IN_FLIGHT);

        advance(Duration.ofSeconds(16)); // the first owner died without publishing
        DeliveryClaim retry = store.claim("t", "01ABC");
        assertThat(retry.outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
        assertThat(store.claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.IN_FLIGHT);

        // the dead owner's late release must not free the new owner's claim
        store.release(first);
        assertThat(store.claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.IN_FLIGHT);

        store.markPublished(retry);
        advance(Duration.ofHours(1));
        assertThat(store.claim("t", "01ABC").outcome()).isEqualTo(DeliveryClaim.Outcome.DUPLICATE);
    }

    @Test
    void releasedClaimCanBeClaimedAgain() {
        DeliveryClaim claim = store.claim("t", "01DEF");
        store.release(claim);
        assertThat(store.claim("t", "01DEF").outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
    }

    @Test
    void pruneForgetsIdsOlderThanTheRetention() {
        store.markPublished(store.claim("t", "old"));
        advance(Duration.ofDays(1));
        store.markPublished(store.claim("t", "recent"));
        advance(Duration.ofDays(1).plusMinutes(1));

        assertThat(store.prune()).isEqualTo(1);
        assertThat(store.claim("t", "recent").outcome()).isEqualTo(DeliveryClaim.Outcome.DUPLICATE);
        assertThat(store.claim("t", "old").outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
    }

    private void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
