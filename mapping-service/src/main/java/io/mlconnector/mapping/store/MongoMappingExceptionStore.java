package io.mlconnector.mapping.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.SourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code mapping_exceptions}: one document per tenantId|sourceType|sourceId holding the latest parked
 * revision, its reasons and its state. Every state change is one single-document atomic operation with the
 * expected state (and revision) in the filter: a compare-and-set, so two re-drivers cannot both resolve the same
 * document, and a re-drive cannot resolve a revision that a newer one has replaced. No transactions needed.
 * Reactive driver: every method returns a Mono or Flux and nothing blocks.
 */
public final class MongoMappingExceptionStore {
    public static final String COLLECTION = "mapping_exceptions";

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final Duration claimTimeout;

    public MongoMappingExceptionStore(MongoDatabase database, Clock clock, Duration claimTimeout) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    /** Creates the collection's index (idempotent); run once at start. */
    public Mono<Void> createIndexes() {
        return Mono.from(collection.createIndex(Indexes.ascending("tenantId", "state"),
                new IndexOptions().name("tenant_state"))).then();
    }

    /** Park (or re-park) the document with its reasons; the latest revision replaces what was parked. */
    public Mono<StoredException> park(MappingException exception) {
        return Mono.defer(() -> {
            ExceptionKey key = new ExceptionKey(exception.getTenantId(), exception.getSourceType(), exception.getSourceId());
            Date now = Date.from(clock.instant());
            return Mono.from(collection.findOneAndUpdate(eq("_id", key.id()), Updates.combine(
                            Updates.set("tenantId", key.tenantId()),
                            Updates.set("sourceType", key.sourceType().name()),
                            Updates.set("sourceId", key.sourceId()),
                            Updates.set("contentRevision", exception.getContentRevision()),
                            Updates.set("state", ExceptionState.PARKED.name()),
                            Updates.set("reasons", reasonDocuments(exception)),
                            Updates.set("document", new Binary(AvroDocuments.encode(exception.getDocument()))),
                            Updates.set("documentSchema", AvroDocuments.writerSchema()),
                            Updates.set("projectNumber", exception.getDocument().getProjectNumber()),
                            Updates.set("documentNumber", exception.getDocument().getNumber()),
                            Updates.set("lastParkedAt", now),
                            Updates.unset("resolvedAt"),
                            Updates.unset("resolution"),
                            Updates.unset("claimedAt"),
                            Updates.setOnInsert("firstParkedAt", now),
                            Updates.inc("parkCount", 1)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                    .map(MongoMappingExceptionStore::read);
        });
    }

    /** The stored exception; empty when there is none. */
    public Mono<StoredException> find(ExceptionKey key) {
        return Mono.from(collection.find(eq("_id", key.id())).first()).map(MongoMappingExceptionStore::read);
    }

    /** All of a tenant's exceptions, optionally in one state, newest parked first. */
    public Flux<StoredException> list(String tenantId, Optional<ExceptionState> state) {
        Bson filter = state.map(s -> and(eq("tenantId", tenantId), eq("state", s.name()))).orElse(eq("tenantId", tenantId));
        return Flux.from(collection.find(filter).sort(Sorts.descending("lastParkedAt")))
                .map(MongoMappingExceptionStore::read);
    }

    /** PARKED documents plus RESOLVING ones whose claim has timed out, oldest parked first. */
    public Flux<StoredException> redrivable(String tenantId) {
        return Flux.defer(() -> collection.find(and(eq("tenantId", tenantId), redrivableState()))
                        .sort(Sorts.ascending("firstParkedAt")))
                .map(MongoMappingExceptionStore::read);
    }

    /** Compare-and-set PARKED -> RESOLVING for this revision. False when someone else has it or it changed. */
    public Mono<Boolean> claim(ExceptionKey key, String contentRevision) {
        return Mono.defer(() -> Mono.from(collection.updateOne(
                        and(eq("_id", key.id()), eq("contentRevision", contentRevision), redrivableState()),
                        Updates.combine(Updates.set("state", ExceptionState.RESOLVING.name()),
                                Updates.set("claimedAt", Date.from(clock.instant()))))))
                .map(result -> result.getModifiedCount() == 1);
    }

    /** RESOLVING -> RESOLVED for the claimed revision; empty when the claim was lost. */
    public Mono<StoredException> resolveClaimed(ExceptionKey key, String contentRevision, String resolution) {
        return resolve(and(eq("_id", key.id()), eq("contentRevision", contentRevision),
                eq("state", ExceptionState.RESOLVING.name())), resolution);
    }

    /** RESOLVING -> PARKED with the reasons of this attempt (or the old ones when the attempt failed). */
    public Mono<Void> release(ExceptionKey key, String contentRevision, Optional<List<ExceptionReason>> reasons) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("state", ExceptionState.PARKED.name()),
                Updates.unset("claimedAt")));
        reasons.ifPresent(list -> updates.add(Updates.set("reasons", list.stream().map(MongoMappingExceptionStore::reasonDocument).toList())));
        return Mono.from(collection.updateOne(and(eq("_id", key.id()), eq("contentRevision", contentRevision),
                eq("state", ExceptionState.RESOLVING.name())), Updates.combine(updates))).then();
    }

    /**
     * The normal path saw a newer revision that maps or is skipped: whatever revision was parked is resolved.
     * Empty when nothing was open.
     */
    public Mono<StoredException> resolveOpen(ExceptionKey key, String resolution) {
        return resolve(and(eq("_id", key.id()),
                in("state", ExceptionState.PARKED.name(), ExceptionState.RESOLVING.name())), resolution);
    }

    private Mono<StoredException> resolve(Bson filter, String resolution) {
        return Mono.defer(() -> Mono.from(collection.findOneAndUpdate(filter, Updates.combine(
                                Updates.set("state", ExceptionState.RESOLVED.name()),
                                Updates.set("resolvedAt", Date.from(clock.instant())),
                                Updates.set("resolution", resolution),
                                Updates.unset("claimedAt")),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(MongoMappingExceptionStore::read);
    }

    private Bson redrivableState() {
        Date staleBefore = Date.from(clock.instant().minus(claimTimeout));
        return or(eq("state", ExceptionState.PARKED.name()),
                and(eq("state", ExceptionState.RESOLVING.name()), lt("claimedAt", staleBefore)));
    }

    private static List<Document> reasonDocuments(MappingException exception) {
        return exception.getReasons().stream()
                .map(r -> reasonDocument(new ExceptionReason(r.getCode(), r.getMessage(), r.getLineId())))
                .toList();
    }

    private static Document reasonDocument(ExceptionReason reason) {
        return new Document("code", reason.code()).append("message", reason.message()).append("lineId", reason.lineId());
    }

    private static StoredException read(Document doc) {
        ExceptionKey key = new ExceptionKey(doc.getString("tenantId"), SourceType.valueOf(doc.getString("sourceType")),
                doc.getString("sourceId"));
        List<ExceptionReason> reasons = doc.getList("reasons", Document.class, List.of()).stream()
                .map(r -> new ExceptionReason(r.getString("code"), r.getString("message"), r.getString("lineId")))
                .toList();
        Binary bytes = doc.get("document", Binary.class);
        return new StoredException(key, doc.getString("contentRevision"), ExceptionState.valueOf(doc.getString("state")),
                reasons, AvroDocuments.decode(bytes.getData(), doc.getString("documentSchema")),
                instant(doc, "firstParkedAt"), instant(doc, "lastParkedAt"), instant(doc, "resolvedAt"),
                doc.getString("resolution"), doc.getInteger("parkCount", 0));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
