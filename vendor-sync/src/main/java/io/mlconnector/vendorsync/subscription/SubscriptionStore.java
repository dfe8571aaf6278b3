package io.mlconnector.vendorsync.subscription;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * MongoDB collection {@code bc_subscriptions}: one document per (tenant, entity set), {@code _id = tenantId|set}:
 * <pre>
 * { _id: "harbor-ridge|vendors", tenantId, entitySet: "vendors", subscriptionId: "c670ea73…",
 *   notificationUrl, resource, expirationDateTime: ISODate, etag, createdAt: ISODate, renewedAt: ISODate,
 *   keptBy, keptUntil: ISODate, keepVersion }
 * </pre>
 * {@code keptBy}/{@code keptUntil}/{@code keepVersion} are the keeper's claim on the entity set: with several replicas,
 * one at a time decides whether to create, re-create or renew it ({@link #claim}), and only the claim's holder can
 * save the outcome ({@link #saveClaimed}); each change is one atomic update of the document.
 */
public final class SubscriptionStore {

    public static final String COLLECTION = "bc_subscriptions";

    private final MongoCollection<Document> subscriptions;

    public SubscriptionStore(MongoDatabase database) {
        this.subscriptions = database.getCollection(COLLECTION);
    }

    /** The subscription kept for the set; empty before the first one was saved (a claim alone is no subscription). */
    public Optional<StoredSubscription> find(String tenantId, String entitySet) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id(tenantId, entitySet))).first())
                .filter(d -> d.getString("subscriptionId") != null)
                .map(SubscriptionStore::toStored);
    }

    public List<StoredSubscription> all(String tenantId) {
        List<StoredSubscription> out = new ArrayList<>();
        subscriptions.find(Filters.eq("tenantId", tenantId)).forEach(d -> {
            if (d.getString("subscriptionId") != null) {
                out.add(toStored(d));
            }
        });
        return out;
    }

    /**
     * Claims the keeping of the set for {@code holder} until {@code until}, unless another claim runs (not yet
     * {@code until}); returns the claim's version, which {@link #saveClaimed} and {@link #release} must present.
     */
    public Optional<Long> claim(String tenantId, String entitySet, String holder, Instant now, Instant until) {
        String id = id(tenantId, entitySet);
        try {
            subscriptions.updateOne(Filters.eq("_id", id), Updates.combine(Updates.setOnInsert("tenantId", tenantId),
                    Updates.setOnInsert("entitySet", entitySet)), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // another replica inserted it at the same moment: it exists, which is all the claim needs
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document claimed = subscriptions.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.or(Filters.exists("keptUntil", false),
                        Filters.eq("keptUntil", null), Filters.lte("keptUntil", Date.from(now)))),
                Updates.combine(Updates.set("keptBy", holder), Updates.set("keptUntil", Date.from(until)),
                        Updates.inc("keepVersion", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(d -> d.get("keepVersion", Number.class).longValue());
    }

    /**
     * Saves the subscription and ends the claim, if the claim {@code version} is still the current one; false when
     * another replica claimed the set since (this one overran its claim), and nothing was written.
     */
    public boolean saveClaimed(StoredSubscription s, long version, Instant now) {
        return subscriptions.updateOne(
                Filters.and(Filters.eq("_id", id(s.tenantId(), s.entitySet())), Filters.eq("keepVersion", version)),
                Updates.combine(Updates.set("subscriptionId", s.subscriptionId()),
                        Updates.set("notificationUrl", s.notificationUrl()), Updates.set("resource", s.resource()),
                        Updates.set("expirationDateTime", date(s.expirationDateTime())), Updates.set("etag", s.etag()),
                        Updates.set("createdAt", date(s.createdAt())), Updates.set("renewedAt", date(s.renewedAt())),
                        Updates.set("keptUntil", Date.from(now)))).getMatchedCount() == 1;
    }

    /** Ends the claim without saving anything (the check failed); no-op once another replica claimed the set. */
    public void release(String tenantId, String entitySet, long version, Instant now) {
        subscriptions.updateOne(Filters.and(Filters.eq("_id", id(tenantId, entitySet)),
                Filters.eq("keepVersion", version)), Updates.set("keptUntil", Date.from(now)));
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
