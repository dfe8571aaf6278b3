package io.mlconnector.posting.store;

import static io.mlconnector.posting.store.PostingState.DRAFT_CREATED;
import static io.mlconnector.posting.store.PostingState.MAPPED;
import static io.mlconnector.posting.store.PostingState.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/** Two bc-poster workers pick up the same posting; only one may create the BC draft. */
class PostingTransitionRaceHasOneWinnerTest extends InProcessMongo {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @RepeatedTest(10)
    void exactlyOneOfTwoRacingWorkersWins() throws Exception {
        PostingStateStore store = new PostingStateStore(freshDatabase(), Clock.systemUTC());
        String key = store.begin(PostingStateStoreTest.requisition("r1")).block().postingKey();
        store.transition(key, RECEIVED, MAPPED, null).block();
        CountDownLatch start = new CountDownLatch(1);

        List<Future<TransitionResult>> results = new ArrayList<>();
        for (String worker : List.of("bc-poster-a", "bc-poster-b")) {
            results.add(workers.submit(() -> {
                start.await();
                return store.transition(key, MAPPED, DRAFT_CREATED, f -> f.bcDocumentId(worker)).block();
            }));
        }
        start.countDown();

        List<TransitionResult> outcomes = new ArrayList<>();
        for (Future<TransitionResult> result : results) {
            outcomes.add(result.get(10, TimeUnit.SECONDS));
        }
        assertThat(outcomes).filteredOn(TransitionResult::applied).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r.outcome() == TransitionResult.Outcome.CONFLICT).hasSize(1);
        PostingRecord stored = store.find(key).block();
        String winner = outcomes.stream().filter(TransitionResult::applied).findFirst().orElseThrow().record().bcDocumentId();
        assertThat(stored.bcDocumentId()).isEqualTo(winner);
        assertThat(stored.version()).isEqualTo(2);
    }
}
