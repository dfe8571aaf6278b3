package io.mlconnector.ingest.state;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.mlconnector.events.SourceType;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** When each tenant × project × document type was last compared with Procore's full list (the deletion check). */
public final class DeletionCheckStore {

    private final MongoCollection<Document> checks;

    public DeletionCheckStore(MongoDatabase db) {
        this.checks = db.getCollection("ingest_deletion_checks");
    }

    public Optional<Instant> lastChecked(String tenantId, long projectId, SourceType type) {
        Document doc = checks.find(eq("_id", id(tenantId, projectId, type))).first();
        return Optional.ofNullable(doc).map(d -> d.getDate("checkedAt")).map(Date::toInstant);
    }

    public void checked(String tenantId, long projectId, SourceType type, Instant at) {
        Document doc = new Document("_id", id(tenantId, projectId, type))
                .append("tenantId", tenantId).append("projectId", projectId).append("type", type.name())
                .append("checkedAt", Date.from(at));
        checks.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
    }

    private static String id(String tenantId, long projectId, SourceType type) {
        return tenantId + "|" + projectId + "|" + type.name();
    }
}
