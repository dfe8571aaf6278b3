package io.mlconnector.vendorsync.subscription;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MongoDB collection {@code bc_subscriptions}: one document per (tenant, entity set), {@code _id = tenantId|set}:
 * <pre>
 * { _id: "harbor-ridge|vendors", tenantId, entitySet: "vendors", subscriptionId: "c670ea73…",
 *   notificationUrl, resource, expirationDateTime: ISODate, etag, createdAt: ISODate, renewedAt: ISODate }
 * </pre>
 * Reactive driver: every method returns a Mono or Flux and nothing blocks.
 */
public final class SubscriptionStore {

    public static final String COLLECTION = "bc_subscriptions";

    private final MongoCollection<Document> subscriptions;

    public SubscriptionStore(MongoDatabase database) {
        this.subscriptions = database.getCollection(COLLECTION);
    }

    /** The stored subscription; empty when there is none. */
    public Mono<StoredSubscription> find(String tenantId, String entitySet) {
        return Mono.from(subscriptions.find(Filters.eq("_id", id(tenantId, entitySet))).first())
                .map(SubscriptionStore::toStored);
    }

    public Flux<StoredSubscription> all(String tenantId) {
        return Flux.from(subscriptions.find(Filters.eq("tenantId", tenantId))).map(SubscriptionStore::toStored);
    }

    public Mono<Void> save(StoredSubscription s) {
        Document doc = new Document("_id", id(s.tenantId(), s.entitySet()))
                .append("tenantId", s.tenantId())
                .append("entitySet", s.entitySet())
                .append("subscriptionId", s.subscriptionId())
                .append("notificationUrl", s.notificationUrl())
                .append("resource", s.resource())
                .append("expirationDateTime", date(s.expirationDateTime()))
                .append("etag", s.etag())
                .append("createdAt", date(s.createdAt()))
                .append("renewedAt", date(s.renewedAt()));
        return Mono.from(subscriptions.replaceOne(Filters.eq("_id", doc.get("_id")), doc,
                new ReplaceOptions().upsert(true))).then();
    }

    private static String id(String tenantId, String entitySet) {
        return tenantId + "|" + entitySet;
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static StoredSubscription toStored(Document d) {
        return new StoredSubscription(d.getString("tenantId"), d.getString("entitySet"), d.getString("subscriptionId"),
                d.getString("notificationUrl"), d.getString("resource"), instant(d, "expirationDateTime"),
                d.getString("etag"), instant(d, "createdAt"), instant(d, "renewedAt"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
