package io.mlconnector.gateway.dedupe;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Remembers which deliveries were published, so a redelivery publishes nothing (Procore and BC are at-least-once:
 * Procore docs, webhooks; Microsoft Learn, dynamics-subscriptions).
 * One document per tenant + delivery id, keyed by {@code _id} (unique by nature), changed only by single-document
 * atomic operations, so it behaves the same on a replica set and on mongo-java-server.
 *
 * <p>A delivery is claimed ({@code PENDING}) before it is published and marked {@code PUBLISHED} after Kafka's
 * acknowledgement; if publishing fails the claim is released so the sender's retry publishes it. A claim left behind
 * by an instance that died mid-request is taken over once older than the claim timeout, so nothing is lost.
 *
 * <p>Reactive driver: every method returns a cold Mono that never blocks the thread that subscribes to it (the
 * webhook answer runs on the HTTP event loop).
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
    public Mono<Void> createIndexes() {
        IndexOptions ttl = new IndexOptions().name("claimedAt_ttl")
                .expireAfter(retention.toSeconds(), TimeUnit.SECONDS);
        return Mono.from(deliveries.createIndex(Indexes.ascending("claimedAt"), ttl))
                .onErrorResume(MongoCommandException.class, e -> {
                    // an index from an earlier retention setting: pruning still works with it
                    log.warn("Could not create the claimedAt TTL index on the dedupe store ({}); relying on pruning",
                            e.getErrorCodeName());
                    return Mono.empty();
                })
                .then();
    }

    public Mono<DeliveryClaim> claim(String tenantId, String deliveryId) {
        return Mono.defer(() -> {
            String id = tenantId + "|" + deliveryId;
            Instant now = clock.instant();
            // two rounds: a claim released between our insert and our read leaves room for exactly one more try
            return attempt(id, tenantId, deliveryId, now)
                    .switchIfEmpty(Mono.defer(() -> attempt(id, tenantId, deliveryId, now)))
                    .defaultIfEmpty(new DeliveryClaim(id, DeliveryClaim.Outcome.IN_FLIGHT, null));
        });
    }

    /** One round; empty when the claim vanished between our insert and our read. */
    private Mono<DeliveryClaim> attempt(String id, String tenantId, String deliveryId, Instant now) {
        return insertClaim(id, tenantId, deliveryId, now).flatMap(inserted -> inserted
                ? Mono.just(new DeliveryClaim(id, DeliveryClaim.Outcome.CLAIMED, now))
                : Mono.from(deliveries.find(Filters.eq("_id", id)).first())
                        .flatMap(existing -> judgeExisting(id, existing, now)));
    }

    private Mono<DeliveryClaim> judgeExisting(String id, Document existing, Instant now) {
        if (PUBLISHED.equals(existing.getString("state"))) {
            return Mono.just(new DeliveryClaim(id, DeliveryClaim.Outcome.DUPLICATE, null));
        }
        Instant claimedAt = existing.getDate("claimedAt").toInstant();
        if (claimedAt.isAfter(now.minus(claimTimeout))) {
            return Mono.just(new DeliveryClaim(id, DeliveryClaim.Outcome.IN_FLIGHT, null));
        }
        return Mono.from(deliveries.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", id), Filters.eq("state", PENDING),
                                Filters.eq("claimedAt", Date.from(claimedAt))),
                        Updates.set("claimedAt", Date.from(now))))
                .map(taken -> {
                    log.info("Took over a stale claim for delivery {} (claimed at {})", id, claimedAt);
                    return new DeliveryClaim(id, DeliveryClaim.Outcome.CLAIMED, now);
                })
                .defaultIfEmpty(new DeliveryClaim(id, DeliveryClaim.Outcome.IN_FLIGHT, null));
    }

    /** After Kafka acknowledged the event: every later delivery with this id is a duplicate. */
    public Mono<Void> markPublished(DeliveryClaim claim) {
        // by _id alone: the event is in Kafka whoever owns the claim now, and an _id-only filter stays an index
        // lookup on every store (mongo-java-server scans the collection for compound filters)
        return Mono.defer(() -> Mono.from(deliveries.updateOne(Filters.eq("_id", claim.id()),
                Updates.combine(Updates.set("state", PUBLISHED), Updates.set("publishedAt", Date.from(clock.instant()))))))
                .then();
    }

    /** After publishing failed: forget the claim so the sender's retry publishes. */
    public Mono<Void> release(DeliveryClaim claim) {
        return Mono.defer(() -> Mono.from(deliveries.deleteOne(Filters.and(ownClaim(claim),
                Filters.eq("state", PENDING))))).then();
    }

    /** Deletes ids older than the retention (mongo-java-server has no TTL expiry); answers how many. */
    public Mono<Long> prune() {
        return Mono.defer(() -> Mono.from(deliveries.deleteMany(
                        Filters.lt("claimedAt", Date.from(clock.instant().minus(retention))))))
                .map(result -> result.getDeletedCount());
    }

    /** Completes when the store answers (for health). */
    public Mono<Void> ping() {
        return Mono.from(deliveries.countDocuments(Filters.eq("_id", "ping"))).then();
    }

    private static Bson ownClaim(DeliveryClaim claim) {
        return Filters.and(Filters.eq("_id", claim.id()), Filters.eq("claimedAt", Date.from(claim.claimedAt())));
    }

    private Mono<Boolean> insertClaim(String id, String tenantId, String deliveryId, Instant now) {
        return Mono.from(deliveries.insertOne(new Document("_id", id)
                        .append("tenantId", tenantId)
                        .append("deliveryId", deliveryId)
                        .append("state", PENDING)
                        .append("claimedAt", Date.from(now))))
                .thenReturn(true)
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.just(false));
    }
}
