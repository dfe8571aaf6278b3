package io.mlconnector.posting.store;

import io.mlconnector.testing.MutableClock;
import static io.mlconnector.posting.store.PostingState.DRAFT_CREATED;
import static io.mlconnector.posting.store.PostingState.MAPPED;
import static io.mlconnector.posting.store.PostingState.PARKED;
import static io.mlconnector.posting.store.PostingState.POSTED;
import static io.mlconnector.posting.store.PostingState.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PostingStateStoreTest extends InProcessMongo {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T14:30:00.123456Z"));
    private MongoDatabase database;
    private PostingStateStore store;

    @BeforeEach
    void setUp() {
        database = freshDatabase();
        store = new PostingStateStore(database, clock);
    }

    static PostingRecord requisition(String revision) {
        return PostingRecord.received("harbor-ridge|REQUISITION|7700101|" + revision, "harbor-ridge", "REQUISITION",
                "7700101", revision, "PURCHASE_INVOICE");
    }

    @Test
    void beginStoresReceivedAndReturnsTheStoredRecordOnRepeat() {
        PostingRecord first = store.begin(requisition("r1")).block();
        clock.advance(Duration.ofMinutes(5));
        PostingRecord again = store.begin(requisition("r1")).block();

        assertThat(first.state()).isEqualTo(RECEIVED);
        assertThat(first.version()).isZero();
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-10-05T14:30:00.123Z"));
        assertThat(again).isEqualTo(first);
        assertThat(store.find(first.postingKey()).block()).isEqualTo(first);
        assertThat(count(database, "postings")).isEqualTo(1);
    }

    @Test
    void walksTheHappyPathRecordingWhatEachStepLearned() {
        String key = store.begin(requisition("r1")).block().postingKey();

        assertThat(store.transition(key, RECEIVED, MAPPED, f -> f.documentKind("PURCHASE_INVOICE")).block().applied()).isTrue();
        clock.advance(Duration.ofSeconds(2));
        TransitionResult draft = store.transition(key, MAPPED, DRAFT_CREATED,
                f -> f.bcDocumentId("0f6c1a2e-0000-4000-8000-000000000001")).block();
        TransitionResult posted = store.transition(draft.record(), POSTED, f -> f.bcDocumentNumber("PPINV-108001")).block();

        assertThat(posted.applied()).isTrue();
        PostingRecord record = posted.record();
        assertThat(record.state()).isEqualTo(POSTED);
        assertThat(record.bcDocumentId()).isEqualTo("0f6c1a2e-0000-4000-8000-000000000001");
        assertThat(record.bcDocumentNumber()).isEqualTo("PPINV-108001");
        assertThat(record.version()).isEqualTo(3);
        assertThat(record.updatedAt()).isAfter(record.createdAt());
        assertThat(store.find(key).block()).isEqualTo(record);
    }

    @Test
    void aStaleExpectedStateIsAConflictThatLeavesTheRecordAlone() {
        String key = store.begin(requisition("r1")).block().postingKey();
        store.transition(key, RECEIVED, MAPPED, null).block();

        TransitionResult stale = store.transition(key, RECEIVED, PARKED, f -> f.lastError("unknown cost code")).block();

        assertThat(stale.outcome()).isEqualTo(TransitionResult.Outcome.CONFLICT);
        assertThat(stale.record().state()).isEqualTo(MAPPED);
        assertThat(stale.record().lastError()).isNull();
    }

    @Test
    void aStaleVersionIsAConflictEvenWhenTheStateMatchesAgain() {
        PostingRecord seen = store.transition(store.begin(requisition("r1")).block().postingKey(), RECEIVED, MAPPED, null).block().record();
        // Another worker parks it and it is re-driven back to MAPPED: same state, newer version (ABA).
        store.transition(seen.postingKey(), MAPPED, PARKED, f -> f.lastError("VENDOR_NOT_LINKED")).block();
        store.transition(seen.postingKey(), PARKED, MAPPED, f -> f.clearLastError().resetAttempts()).block();

        TransitionResult result = store.transition(seen, DRAFT_CREATED, null).block();

        assertThat(result.outcome()).isEqualTo(TransitionResult.Outcome.CONFLICT);
        assertThat(result.record().version()).isEqualTo(seen.version() + 2);
    }

    @Test
    void nothingIsSentToMongoDbUntilSubscribed() {
        store.begin(requisition("r1")); // assembled, never subscribed

        assertThat(count(database, "postings")).isZero();
        StepVerifier.create(store.begin(requisition("r1")))
                .assertNext(stored -> assertThat(stored.state()).isEqualTo(RECEIVED))
                .verifyComplete();
        assertThat(count(database, "postings")).isEqualTo(1);
    }

    @Test
    void aTransitionOutsideTheTableIsRefusedBeforeTouchingTheStore() {
        String key = store.begin(requisition("r1")).block().postingKey();

        assertThatThrownBy(() -> store.transition(key, RECEIVED, POSTED, null).block())
                .isInstanceOf(IllegalPostingTransitionException.class)
                .hasMessageContaining("RECEIVED -> POSTED");
        assertThatThrownBy(() -> store.transition(key, POSTED, MAPPED, null).block())
                .isInstanceOf(IllegalPostingTransitionException.class);
        assertThat(store.find(key).block().version()).isZero();
    }

    @Test
    void anUnknownKeyIsNotFound() {
        assertThat(store.transition("nope", RECEIVED, MAPPED, null).block().outcome())
                .isEqualTo(TransitionResult.Outcome.NOT_FOUND);
        assertThat(store.find("nope").block()).isNull();
    }

    @Test
    void findsEveryRevisionOfASourceNewestFirst() {
        PostingRecord r1 = store.begin(requisition("r1")).block();
        store.transition(r1.postingKey(), RECEIVED, MAPPED, null).block();
        store.transition(r1.postingKey(), MAPPED, POSTED, null).block();
        clock.advance(Duration.ofHours(3));
        PostingRecord r2 = store.begin(requisition("r2")).block();
        store.begin(PostingRecord.received("other", "harbor-ridge", "REQUISITION", "7700102", "r1", null)).block();

        List<PostingRecord> revisions = store.findBySource("harbor-ridge", "REQUISITION", "7700101").collectList().block();

        assertThat(revisions).extracting(PostingRecord::contentRevision).containsExactly("r2", "r1");
        assertThat(revisions.get(1).state()).as("the older revision was posted: the change is an exception")
                .isEqualTo(POSTED);
        assertThat(revisions.get(0).postingKey()).isEqualTo(r2.postingKey());
    }

    @Test
    void findsByStateOldestFirst() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            PostingRecord record = store.begin(requisition("r" + i)).block();
            keys.add(record.postingKey());
            clock.advance(Duration.ofMinutes(1));
        }
        store.transition(keys.get(1), RECEIVED, PARKED, f -> f.lastError("VENDOR_NOT_LINKED")).block();

        assertThat(store.findByState("harbor-ridge", RECEIVED).collectList().block()).extracting(PostingRecord::postingKey)
                .containsExactly(keys.get(0), keys.get(2));
        assertThat(store.findByState("harbor-ridge", RECEIVED, 1).collectList().block()).hasSize(1);
        assertThat(store.findByState("harbor-ridge", PARKED).collectList().block()).singleElement()
                .satisfies(r -> assertThat(r.lastError()).isEqualTo("VENDOR_NOT_LINKED"));
        assertThat(store.findByState("other-tenant", RECEIVED).collectList().block()).isEmpty();
    }

    @Test
    void countsAttemptsAndRedactsTheError() {
        String key = store.begin(requisition("r1")).block().postingKey();

        store.incrementAttempts(key).block();
        PostingRecord record = store.incrementAttempts(key,
                "BC 500 for POST /purchaseInvoices with Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2ln").block();

        assertThat(record.attempts()).isEqualTo(2);
        assertThat(record.version()).isEqualTo(2);
        assertThat(record.lastError()).contains("BC 500").doesNotContain("eyJhbGciOi");
        assertThat(store.incrementAttempts("nope").block()).isNull();
    }

    @Test
    void oneRevisionCannotBeStoredUnderTwoKeys() {
        store.begin(requisition("r1")).block();
        PostingRecord sameRevisionOtherKey = PostingRecord.received("another-key", "harbor-ridge", "REQUISITION",
                "7700101", "r1", null);

        assertThatThrownBy(() -> store.begin(sameRevisionOtherKey).block())
                .isInstanceOf(PostingKeyConflictException.class)
                .hasMessageContaining("harbor-ridge|REQUISITION|7700101|r1");
    }

    @Test
    void indexesExist() {
        store.ensureIndexes().block();
        new PostingStateStore(database, clock).ensureIndexes().block(); // ensuring twice is harmless

        List<Document> indexes = indexes(database, "postings");

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo(PostingStateStore.SOURCE_REVISION_INDEX);
            assertThat(index.get("unique")).isEqualTo(true);
            assertThat(index.get("key", Document.class).keySet())
                    .containsExactly("tenantId", "sourceType", "sourceId", "contentRevision");
        });
        assertThat(indexes).extracting(index -> index.getString("name")).contains(PostingStateStore.TENANT_STATE_INDEX);
    }
}
