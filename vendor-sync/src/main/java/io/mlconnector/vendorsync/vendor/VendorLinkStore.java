package io.mlconnector.vendorsync.vendor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.mlconnector.events.VendorLinkOrigin;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

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

    public void createIndexes() {
        links.createIndex(Indexes.ascending("tenantId", "procoreVendorId"), new IndexOptions().unique(true));
        links.createIndex(Indexes.ascending("tenantId", "bcVendorNumber"));
    }

    public Optional<LinkedVendor> find(String tenantId, UUID bcVendorId) {
        return Optional.ofNullable(links.find(Filters.and(Filters.eq("_id", id(tenantId, bcVendorId)), CURRENT_SHAPE))
                .first()).map(VendorLinkStore::toLink);
    }

    public Optional<LinkedVendor> findByProcoreVendor(String tenantId, long procoreVendorId) {
        return Optional.ofNullable(links.find(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.eq("procoreVendorId", procoreVendorId), CURRENT_SHAPE)).first()).map(VendorLinkStore::toLink);
    }

    public List<LinkedVendor> all(String tenantId) {
        List<LinkedVendor> out = new ArrayList<>();
        links.find(Filters.and(Filters.eq("tenantId", tenantId), CURRENT_SHAPE)).forEach(d -> out.add(toLink(d)));
        return out;
    }

    /** Links not yet published on vendor.links (a send failed after the save). */
    public List<LinkedVendor> unpublished(String tenantId) {
        List<LinkedVendor> out = new ArrayList<>();
        links.find(Filters.and(Filters.eq("tenantId", tenantId), CURRENT_SHAPE, Filters.ne("published", true)))
                .forEach(d -> out.add(toLink(d)));
        return out;
    }

    public List<LegacyLink> legacyLinks(String tenantId) {
        List<LegacyLink> out = new ArrayList<>();
        links.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.exists("bcVendorId", false)))
                .forEach(d -> out.add(new LegacyLink(d.getString("_id"), tenantId,
                        ((Number) d.get("procoreVendorId")).longValue(), d.getString("bcVendorNumber"))));
        return out;
    }

    public void removeLegacy(LegacyLink legacy) {
        links.deleteOne(Filters.and(Filters.eq("_id", legacy.id()), Filters.exists("bcVendorId", false)));
    }

    /**
     * Saves the link (unpublished). Any other document holding the same Procore vendor (it was linked to another BC
     * vendor, or is a legacy link) is removed first: the newer link wins instead of failing on the unique index.
     *
     * @return the Procore vendor's previous link to another BC vendor, if there was one
     */
    public Optional<LinkedVendor> save(LinkedVendor link) {
        String id = id(link.tenantId(), link.bcVendorId());
        Bson sameProcoreVendorElsewhere = Filters.and(Filters.eq("tenantId", link.tenantId()),
                Filters.eq("procoreVendorId", link.procoreVendorId()), Filters.ne("_id", id));
        Optional<LinkedVendor> previous = Optional.ofNullable(links.find(Filters.and(sameProcoreVendorElsewhere,
                CURRENT_SHAPE)).first()).map(VendorLinkStore::toLink);
        links.deleteMany(sameProcoreVendorElsewhere);
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
        links.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
        return previous;
    }

    /** Marks the link published, unless it was saved again since (that newer version is published on its own). */
    public void markPublished(LinkedVendor link) {
        links.updateOne(Filters.and(Filters.eq("_id", id(link.tenantId(), link.bcVendorId())),
                        Filters.eq("procoreVendorId", link.procoreVendorId()),
                        Filters.eq("syncedAt", Date.from(link.syncedAt()))),
                Updates.set("published", true));
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
