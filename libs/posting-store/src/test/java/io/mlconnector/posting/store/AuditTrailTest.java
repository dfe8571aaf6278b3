package io.mlconnector.posting.store;

import io.mlconnector.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest extends InProcessMongo {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-05T14:30:00Z"));
    private MongoDatabase database;
    private AuditTrail audit;
    private PostingRecord r1;
    private PostingRecord r2;

    @BeforeEach
    void setUp() {
        database = freshDatabase();
        audit = new AuditTrail(database, clock);
        PostingStateStore store = new PostingStateStore(database, clock);
        r1 = store.begin(PostingStateStoreTest.requisition("r1")).block();
        r2 = store.begin(PostingStateStoreTest.requisition("r2")).block();
    }

    @Test
    void entriesComeBackInTimeOrderEvenWithinOneMillisecond() {
        // Same clock reading for all of these: the order of recording must survive.
        List<AuditStep> steps = List.of(AuditStep.RECEIVED, AuditStep.MAPPED, AuditStep.BC_LOOKUP,
                AuditStep.DRAFT_CREATED, AuditStep.POST_REQUESTED, AuditStep.POSTED);
        steps.forEach(step -> audit.record(AuditEntry.of(r1, step, step.name().toLowerCase())).block());
        // An entry stamped earlier by its producer sorts before the rest.
        audit.record(new AuditEntry(r1.postingKey(), r1.tenantId(), r1.sourceType(), r1.sourceId(),
                clock.instant().minusSeconds(1), AuditStep.NOTE, "webhook received", Map.of())).block();

        assertThat(audit.forPosting(r1.postingKey()).collectList().block()).extracting(AuditEntry::step)
                .containsExactly(AuditStep.NOTE, AuditStep.RECEIVED, AuditStep.MAPPED, AuditStep.BC_LOOKUP,
                        AuditStep.DRAFT_CREATED, AuditStep.POST_REQUESTED, AuditStep.POSTED);
    }

    @Test
    void forSourceSpansRevisions() {
        audit.record(AuditEntry.of(r1, AuditStep.POSTED, "posted as PPINV-108001")
                .with(AuditEntry.BC_DOCUMENT_NUMBER, "PPINV-108001")).block();
        clock.advance(Duration.ofHours(2));
        audit.record(AuditEntry.of(r2, AuditStep.CHANGED_AFTER_POSTING, "revision r2 changed after r1 was posted")).block();

        List<AuditEntry> trail = audit.forSource("harbor-ridge", "REQUISITION", "7700101").collectList().block();

        assertThat(trail).extracting(AuditEntry::postingKey).containsExactly(r1.postingKey(), r2.postingKey());
        assertThat(trail.get(0).attributes()).containsEntry(AuditEntry.BC_DOCUMENT_NUMBER, "PPINV-108001");
        assertThat(trail.get(0).at()).isEqualTo(Instant.parse("2026-10-05T14:30:00Z"));
        assertThat(audit.forPosting(r2.postingKey()).collectList().block()).hasSize(1);
    }

    @Test
    void secretsNeverReachTheStore() {
        audit.record(AuditEntry.of(r1, AuditStep.FAILED,
                        "token request refused: client_secret=bc-sandbox-secret; retry with Bearer abcdef123456")
                .with(AuditEntry.REQUEST, "POST /token?client_secret=bc-sandbox-secret")
                .with("authorization", "Bearer abcdef123456")
                .with(AuditEntry.RESPONSE_STATUS, "401")
                .with(AuditEntry.BC_CORRELATION_ID, "5b3f9a1e-77aa-4c1e-9a7e-0d5c1c0b2a11")).block();

        List<Document> raw = all(database, AuditTrail.COLLECTION);
        assertThat(raw).hasSize(1);
        String stored = raw.get(0).toJson();
        assertThat(stored).doesNotContain("bc-sandbox-secret").doesNotContain("abcdef123456")
                .contains("401").contains("5b3f9a1e-77aa-4c1e-9a7e-0d5c1c0b2a11");
    }

    @Test
    void indexesExist() {
        audit.ensureIndexes().block();
        List<String> names = indexes(database, AuditTrail.COLLECTION).stream().map(index -> index.getString("name")).toList();

        assertThat(names).contains(AuditTrail.POSTING_INDEX, AuditTrail.SOURCE_INDEX);
    }
}
