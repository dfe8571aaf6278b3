package io.mlconnector.ingest.state;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.events.SourceType;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The incremental-read high-water mark per tenant × project × document type: the instant up to which that
 * list is known complete (see {@code TenantSync}: the time of the last read, or the newest updated_at seen if
 * later, minus the overlap). The next read asks Procore for {@code filters[updated_at]=<mark>...}, so an idle
 * cycle costs one small request per list. Reactive driver: every call is a cold Mono that never blocks.
 */
public final class WatermarkStore {

    private final MongoCollection<Document> marks;

    public WatermarkStore(MongoDatabase db) {
        this.marks = db.getCollection("ingest_watermarks");
    }

    public Mono<Optional<Instant>> get(String tenantId, long projectId, SourceType type) {
        return Mono.from(marks.find(eq("_id", id(tenantId, projectId, type))).first())
                .map(d -> Optional.ofNullable(d.getDate("watermark")).map(Date::toInstant))
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * Moves the mark forward only ({@code $max}, one atomic update): an older value (a late, slower read) never
     * moves it back.
     */
    public Mono<Void> advance(String tenantId, long projectId, SourceType type, Instant watermark) {
        return Mono.defer(() -> Mono.from(marks.updateOne(eq("_id", id(tenantId, projectId, type)),
                Updates.combine(Updates.setOnInsert("tenantId", tenantId), Updates.setOnInsert("projectId", projectId),
                        Updates.setOnInsert("type", type.name()), Updates.max("watermark", Date.from(watermark)),
                        Updates.set("updatedAt", new Date())),
                new UpdateOptions().upsert(true)))).then();
    }

    /** Forgets every mark of a tenant, so the next cycle re-reads everything (full re-sync on demand). */
    public Mono<Long> reset(String tenantId) {
        return Mono.from(marks.deleteMany(eq("tenantId", tenantId))).map(r -> r.getDeletedCount());
    }

    private static String id(String tenantId, long projectId, SourceType type) {
        return tenantId + "|" + projectId + "|" + type.name();
    }
}
