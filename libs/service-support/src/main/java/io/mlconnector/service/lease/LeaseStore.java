package io.mlconnector.service.lease;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The {@value #COLLECTION} collection, one document per scheduled job and tenant ({@code _id: "job|tenant"}): who
 * holds it ({@code holder}, {@code fence}), until when ({@code expiresAt}), which tick it was claimed for
 * ({@code tick}) and the last tick that finished ({@code doneTick}). Every change is one atomic
 * {@code findOneAndUpdate} / {@code updateOne} on that document, so it behaves the same on a replica set as on a
 * single node (https://www.mongodb.com/docs/manual/core/write-operations-atomicity/). Only this class writes it.
 */
public final class LeaseStore {

    public static final String COLLECTION = "schedule_leases";
    private static final Date NEVER = Date.from(Instant.EPOCH);

    /** A lease this replica holds: renew and release it with the fence it was granted. */
    public record Lease(String key, String holder, long fence, Instant tick) {
    }

    /** What the lease document says now. */
    public record State(String holder, Instant tick, Instant doneTick, Instant expiresAt) {
    }

    private final MongoCollection<Document> leases;

    public LeaseStore(MongoDatabase db) {
        this.leases = db.getCollection(COLLECTION);
    }

    /**
     * Claims {@code key} for {@code tick} if nobody holds it ({@code expiresAt <= now}), the tick has not finished
     * ({@code doneTick < tick}) and no later tick was claimed ({@code tick <= tick}); empty otherwise.
     */
    public Mono<Lease> claim(String key, Instant tick, String holder, Instant now, Instant expiresAt) {
        return ensureExists(key).then(Mono.from(leases.findOneAndUpdate(
                        and(eq("_id", key), lte("expiresAt", Date.from(now)), lt("doneTick", Date.from(tick)),
                                lte("tick", Date.from(tick))),
                        combine(set("holder", holder), set("tick", Date.from(tick)), set("claimedAt", Date.from(now)),
                                set("expiresAt", Date.from(expiresAt)), inc("fence", 1L)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(doc -> new Lease(key, holder, doc.get("fence", Number.class).longValue(), tick));
    }

    /** Extends the lease if it is still this holder's (same fence); false once another replica took it over. */
    public Mono<Boolean> renew(Lease lease, Instant expiresAt) {
        return Mono.from(leases.updateOne(and(eq("_id", lease.key()), eq("fence", lease.fence())),
                set("expiresAt", Date.from(expiresAt)))).map(r -> r.getMatchedCount() == 1);
    }

    /** The tick is finished (whatever its outcome): frees the lease at once; no-op once another holder has it. */
    public Mono<Boolean> release(Lease lease, Instant now) {
        return Mono.from(leases.updateOne(and(eq("_id", lease.key()), eq("fence", lease.fence())),
                combine(set("doneTick", Date.from(lease.tick())), set("doneAt", Date.from(now)),
                        set("doneBy", lease.holder()), set("expiresAt", Date.from(now)))))
                .map(r -> r.getMatchedCount() == 1);
    }

    /** The tick is not finished but this holder gives it up: another replica may claim it at once. */
    public Mono<Boolean> abandon(Lease lease, Instant now) {
        return Mono.from(leases.updateOne(and(eq("_id", lease.key()), eq("fence", lease.fence())),
                set("expiresAt", Date.from(now)))).map(r -> r.getMatchedCount() == 1);
    }

    public Mono<State> state(String key) {
        return Mono.from(leases.find(eq("_id", key)).first()).map(doc -> new State(doc.getString("holder"),
                doc.getDate("tick").toInstant(), doc.getDate("doneTick").toInstant(),
                doc.getDate("expiresAt").toInstant()));
    }

    /** A free lease document that has never run anything; racing inserts by other replicas are fine. */
    private Mono<Void> ensureExists(String key) {
        return Mono.from(leases.updateOne(eq("_id", key),
                        combine(setOnInsert("tick", NEVER), setOnInsert("doneTick", NEVER),
                                setOnInsert("expiresAt", NEVER), setOnInsert("fence", 0L)),
                        new UpdateOptions().upsert(true)))
                // a real MongoDB may answer a racing upsert with E11000: the document exists, which is all we need
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty())
                .then();
    }
}
