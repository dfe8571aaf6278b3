package io.mlconnector.posting.store;

import static io.mlconnector.posting.store.PostingState.DRAFT_CREATED;
import static io.mlconnector.posting.store.PostingState.MAPPED;
import static io.mlconnector.posting.store.PostingState.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import reactor.core.publisher.Mono;

/**
 * The posting store's guarantees on a real MongoDB replica set (Testcontainers), where racing upserts and
 * duplicate-key errors behave as in production. Skipped without a Docker engine; the same behaviour is covered
 * against mongo-java-server by PostingStateStoreTest, DuplicateBeginCreatesOneRecordTest and
 * PostingTransitionRaceHasOneWinnerTest, which always run.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostingStoreOnRealMongoDbIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static MongoDatabase fresh(String name) {
        MongoDatabase db = client.getDatabase(name);
        Mono.from(db.drop()).block();
        return db;
    }

    @Test
    void concurrentBeginsStoreOneRecordAndOneTransitionWins() throws Exception {
        PostingStateStore store = new PostingStateStore(fresh("begin_race"), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PostingRecord>> begins = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                begins.add(pool.submit(() -> store.begin(PostingStateStoreTest.requisition("r1")).block()));
            }
            for (Future<PostingRecord> begin : begins) {
                assertThat(begin.get(30, TimeUnit.SECONDS).state()).isEqualTo(RECEIVED);
            }
            String key = begins.get(0).get().postingKey();
            store.transition(key, RECEIVED, MAPPED, null).block();
            List<Future<TransitionResult>> racing = List.of(
                    pool.submit(() -> store.transition(key, MAPPED, DRAFT_CREATED, f -> f.bcDocumentId("a")).block()),
                    pool.submit(() -> store.transition(key, MAPPED, DRAFT_CREATED, f -> f.bcDocumentId("b")).block()));
            long winners = 0;
            for (Future<TransitionResult> r : racing) {
                winners += r.get(30, TimeUnit.SECONDS).applied() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.findBySource("harbor-ridge", "REQUISITION", "7700101").collectList().block()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void auditTrailKeepsOrderAndRedacts() {
        MongoDatabase db = fresh("audit");
        PostingStateStore store = new PostingStateStore(db, Clock.systemUTC());
        AuditTrail audit = new AuditTrail(db, Clock.systemUTC());
        PostingRecord record = store.begin(PostingStateStoreTest.requisition("r2")).block();
        audit.record(AuditEntry.of(record, AuditStep.RECEIVED, "received")).block();
        audit.record(AuditEntry.of(record, AuditStep.NOTE, "token request with client_secret=abc123")).block();
        List<AuditEntry> trail = audit.forPosting(record.postingKey()).collectList().block();
        assertThat(trail).extracting(AuditEntry::step).containsExactly(AuditStep.RECEIVED, AuditStep.NOTE);
        assertThat(trail.get(1).summary()).doesNotContain("abc123");
    }
}
