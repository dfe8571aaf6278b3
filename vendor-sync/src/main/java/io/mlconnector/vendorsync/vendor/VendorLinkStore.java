package io.mlconnector.vendorsync.vendor;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.events.VendorLinkOrigin;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MongoDB collection {@code vendor_links}, written by vendor-sync only: BC vendor id/number ↔ Procore vendor id, per
 * tenant. One document per (tenant, BC vendor), {@code _id = tenantId|bcVendorId}, written whole (single-document
 * writes only, so it behaves the same on a replica set and on mongo-java-server).
 *
 * <pre>
 * { _id: "harbor-ridge|8f3c2a10-…-01", tenantId, bcVendorId: "8f3c2a10-…-01", bcVendorNumber: "V1010",
 *   procoreVendorId: 3968001 (long), contentHash: "…", active: true, deletedInBc: false, linkedBy: "SYNCED",
 *   published: true, syncedAt: ISODate }
 * </pre>
 * Unique index (tenantId, procoreVendorId): one Procore vendor links to one BC vendor (Procore keeps one origin_id
 * per vendor). {@code published} is an outbox flag: false until the link went out on {@code vendor.links}.
 *
 * <p>Before vendor-sync owned this collection, mapping-service wrote its manual links here as
 * {@code {_id: tenantId|procoreVendorId, tenantId, procoreVendorId, bcVendorNumber, updatedAt}}, without a BC vendor
 * id. Those are read apart ({@link #legacyLinks}) and taken over as manual links by the next reconciliation.
 *
 * <p>Reactive driver: every method returns a Mono or Flux and nothing blocks.
 */
public final class VendorLinkStore {

    public static final String COLLECTION = "vendor_links";

    /** A link as mapping-service used to write it: a Procore vendor and a BC vendor number. */
    public record LegacyLink(String id, String tenantId, long procoreVendorId, String bcVendorNumber) {
    }

    private static final Bson CURRENT_SHAPE = Filters.exists("bcVendorId");

    private final MongoCollection<Document> links;

    public VendorLinkStore(MongoDatabase database) {
        this.links = database.getCollection(COLLECTION);
    }

    /** Creates the collection's indexes (idempotent); run once at start. */
    public Mono<Void> createIndexes() {
        return Mono.from(links.createIndex(Indexes.ascending("tenantId", "procoreVendorId"),
                        new IndexOptions().unique(true)))
                .then(Mono.from(links.createIndex(Indexes.ascending("tenantId", "bcVendorNumber"))))
                .then();
    }

    /** The BC vendor's link; empty when it has none. */
    public Mono<LinkedVendor> find(String tenantId, UUID bcVendorId) {
        return Mono.from(links.find(Filters.and(Filters.eq("_id", id(tenantId, bcVendorId)), CURRENT_SHAPE)).first())
                .map(VendorLinkStore::toLink);
    }

    /** The Procore vendor's link; empty when it has none. */
    public Mono<LinkedVendor> findByProcoreVendor(String tenantId, long procoreVendorId) {
        return Mono.from(links.find(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.eq("procoreVendorId", procoreVendorId), CURRENT_SHAPE)).first()).map(VendorLinkStore::toLink);
    }

    public Flux<LinkedVendor> all(String tenantId) {
        return Flux.from(links.find(Filters.and(Filters.eq("tenantId", tenantId), CURRENT_SHAPE)))
                .map(VendorLinkStore::toLink);
    }

    /** Links not yet published on vendor.links (a send failed after the save). */
    public Flux<LinkedVendor> unpublished(String tenantId) {
        return Flux.from(links.find(Filters.and(Filters.eq("tenantId", tenantId), CURRENT_SHAPE,
                Filters.ne("published", true)))).map(VendorLinkStore::toLink);
    }

    public Flux<LegacyLink> legacyLinks(String tenantId) {
        return Flux.from(links.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.exists("bcVendorId", false))))
                .map(d -> new LegacyLink(d.getString("_id"), tenantId,
                        ((Number) d.get("procoreVendorId")).longValue(), d.getString("bcVendorNumber")));
    }

    public Mono<Void> removeLegacy(LegacyLink legacy) {
        return Mono.from(links.deleteOne(Filters.and(Filters.eq("_id", legacy.id()),
                Filters.exists("bcVendorId", false)))).then();
    }

    /**
     * Saves the link (unpublished). Any other document holding the same Procore vendor (it was linked to another BC
     * vendor, or is a legacy link) is removed first: the newer link wins instead of failing on the unique index.
     *
     * @return the Procore vendor's previous link to another BC vendor, if there was one
     */
    public Mono<Optional<LinkedVendor>> save(LinkedVendor link) {
        String id = id(link.tenantId(), link.bcVendorId());
        Bson sameProcoreVendorElsewhere = Filters.and(Filters.eq("tenantId", link.tenantId()),
                Filters.eq("procoreVendorId", link.procoreVendorId()), Filters.ne("_id", id));
        Document doc = new Document("_id", id)
                .append("tenantId", link.tenantId())
                .append("bcVendorId", link.bcVendorId().toString())
                .append("bcVendorNumber", link.bcVendorNumber())
                .append("procoreVendorId", link.procoreVendorId())
                .append("contentHash", link.contentHash())
                .append("active", link.active())
                .append("deletedInBc", link.deletedInBc())
                .append("linkedBy", link.linkedBy().name())
                .append("published", false)
                .append("syncedAt", Date.from(link.syncedAt()));
        return Mono.from(links.find(Filters.and(sameProcoreVendorElsewhere, CURRENT_SHAPE)).first())
                .map(VendorLinkStore::toLink)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(previous -> Mono.from(links.deleteMany(sameProcoreVendorElsewhere))
                        .then(Mono.from(links.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true))))
                        .thenReturn(previous));
    }

    /** Marks the link published, unless it was saved again since (that newer version is published on its own). */
    public Mono<Void> markPublished(LinkedVendor link) {
        return Mono.from(links.updateOne(Filters.and(Filters.eq("_id", id(link.tenantId(), link.bcVendorId())),
                        Filters.eq("procoreVendorId", link.procoreVendorId()),
                        Filters.eq("syncedAt", Date.from(link.syncedAt()))),
                Updates.set("published", true))).then();
    }

    private static String id(String tenantId, UUID bcVendorId) {
        return tenantId + "|" + bcVendorId;
    }

    private static LinkedVendor toLink(Document d) {
        String linkedBy = d.getString("linkedBy");
        return new LinkedVendor(d.getString("tenantId"), UUID.fromString(d.getString("bcVendorId")),
                d.getString("bcVendorNumber"), ((Number) d.get("procoreVendorId")).longValue(),
                d.getString("contentHash"), d.getBoolean("active", true), d.getBoolean("deletedInBc", false),
                linkedBy == null ? VendorLinkOrigin.SYNCED : VendorLinkOrigin.valueOf(linkedBy),
                d.getDate("syncedAt").toInstant());
    }
}
