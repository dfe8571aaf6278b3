package io.mlconnector.vendorsync.subscription;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
 *   notificationUrl, resource, expirationDateTime: ISODate, etag, createdAt: ISODate, renewedAt: ISODate,
 *   keptBy, keptUntil: ISODate, keepVersion }
 * </pre>
 * {@code keptBy}/{@code keptUntil}/{@code keepVersion} are the keeper's claim on the entity set: with several replicas,
 * one at a time decides whether to create, re-create or renew it ({@link #claim}), and only the claim's holder can
 * save the outcome ({@link #saveClaimed}); each change is one atomic update of the document
 * (https://www.mongodb.com/docs/manual/core/write-operations-atomicity/). Reactive driver: every method returns a
 * Mono or Flux and nothing blocks.
 */
public final class SubscriptionStore {

    public static final String COLLECTION = "bc_subscriptions";

    private final MongoCollection<Document> subscriptions;

    public SubscriptionStore(MongoDatabase database) {
        this.subscriptions = database.getCollection(COLLECTION);
    }

    /** The subscription kept for the set; empty before the first one was saved (a claim alone is no subscription). */
    public Mono<StoredSubscription> find(String tenantId, String entitySet) {
        return Mono.from(subscriptions.find(Filters.eq("_id", id(tenantId, entitySet))).first())
                .filter(SubscriptionStore::hasSubscription)
                .map(SubscriptionStore::toStored);
    }

    public Flux<StoredSubscription> all(String tenantId) {
        return Flux.from(subscriptions.find(Filters.eq("tenantId", tenantId)))
                .filter(SubscriptionStore::hasSubscription)
                .map(SubscriptionStore::toStored);
    }

    /**
     * Claims the keeping of the set for {@code holder} until {@code until}, unless another claim runs (not yet
     * {@code until}); emits the claim's version, which {@link #saveClaimed} and {@link #release} must present, or
     * nothing when another replica holds the set.
     */
    public Mono<Long> claim(String tenantId, String entitySet, String holder, Instant now, Instant until) {
        String id = id(tenantId, entitySet);
        Mono<Void> exists = Mono.from(subscriptions.updateOne(Filters.eq("_id", id),
                        Updates.combine(Updates.setOnInsert("tenantId", tenantId),
                                Updates.setOnInsert("entitySet", entitySet)), new UpdateOptions().upsert(true)))
                // another replica inserted it at the same moment: it exists, which is all the claim needs
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty())
                .then();
        return exists.then(Mono.from(subscriptions.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", id), Filters.or(Filters.exists("keptUntil", false),
                                Filters.eq("keptUntil", null), Filters.lte("keptUntil", Date.from(now)))),
                        Updates.combine(Updates.set("keptBy", holder), Updates.set("keptUntil", Date.from(until)),
                                Updates.inc("keepVersion", 1L)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(d -> d.get("keepVersion", Number.class).longValue());
    }

    /**
     * Saves the subscription and ends the claim, if the claim {@code version} is still the current one; false when
     * another replica claimed the set since (this one overran its claim), and nothing was written.
     */
    public Mono<Boolean> saveClaimed(StoredSubscription s, long version, Instant now) {
        return Mono.from(subscriptions.updateOne(
                        Filters.and(Filters.eq("_id", id(s.tenantId(), s.entitySet())),
                                Filters.eq("keepVersion", version)),
                        Updates.combine(Updates.set("subscriptionId", s.subscriptionId()),
                                Updates.set("notificationUrl", s.notificationUrl()),
                                Updates.set("resource", s.resource()),
                                Updates.set("expirationDateTime", date(s.expirationDateTime())),
                                Updates.set("etag", s.etag()), Updates.set("createdAt", date(s.createdAt())),
                                Updates.set("renewedAt", date(s.renewedAt())),
                                Updates.set("keptUntil", Date.from(now)))))
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Ends the claim without saving anything (the check failed); no-op once another replica claimed the set. */
    public Mono<Void> release(String tenantId, String entitySet, long version, Instant now) {
        return Mono.from(subscriptions.updateOne(Filters.and(Filters.eq("_id", id(tenantId, entitySet)),
                Filters.eq("keepVersion", version)), Updates.set("keptUntil", Date.from(now)))).then();
    }

    private static String id(String tenantId, String entitySet) {
        return tenantId + "|" + entitySet;
    }

    private static boolean hasSubscription(Document d) {
        return d.getString("subscriptionId") != null;
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
