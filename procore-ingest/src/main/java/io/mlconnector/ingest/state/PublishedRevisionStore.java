package io.mlconnector.ingest.state;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.mlconnector.events.SourceType;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The content revision last published for each Procore record. A record read again (a second poll,
 * a duplicate webhook, a touch that changed nothing postable) is published again only when its
 * revision differs. The revision is recorded after Kafka acknowledged the event: a crash in between
 * republishes once, which downstream absorbs by revision, instead of losing the version.
 */
public final class PublishedRevisionStore {

    private final MongoCollection<Document> revisions;

    public PublishedRevisionStore(MongoDatabase db) {
        this.revisions = db.getCollection("ingest_revisions");
    }

    public Optional<String> lastPublished(String tenantId, SourceType type, String sourceId) {
        Document doc = revisions.find(eq("_id", id(tenantId, type, sourceId))).first();
        return Optional.ofNullable(doc).map(d -> d.getString("revision"));
    }

    public void recordPublished(String tenantId, SourceType type, String sourceId, String revision) {
        Document doc = new Document("_id", id(tenantId, type, sourceId))
                .append("tenantId", tenantId).append("type", type.name()).append("sourceId", sourceId)
                .append("revision", revision).append("publishedAt", new Date());
        revisions.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
    }

    public long reset(String tenantId) {
        return revisions.deleteMany(eq("tenantId", tenantId)).getDeletedCount();
    }

    private static String id(String tenantId, SourceType type, String sourceId) {
        return tenantId + "|" + type.name() + "|" + sourceId;
    }
}
