package io.mlconnector.mapping.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.events.VendorLink;
import io.mlconnector.events.VendorLinkOrigin;
import io.mlconnector.mapping.rules.VendorLinkRepository;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collection {@code mapping_vendor_links}, mapping-service's read model of the links vendor-sync owns and publishes
 * on {@code vendor.links}: one document per tenantId|procoreVendorId, written only from those events (the accountant
 * links vendors through vendor-sync's API). Rebuilt from the compacted topic if lost. Reactive driver: every method
 * returns a Mono or Flux and nothing blocks.
 */
public final class MongoVendorLinkStore implements VendorLinkRepository {
    public static final String COLLECTION = "mapping_vendor_links";

    private final MongoCollection<Document> collection;

    public MongoVendorLinkStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** Creates the collection's index (idempotent); run once at start. */
    public Mono<Void> createIndexes() {
        return Mono.from(collection.createIndex(Indexes.ascending("tenantId"), new IndexOptions().name("tenant"))).then();
    }

    @Override
    public Mono<VendorLink> link(String tenantId, long procoreVendorId) {
        return Mono.from(collection.find(eq("_id", id(tenantId, procoreVendorId))).first())
                .map(MongoVendorLinkStore::read);
    }

    public Flux<VendorLink> list(String tenantId) {
        return Flux.from(collection.find(eq("tenantId", tenantId)).sort(Sorts.ascending("procoreVendorId")))
                .map(MongoVendorLinkStore::read);
    }

    /**
     * Keeps the link as published. An older event than the stored one (a replay) changes nothing.
     *
     * @return whether the tenant's parked documents need a re-drive: what the mapping resolves changed (another BC
     *         vendor, or it became (in)active), or an earlier change was stored but its re-drive did not finish
     */
    public Mono<Boolean> apply(VendorLink link) {
        String id = id(link.getTenantId(), link.getProcoreVendorId());
        return Mono.from(collection.find(eq("_id", id)).first())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(stored -> {
                    Optional<VendorLink> current = stored.map(MongoVendorLinkStore::read);
                    boolean redrivePending = stored.isPresent() && !stored.get().getBoolean("redriven", true);
                    if (current.isPresent() && current.get().getChangedAt().isAfter(link.getChangedAt())) {
                        return Mono.just(redrivePending);
                    }
                    boolean changed = current.isEmpty()
                            || !Objects.equals(current.get().getBcVendorId(), link.getBcVendorId())
                            || !Objects.equals(current.get().getBcVendorNumber(), link.getBcVendorNumber())
                            || current.get().getActive() != link.getActive();
                    return Mono.from(collection.replaceOne(eq("_id", id), new Document("_id", id)
                                            .append("tenantId", link.getTenantId())
                                            .append("procoreVendorId", link.getProcoreVendorId())
                                            .append("bcVendorId", link.getBcVendorId())
                                            .append("bcVendorNumber", link.getBcVendorNumber())
                                            .append("linkedBy", link.getLinkedBy().name())
                                            .append("active", link.getActive())
                                            .append("changedAt", Date.from(link.getChangedAt()))
                                            .append("redriven", !(changed || redrivePending)),
                                    new ReplaceOptions().upsert(true)))
                            .thenReturn(changed || redrivePending);
                });
    }

    /** The re-drive this link asked for is done (so a replay of the same link does not re-drive again). */
    public Mono<Void> markRedriven(String tenantId, long procoreVendorId) {
        return Mono.from(collection.updateOne(eq("_id", id(tenantId, procoreVendorId)), Updates.set("redriven", true)))
                .then();
    }

    /** A tombstone: the Procore vendor is linked to no BC vendor any more. True when a link was removed. */
    public Mono<Boolean> remove(String tenantId, long procoreVendorId) {
        return Mono.from(collection.deleteOne(eq("_id", id(tenantId, procoreVendorId))))
                .map(result -> result.getDeletedCount() == 1);
    }

    private static String id(String tenantId, long procoreVendorId) {
        return tenantId + "|" + procoreVendorId;
    }

    private static VendorLink read(Document doc) {
        String linkedBy = doc.getString("linkedBy");
        Date changedAt = doc.getDate("changedAt");
        return VendorLink.newBuilder()
                .setTenantId(doc.getString("tenantId"))
                .setProcoreVendorId(doc.get("procoreVendorId", Number.class).longValue())
                .setBcVendorId(doc.getString("bcVendorId"))
                .setBcVendorNumber(doc.getString("bcVendorNumber"))
                .setLinkedBy(linkedBy == null ? VendorLinkOrigin.UNKNOWN : VendorLinkOrigin.valueOf(linkedBy))
                .setActive(doc.getBoolean("active", true))
                .setChangedAt(changedAt == null ? Instant.EPOCH : changedAt.toInstant())
                .build();
    }
}
