package io.mlconnector.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.events.SourceType;
import io.mlconnector.testing.NoBlockingCalls;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The syncs continue on the HTTP client's event loop after each Procore answer, so ingest's store calls must run
 * there without blocking it. Each call is started on Reactor's parallel scheduler, which BlockHound watches like an
 * event loop; the watermark also keeps moving forward only.
 */
@ExtendWith(NoBlockingCalls.class)
class IngestStoresNeverBlockAnEventLoopTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase db;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        db = client.getDatabase("ingest");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void watermarksMoveForwardOnlyWithoutBlocking() {
        WatermarkStore marks = new WatermarkStore(db);
        Instant later = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(onEventLoop(marks.get("t", 1, SourceType.REQUISITION))).isEmpty();
        onEventLoop(marks.advance("t", 1, SourceType.REQUISITION, later));
        onEventLoop(marks.advance("t", 1, SourceType.REQUISITION, later.minusSeconds(60)));
        assertThat(onEventLoop(marks.get("t", 1, SourceType.REQUISITION))).contains(later);
        assertThat(onEventLoop(marks.reset("t"))).isEqualTo(1);
    }

    @Test
    void deletionChecksAndRevisionsWithoutBlocking() {
        DeletionCheckStore checks = new DeletionCheckStore(db);
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        onEventLoop(checks.checked("t", 1, SourceType.REQUISITION, at));
        assertThat(onEventLoop(checks.lastChecked("t", 1, SourceType.REQUISITION))).contains(at);

        PublishedRevisionStore revisions = new PublishedRevisionStore(db);
        assertThat(onEventLoop(revisions.lastPublished("t", SourceType.REQUISITION, "7"))).isEmpty();
        assertThat(onEventLoop(revisions.liveIds("t", SourceType.REQUISITION, 1))).isEmpty();
        assertThat(onEventLoop(revisions.lastDocument("t", SourceType.REQUISITION, "7"))).isEmpty();
        assertThat(onEventLoop(revisions.reset("t"))).isZero();
    }

    private static <T> T onEventLoop(Mono<T> operation) {
        return operation.subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));
    }
}
