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

/**
 * The incremental-read high-water mark per tenant × project × document type: the instant up to which that
 * list is known complete (see {@code TenantSync}: the time of the last read, or the newest updated_at seen if
 * later, minus the overlap). The next read asks Procore for {@code filters[updated_at]=<mark>...}, so an idle
 * cycle costs one small request per list.
 */
public final class WatermarkStore {

    private final MongoCollection<Document> marks;

    public WatermarkStore(MongoDatabase db) {
        this.marks = db.getCollection("ingest_watermarks");
    }

    public Optional<Instant> get(String tenantId, long projectId, SourceType type) {
        Document doc = marks.find(eq("_id", id(tenantId, projectId, type))).first();
        return Optional.ofNullable(doc).map(d -> d.getDate("watermark")).map(Date::toInstant);
    }

    /** Moves the mark forward only; an older value (a late, slower read) never moves it back. */
    public void advance(String tenantId, long projectId, SourceType type, Instant watermark) {
        Optional<Instant> current = get(tenantId, projectId, type);
        if (current.isPresent() && !watermark.isAfter(current.get())) {
            return;
        }
        Document doc = new Document("_id", id(tenantId, projectId, type))
                .append("tenantId", tenantId).append("projectId", projectId).append("type", type.name())
                .append("watermark", Date.from(watermark)).append("updatedAt", new Date());
        marks.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
    }

    /** Forgets every mark of a tenant, so the next cycle re-reads everything (full re-sync on demand). */
    public long reset(String tenantId) {
        return marks.deleteMany(eq("tenantId", tenantId)).getDeletedCount();
    }

    private static String id(String tenantId, long projectId, SourceType type) {
        return tenantId + "|" + projectId + "|" + type.name();
    }
}
