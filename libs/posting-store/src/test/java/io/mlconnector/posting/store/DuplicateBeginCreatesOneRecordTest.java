package io.mlconnector.posting.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook re-delivered while a reconciliation poll sees the same revision: one posting, not several. */
class DuplicateBeginCreatesOneRecordTest extends InProcessMongo {

    private static final int CALLERS = 16;
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void concurrentBeginsOfOneKeyAllGetTheSameStoredRecord() throws Exception {
        MongoDatabase database = freshDatabase();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PostingRecord>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            // One store per caller, like separate service instances sharing the database.
            PostingStateStore store = new PostingStateStore(database, Clock.systemUTC());
            results.add(callers.submit(() -> {
                start.await();
                return store.begin(PostingStateStoreTest.requisition("r1")).block();
            }));
        }
        start.countDown();

        HashSet<PostingRecord> distinct = new HashSet<>();
        for (Future<PostingRecord> result : results) {
            distinct.add(result.get(10, TimeUnit.SECONDS));
        }
        assertThat(distinct).hasSize(1);
        assertThat(count(database, PostingStateStore.COLLECTION)).isEqualTo(1);
    }
}
