package io.mlconnector.posting.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posting state per idempotency key in the {@code postings} collection ({@code _id} = posting key).
 * Every change is one single-document atomic operation guarded by the expected state (and, when the caller
 * has it, the version), so it behaves the same on a MongoDB replica set and on an in-process store without
 * transactions. A unique index on (tenantId, sourceType, sourceId, contentRevision) stops one revision
 * from ever being stored under two keys.
 * <p>
 * Reactive (mongodb-driver-reactivestreams): every method returns a cold {@link Mono} / {@link Flux} that does
 * nothing until subscribed and never blocks the subscribing thread. A write completes only once MongoDB has
 * acknowledged it with the client's write concern (majority and journaled by default), so a caller that waits
 * for it before committing a Kafka offset never commits ahead of durable state.
 */
public final class PostingStateStore {

    public static final String COLLECTION = "postings";
    static final String SOURCE_REVISION_INDEX = "source_revision_unique";
    static final String TENANT_STATE_INDEX = "tenant_state_updated";

    private final MongoCollection<Document> postings;
    private final Clock clock;
    private final Redactor redactor;
    private final EnsuredOnce indexes;

    /** Creates nothing yet: the indexes are ensured (idempotent) before the first operation runs. */
    public PostingStateStore(MongoDatabase database, Clock clock) {
        this(database, clock, Redactor.standard());
    }

    public PostingStateStore(MongoDatabase database, Clock clock, Redactor redactor) {
        this.postings = database.getCollection(COLLECTION);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.indexes = new EnsuredOnce(Flux.concat(
                postings.createIndex(com.mongodb.client.model.Indexes.ascending(Fields.TENANT_ID, Fields.SOURCE_TYPE,
                        Fields.SOURCE_ID, Fields.CONTENT_REVISION),
                        new IndexOptions().name(SOURCE_REVISION_INDEX).unique(true)),
                postings.createIndex(com.mongodb.client.model.Indexes.ascending(Fields.TENANT_ID, Fields.STATE,
                        Fields.UPDATED_AT), new IndexOptions().name(TENANT_STATE_INDEX))).then());
    }

    /**
     * Creates the indexes if missing (idempotent). Every operation below waits for this once, so the unique
     * source-revision index exists before the first posting is stored.
     */
    public Mono<Void> ensureIndexes() {
        return indexes.ensure();
    }

    /**
     * Stores a new posting in RECEIVED, or emits the one already stored under that key (a replayed topic,
     * a re-delivered webhook). Racing callers all get the same stored record.
     * Fails with {@link PostingKeyConflictException} when the same source revision exists under another key.
     */
    public Mono<PostingRecord> begin(PostingRecord candidate) {
        return ensureIndexes().then(Mono.defer(() -> {
            Document document = toDocument(candidate, PostingState.RECEIVED, now());
            return Mono.from(postings.insertOne(document)).map(inserted -> fromDocument(document));
        })).onErrorResume(PostingStateStore::isDuplicateKey, duplicate ->
                // E11000: someone stored it first (or the revision exists under another key). Read what won.
                find(candidate.postingKey()).switchIfEmpty(Mono.defer(() -> findRevision(candidate)
                        .map(r -> " (" + r.postingKey() + ")").defaultIfEmpty("")
                        .flatMap(other -> Mono.error(new PostingKeyConflictException(
                                "posting " + candidate.postingKey() + ": " + candidate.tenantId() + "/"
                                        + candidate.sourceType() + "/" + candidate.sourceId() + " revision "
                                        + candidate.contentRevision() + " is already stored under another posting key"
                                        + other))))));
    }

    /**
     * Moves {@code postingKey} from {@code expected} to {@code next} if it is still in {@code expected}
     * (compare-and-set); {@code fields} sets what the step learned (BC document id, error text...).
     * Fails with {@link IllegalPostingTransitionException} when the state table does not allow expected -> next.
     */
    public Mono<TransitionResult> transition(String postingKey, PostingState expected, PostingState next,
                                             Consumer<PostingUpdate> fields) {
        return compareAndSet(postingKey, expected, null, next, fields);
    }

    /** As {@link #transition(String, PostingState, PostingState, Consumer)}, also requiring the version seen. */
    public Mono<TransitionResult> transition(PostingRecord seen, PostingState next, Consumer<PostingUpdate> fields) {
        return compareAndSet(seen.postingKey(), seen.state(), seen.version(), next, fields);
    }

    /** The posting stored under this key; empty when there is none. */
    public Mono<PostingRecord> find(String postingKey) {
        return ensureIndexes().then(Mono.from(postings.find(eq(Fields.ID, postingKey)).first()))
                .map(PostingStateStore::fromDocument);
    }

    /**
     * Every revision of one source record, newest first: a POSTED older revision beside a newer one means the
     * record changed in Procore after it was posted.
     */
    public Flux<PostingRecord> findBySource(String tenantId, String sourceType, String sourceId) {
        return ensureIndexes().thenMany(Flux.from(postings.find(and(eq(Fields.TENANT_ID, tenantId),
                        eq(Fields.SOURCE_TYPE, sourceType), eq(Fields.SOURCE_ID, sourceId)))
                .sort(Sorts.descending(Fields.CREATED_AT, Fields.VERSION))))
                .map(PostingStateStore::fromDocument);
    }

