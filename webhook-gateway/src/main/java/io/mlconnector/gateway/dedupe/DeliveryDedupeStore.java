package io.mlconnector.gateway.dedupe;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which Procore deliveries were published, so a redelivery (Procore is at-least-once, Procore docs: webhooks)
 * publishes nothing. One document per tenant + delivery id, keyed by {@code _id} (unique by nature), changed only by
 * single-document atomic operations, so it behaves the same on a replica set and on mongo-java-server.
 *
 * <p>A delivery is claimed ({@code PENDING}) before it is published and marked {@code PUBLISHED} after Kafka's
 * acknowledgement; if publishing fails the claim is released so Procore's retry publishes it. A claim left behind
 * by an instance that died mid-request is taken over once older than the claim timeout, so nothing is lost.
 *
 * <p>All methods block: call them off the event loop.
 */
public final class DeliveryDedupeStore {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDedupeStore.class);
    private static final String PENDING = "PENDING";
    private static final String PUBLISHED = "PUBLISHED";

    private final MongoCollection<Document> deliveries;
    private final Duration claimTimeout;
    private final Duration retention;
    private final Clock clock;

    public DeliveryDedupeStore(MongoDatabase database, String collection, Duration claimTimeout, Duration retention,
                               Clock clock) {
        this.deliveries = database.getCollection(collection);
        this.claimTimeout = claimTimeout;
        this.retention = retention;
        this.clock = clock;
    }

    /** Creates the index pruning relies on; on a real MongoDB it is also a TTL index, which expires ids by itself. */
    public void createIndexes() {
        IndexOptions ttl = new IndexOptions().name("claimedAt_ttl")
                .expireAfter(retention.toSeconds(), TimeUnit.SECONDS);
        try {
            deliveries.createIndex(Indexes.ascending("claimedAt"), ttl);
        } catch (MongoCommandException e) {
            // an index from an earlier retention setting: pruning still works with it
            log.warn("Could not create the claimedAt TTL index on the dedupe store ({}); relying on pruning",
                    e.getErrorCodeName());
        }
    }

    public DeliveryClaim claim(String tenantId, String deliveryId) {
        String id = tenantId + "|" + deliveryId;
        Instant now = clock.instant();
        // two rounds: a claim released between our insert and our read leaves room for exactly one more try
        for (int attempt = 0; attempt < 2; attempt++) {
            if (insertClaim(id, tenantId, deliveryId, now)) {
                return new DeliveryClaim(id, DeliveryClaim.Outcome.CLAIMED, now);
            }
            Document existing = deliveries.find(Filters.eq("_id", id)).first();
            if (existing == null) {
                continue;
            }
            if (PUBLISHED.equals(existing.getString("state"))) {
                return new DeliveryClaim(id, DeliveryClaim.Outcome.DUPLICATE, null);
            }
            Instant claimedAt = existing.getDate("claimedAt").toInstant();
            if (claimedAt.isAfter(now.minus(claimTimeout))) {
                return new DeliveryClaim(id, DeliveryClaim.Outcome.IN_FLIGHT, null);
            }
            Document taken = deliveries.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.eq("state", PENDING),
                            Filters.eq("claimedAt", Date.from(claimedAt))),
                    Updates.set("claimedAt", Date.from(now)));
            if (taken != null) {
                log.info("Took over a stale claim for delivery {} (claimed at {})", id, claimedAt);
                return new DeliveryClaim(id, DeliveryClaim.Outcome.CLAIMED, now);
            }
            return new DeliveryClaim(id, DeliveryClaim.Outcome.IN_FLIGHT, null);
        }
        return new DeliveryClaim(id, DeliveryClaim.Outcome.IN_FLIGHT, null);
    }

    /** After Kafka acknowledged the event: every later delivery with this id is a duplicate. */
    public void markPublished(DeliveryClaim claim) {
        // by _id alone: the event is in Kafka whoever owns the claim now, and an _id-only filter stays an index
        // lookup on every store (mongo-java-server scans the collection for compound filters)
        deliveries.updateOne(Filters.eq("_id", claim.id()),
                Updates.combine(Updates.set("state", PUBLISHED), Updates.set("publishedAt", Date.from(clock.instant()))));
    }

    /** After publishing failed: forget the claim so the sender's retry publishes. */
    public void release(DeliveryClaim claim) {
        deliveries.deleteOne(Filters.and(ownClaim(claim), Filters.eq("state", PENDING)));
    }

    /** Deletes ids older than the retention (mongo-java-server has no TTL expiry). */
    public long prune() {
        Date cutoff = Date.from(clock.instant().minus(retention));
        return deliveries.deleteMany(Filters.lt("claimedAt", cutoff)).getDeletedCount();
    }

    /** Whether the store answers (for health). */
    public void ping() {
        deliveries.countDocuments(Filters.eq("_id", "ping"));
    }

    private static Bson ownClaim(DeliveryClaim claim) {
        return Filters.and(Filters.eq("_id", claim.id()), Filters.eq("claimedAt", Date.from(claim.claimedAt())));
    }

    private boolean insertClaim(String id, String tenantId, String deliveryId, Instant now) {
        try {
            deliveries.insertOne(new Document("_id", id)
                    .append("tenantId", tenantId)
                    .append("deliveryId", deliveryId)
                    .append("state", PENDING)
                    .append("claimedAt", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
