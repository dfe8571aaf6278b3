package io.mlconnector.posting.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Append-only audit trail in the {@code audit} collection: every transition, request and response summary
 * of a posting, in time order. Nothing here updates or deletes. Text is redacted on the way in, so a
 * credential that slipped into a message is never stored. Reactive: each method returns a cold
 * {@link Mono} / {@link Flux}; a recorded entry is emitted once MongoDB acknowledged it with the client's write
 * concern.
 */
public final class AuditTrail {

    public static final String COLLECTION = "audit";
    static final String POSTING_INDEX = "posting_at";
    static final String SOURCE_INDEX = "source_at";

    private final MongoCollection<Document> audit;
    private final Clock clock;
    private final Redactor redactor;
    private final EnsuredOnce indexes;

    public AuditTrail(MongoDatabase database, Clock clock) {
        this(database, clock, Redactor.standard());
    }

    public AuditTrail(MongoDatabase database, Clock clock, Redactor redactor) {
        this.audit = database.getCollection(COLLECTION);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.indexes = new EnsuredOnce(Flux.concat(
                audit.createIndex(Indexes.ascending(Fields.POSTING_KEY, Fields.AT), new IndexOptions().name(POSTING_INDEX)),
                audit.createIndex(Indexes.ascending(Fields.TENANT_ID, Fields.SOURCE_TYPE, Fields.SOURCE_ID, Fields.AT),
                        new IndexOptions().name(SOURCE_INDEX))).then());
    }

    /** Creates the indexes if missing (idempotent); every operation waits for this once. */
    public Mono<Void> ensureIndexes() {
        return indexes.ensure();
    }

    /** Appends the entry (redacted, stamped with the clock when {@code at} is null) and returns it as stored. */
    public Mono<AuditEntry> record(AuditEntry entry) {
        return ensureIndexes().then(Mono.defer(() -> insert(entry)));
    }

    private Mono<AuditEntry> insert(AuditEntry entry) {
        Instant at = (entry.at() == null ? clock.instant() : entry.at()).truncatedTo(ChronoUnit.MILLIS);
        AuditEntry stored = new AuditEntry(entry.postingKey(), entry.tenantId(), entry.sourceType(), entry.sourceId(),
                at, entry.step(), redactor.redact(entry.summary()), redactor.redactAttributes(entry.attributes()));
        // The ObjectId is made here, in this process, so entries recorded in the same millisecond keep their
        // order (its counter increases) when sorted by (at, _id).
        return Mono.from(audit.insertOne(new Document(Fields.ID, new ObjectId())
                .append(Fields.POSTING_KEY, stored.postingKey())
                .append(Fields.TENANT_ID, stored.tenantId())
                .append(Fields.SOURCE_TYPE, stored.sourceType())
                .append(Fields.SOURCE_ID, stored.sourceId())
                .append(Fields.AT, Date.from(stored.at()))
                .append(Fields.STEP, stored.step().name())
                .append(Fields.SUMMARY, stored.summary())
                .append(Fields.ATTRIBUTES, new Document(new LinkedHashMap<>(stored.attributes())))))
                .thenReturn(stored);
    }

    /** Everything recorded for one posting key, oldest first. */
    public Flux<AuditEntry> forPosting(String postingKey) {
        return list(eq(Fields.POSTING_KEY, postingKey));
    }

    /** Everything recorded for one source record across its revisions, oldest first. */
    public Flux<AuditEntry> forSource(String tenantId, String sourceType, String sourceId) {
        return list(and(eq(Fields.TENANT_ID, tenantId), eq(Fields.SOURCE_TYPE, sourceType),
                eq(Fields.SOURCE_ID, sourceId)));
    }

    private Flux<AuditEntry> list(Bson filter) {
        return ensureIndexes().thenMany(Flux.from(audit.find(filter).sort(Sorts.ascending(Fields.AT, Fields.ID))))
                .map(AuditTrail::fromDocument);
    }

    private static AuditEntry fromDocument(Document d) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Document stored = d.get(Fields.ATTRIBUTES, Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> attributes.put(name, value == null ? null : value.toString()));
        }
        return new AuditEntry(d.getString(Fields.POSTING_KEY), d.getString(Fields.TENANT_ID),
                d.getString(Fields.SOURCE_TYPE), d.getString(Fields.SOURCE_ID), d.getDate(Fields.AT).toInstant(),
                AuditStep.valueOf(d.getString(Fields.STEP)), d.getString(Fields.SUMMARY), attributes);
    }
}
