package io.mlconnector.vendorsync.subscription;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * MongoDB collection {@code bc_subscriptions}: one document per (tenant, entity set), {@code _id = tenantId|set}:
 * <pre>
 * { _id: "harbor-ridge|vendors", tenantId, entitySet: "vendors", subscriptionId: "c670ea73…",
 *   notificationUrl, resource, expirationDateTime: ISODate, etag, createdAt: ISODate, renewedAt: ISODate }
 * </pre>
 */
public final class SubscriptionStore {

    public static final String COLLECTION = "bc_subscriptions";

    private final MongoCollection<Document> subscriptions;

    public SubscriptionStore(MongoDatabase database) {
        this.subscriptions = database.getCollection(COLLECTION);
    }

    public Optional<StoredSubscription> find(String tenantId, String entitySet) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id(tenantId, entitySet))).first())
                .map(SubscriptionStore::toStored);
    }

    public List<StoredSubscription> all(String tenantId) {
        List<StoredSubscription> out = new ArrayList<>();
        subscriptions.find(Filters.eq("tenantId", tenantId)).forEach(d -> out.add(toStored(d)));
        return out;
    }

    public void save(StoredSubscription s) {
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
        subscriptions.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
    }

    private static String id(String tenantId, String entitySet) {
        return tenantId + "|" + entitySet;
    }

    private static Date date(java.time.Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static StoredSubscription toStored(Document d) {
        return new StoredSubscription(d.getString("tenantId"), d.getString("entitySet"), d.getString("subscriptionId"),
                d.getString("notificationUrl"), d.getString("resource"), instant(d, "expirationDateTime"),
                d.getString("etag"), instant(d, "createdAt"), instant(d, "renewedAt"));
    }

    private static java.time.Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