    /** Postings of a tenant in one state, longest untouched first. */
    public Flux<PostingRecord> findByState(String tenantId, PostingState state) {
        return findByState(tenantId, state, 0);
    }

    /** @param limit at most this many (0 = no limit) */
    public Flux<PostingRecord> findByState(String tenantId, PostingState state, int limit) {
        return ensureIndexes().thenMany(Flux.from(postings.find(and(eq(Fields.TENANT_ID, tenantId),
                        eq(Fields.STATE, state.name())))
                .sort(Sorts.ascending(Fields.UPDATED_AT, Fields.ID))
                .limit(limit)))
                .map(PostingStateStore::fromDocument);
    }

    /** Counts one more attempt in the current state (a retry), with why the last one failed; empty when unknown. */
    public Mono<PostingRecord> incrementAttempts(String postingKey, String lastError) {
        return ensureIndexes().then(Mono.defer(() -> {
            List<Bson> updates = new ArrayList<>(List.of(Updates.inc(Fields.ATTEMPTS, 1),
                    Updates.inc(Fields.VERSION, 1L), Updates.set(Fields.UPDATED_AT, Date.from(now()))));
            if (lastError != null) {
                updates.add(Updates.set(Fields.LAST_ERROR, redactor.redact(lastError)));
            }
            return Mono.from(postings.findOneAndUpdate(eq(Fields.ID, postingKey), Updates.combine(updates),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        })).map(PostingStateStore::fromDocument);
    }

    public Mono<PostingRecord> incrementAttempts(String postingKey) {
        return incrementAttempts(postingKey, null);
    }

    private Mono<TransitionResult> compareAndSet(String postingKey, PostingState expected, Long version,
                                                 PostingState next, Consumer<PostingUpdate> fields) {
        if (!expected.canTransitionTo(next)) {
            return Mono.error(new IllegalPostingTransitionException(postingKey, expected, next));
        }
        return ensureIndexes().then(Mono.defer(() -> {
            PostingUpdate update = new PostingUpdate(redactor);
            if (fields != null) {
                fields.accept(update);
            }
            List<Bson> updates = new ArrayList<>(update.toBson());
            updates.add(Updates.set(Fields.STATE, next.name()));
            updates.add(Updates.set(Fields.UPDATED_AT, Date.from(now())));
            updates.add(Updates.inc(Fields.VERSION, 1L));
            Bson filter = version == null
                    ? and(eq(Fields.ID, postingKey), eq(Fields.STATE, expected.name()))
                    : and(eq(Fields.ID, postingKey), eq(Fields.STATE, expected.name()), eq(Fields.VERSION, version));
            return Mono.from(postings.findOneAndUpdate(filter, Updates.combine(updates),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        })).map(after -> TransitionResult.applied(fromDocument(after)))
                .switchIfEmpty(Mono.defer(() -> find(postingKey).map(TransitionResult::conflict)
                        .defaultIfEmpty(TransitionResult.notFound())));
    }

    private Mono<PostingRecord> findRevision(PostingRecord candidate) {
        return Mono.from(postings.find(and(eq(Fields.TENANT_ID, candidate.tenantId()),
                        eq(Fields.SOURCE_TYPE, candidate.sourceType()), eq(Fields.SOURCE_ID, candidate.sourceId()),
                        eq(Fields.CONTENT_REVISION, candidate.contentRevision()))).first())
                .map(PostingStateStore::fromDocument);
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoWriteException write
                && ErrorCategory.fromErrorCode(write.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    /** BSON dates hold milliseconds; truncating here keeps what we return equal to what we read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Document toDocument(PostingRecord record, PostingState state, Instant now) {
        return new Document(Fields.ID, record.postingKey())
                .append(Fields.TENANT_ID, record.tenantId())
                .append(Fields.SOURCE_TYPE, record.sourceType())
                .append(Fields.SOURCE_ID, record.sourceId())
                .append(Fields.CONTENT_REVISION, record.contentRevision())
                .append(Fields.DOCUMENT_KIND, record.documentKind())
                .append(Fields.STATE, state.name())
                .append(Fields.BC_DOCUMENT_ID, record.bcDocumentId())
                .append(Fields.BC_DOCUMENT_NUMBER, record.bcDocumentNumber())
                .append(Fields.ATTEMPTS, 0)
                .append(Fields.LAST_ERROR, record.lastError() == null ? null : redactor.redact(record.lastError()))
                .append(Fields.CREATED_AT, Date.from(now))
                .append(Fields.UPDATED_AT, Date.from(now))
                .append(Fields.VERSION, 0L);
    }

    private static PostingRecord fromDocument(Document d) {
        return new PostingRecord(d.getString(Fields.ID), d.getString(Fields.TENANT_ID), d.getString(Fields.SOURCE_TYPE),
                d.getString(Fields.SOURCE_ID), d.getString(Fields.CONTENT_REVISION), d.getString(Fields.DOCUMENT_KIND),
                PostingState.valueOf(d.getString(Fields.STATE)), d.getString(Fields.BC_DOCUMENT_ID),
                d.getString(Fields.BC_DOCUMENT_NUMBER), number(d, Fields.ATTEMPTS).intValue(),
                d.getString(Fields.LAST_ERROR), instant(d, Fields.CREATED_AT), instant(d, Fields.UPDATED_AT),
                number(d, Fields.VERSION).longValue());
    }

    private static Number number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n : 0;
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
