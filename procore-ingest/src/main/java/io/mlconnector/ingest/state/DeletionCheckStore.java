package io.mlconnector.ingest.state;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.events.SourceType;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import reactor.core.publisher.Mono;

/** When each tenant × project × document type was last compared with Procore's full list (the deletion check). Reactive driver: every call is a cold Mono that never blocks. */
public final class DeletionCheckStore {

    private final MongoCollection<Document> checks;

    public DeletionCheckStore(MongoDatabase db) {
        this.checks = db.getCollection("ingest_deletion_checks");
    }

    public Mono<Optional<Instant>> lastChecked(String tenantId, long projectId, SourceType type) {
        return Mono.from(checks.find(eq("_id", id(tenantId, projectId, type))).first())
                .map(d -> Optional.ofNullable(d.getDate("checkedAt")).map(Date::toInstant))
                .defaultIfEmpty(Optional.empty());
    }

    public Mono<Void> checked(String tenantId, long projectId, SourceType type, Instant at) {
        Document doc = new Document("_id", id(tenantId, projectId, type))
                .append("tenantId", tenantId).append("projectId", projectId).append("type", type.name())
                .append("checkedAt", Date.from(at));
        return Mono.from(checks.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true))).then();
    }

    private static String id(String tenantId, long projectId, SourceType type) {
        return tenantId + "|" + projectId + "|" + type.name();
    }
}
