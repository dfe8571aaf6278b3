package io.mlconnector.ingest.state;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The content revision last published for each Procore record. A record read again (a second poll,
 * a duplicate webhook, a touch that changed nothing postable) is published again only when its
 * revision differs. The revision is recorded after Kafka acknowledged the event: a crash in between
 * republishes once, which downstream absorbs by revision, instead of losing the version.
 *
 * <p>With the revision go the record's project, whether it was published as deleted, and the document itself:
 * the deletion check compares the records still live here with what Procore lists, and publishes a record that
 * vanished as its last version marked deleted.
 */
public final class PublishedRevisionStore {

    private final MongoCollection<Document> revisions;

    public PublishedRevisionStore(MongoDatabase db) {
        this.revisions = db.getCollection("ingest_revisions");
    }

    /** What was last published for a record: its revision, and whether the document itself is kept with it. */
    public record Published(String revision, boolean documentKept) {
    }

    public Optional<Published> lastPublished(String tenantId, SourceType type, String sourceId) {
        Document doc = revisions.find(eq("_id", id(tenantId, type, sourceId)))
                .projection(Projections.include("revision", "projectId")).first();
        // entries written before documents were kept have no projectId either
        return Optional.ofNullable(doc).map(d -> new Published(d.getString("revision"), d.containsKey("projectId")));
    }

    public void recordPublished(CostDocument document) {
        String tenantId = document.getTenantId();
        SourceType type = document.getSourceType();
        String sourceId = document.getSourceId();
        Document doc = new Document("_id", id(tenantId, type, sourceId))
                .append("tenantId", tenantId).append("type", type.name()).append("sourceId", sourceId)
                .append("projectId", document.getProjectId()).append("deleted", document.getDeleted())
                .append("revision", document.getContentRevision()).append("publishedAt", new Date())
                .append("document", new Binary(StoredDocuments.encode(document)));
        revisions.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
    }

    /** Ids of the project's records of one type whose last published version is not deleted. */
    public Set<Long> liveIds(String tenantId, SourceType type, long projectId) {
        Set<Long> ids = new HashSet<>();
        revisions.find(and(eq("tenantId", tenantId), eq("type", type.name()), eq("projectId", projectId),
                        ne("deleted", true)))
                .projection(Projections.include("sourceId"))
                .forEach(d -> ids.add(Long.parseLong(d.getString("sourceId"))));
        return ids;
    }

    /** The last published version of a record (absent for records published before documents were kept). */
    public Optional<CostDocument> lastDocument(String tenantId, SourceType type, String sourceId) {
        Document doc = revisions.find(eq("_id", id(tenantId, type, sourceId))).first();
        return Optional.ofNullable(doc).map(d -> d.get("document", Binary.class))
                .map(bytes -> StoredDocuments.decode(bytes.getData()));
    }

    public long reset(String tenantId) {
        return revisions.deleteMany(eq("tenantId", tenantId)).getDeletedCount();
    }

    private static String id(String tenantId, SourceType type, String sourceId) {
        return tenantId + "|" + type.name() + "|" + sourceId;
    }
}
