package io.mlconnector.gateway.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.testing.NoBlockingCalls;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The webhook answer calls the dedupe store on the HTTP event loop, so every store operation must run on a
 * non-blocking thread without blocking it (a blocking driver there stalls every webhook the loop serves). Each
 * operation is started on Reactor's parallel scheduler, which BlockHound watches like an event loop.
 */
@ExtendWith(NoBlockingCalls.class)
class DedupeStoreNeverBlocksAnEventLoopTest {

    private MongoServer server;
    private MongoClient client;
    private DeliveryDedupeStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        store = new DeliveryDedupeStore(client.getDatabase("dedupe"), "deliveries", Duration.ofSeconds(15),
                Duration.ofDays(2), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyStoreOperationRunsOnANonBlockingThread() {
        onEventLoop(store.createIndexes());
        DeliveryClaim claim = onEventLoop(store.claim("t", "01ABC"));
        assertThat(claim.outcome()).isEqualTo(DeliveryClaim.Outcome.CLAIMED);
        assertThat(onEventLoop(store.claim("t", "01ABC")).outcome()).isEqualTo(DeliveryClaim.Outcome.IN_FLIGHT);
        onEventLoop(store.release(claim));
        DeliveryClaim again = onEventLoop(store.claim("t", "01ABC"));
        onEventLoop(store.markPublished(again));
        assertThat(onEventLoop(store.claim("t", "01ABC")).outcome()).isEqualTo(DeliveryClaim.Outcome.DUPLICATE);
        onEventLoop(store.prune());
        onEventLoop(store.ping());
    }

    @Test
    void aBlockingCallOnANonBlockingThreadIsCaught() {
        Mono<Object> sleeps = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return new Object();
        });
        assertThatThrownBy(() -> onEventLoop(sleeps)).hasMessageContaining("Blocking call");
        assertThat(NoBlockingCalls.takeDetected()).singleElement().asString().contains("java.lang.Thread.sleep");
    }

    private static <T> T onEventLoop(Mono<T> operation) {
        return operation.subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));
    }
}
