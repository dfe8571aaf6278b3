package io.mlconnector.ingest.state;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The content revision last published for each Procore record. A record read again (a second poll,
 * a duplicate webhook, a touch that changed nothing postable) is published again only when its
 * revision differs. The revision is recorded after Kafka acknowledged the event: a crash in between
 * republishes once, which downstream absorbs by revision, instead of losing the version.
 *
 * <p>With the revision go the record's project, whether it was published as deleted, and the document itself:
 * the deletion check compares the records still live here with what Procore lists, and publishes a record that
 * vanished as its last version marked deleted. Reactive driver: every call is a cold Mono/Flux that never blocks.
 */
public final class PublishedRevisionStore {

    private final MongoCollection<Document> revisions;

    public PublishedRevisionStore(MongoDatabase db) {
        this.revisions = db.getCollection("ingest_revisions");
    }

    /** What was last published for a record: its revision, and whether the document itself is kept with it. */
    public record Published(String revision, boolean documentKept) {
    }

    public Mono<Optional<Published>> lastPublished(String tenantId, SourceType type, String sourceId) {
        // entries written before documents were kept have no projectId either
        return Mono.from(revisions.find(eq("_id", id(tenantId, type, sourceId)))
                        .projection(Projections.include("revision", "projectId")).first())
                .map(d -> Optional.of(new Published(d.getString("revision"), d.containsKey("projectId"))))
                .defaultIfEmpty(Optional.empty());
    }

    public Mono<Void> recordPublished(CostDocument document) {
        return Mono.defer(() -> {
            String tenantId = document.getTenantId();
            SourceType type = document.getSourceType();
            String sourceId = document.getSourceId();
            Document doc = new Document("_id", id(tenantId, type, sourceId))
                    .append("tenantId", tenantId).append("type", type.name()).append("sourceId", sourceId)
                    .append("projectId", document.getProjectId()).append("deleted", document.getDeleted())
                    .append("revision", document.getContentRevision()).append("publishedAt", new Date())
                    .append("document", new Binary(StoredDocuments.encode(document)));
            return Mono.from(revisions.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
        }).then();
    }

    /** Ids of the project's records of one type whose last published version is not deleted. */
    public Mono<Set<Long>> liveIds(String tenantId, SourceType type, long projectId) {
        return Flux.from(revisions.find(and(eq("tenantId", tenantId), eq("type", type.name()),
                                eq("projectId", projectId), ne("deleted", true)))
                        .projection(Projections.include("sourceId")))
                .map(d -> Long.parseLong(d.getString("sourceId")))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The last published version of a record (absent for records published before documents were kept). */
    public Mono<Optional<CostDocument>> lastDocument(String tenantId, SourceType type, String sourceId) {
        return Mono.from(revisions.find(eq("_id", id(tenantId, type, sourceId))).first())
                .map(d -> Optional.ofNullable(d.get("document", Binary.class))
                        .map(bytes -> StoredDocuments.decode(bytes.getData())))
                .defaultIfEmpty(Optional.empty());
    }

    public Mono<Long> reset(String tenantId) {
        return Mono.from(revisions.deleteMany(eq("tenantId", tenantId))).map(r -> r.getDeletedCount());
    }

    private static String id(String tenantId, SourceType type, String sourceId) {
        return tenantId + "|" + type.name() + "|" + sourceId;
    }
}
