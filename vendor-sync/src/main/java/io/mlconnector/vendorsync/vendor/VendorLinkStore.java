package io.mlconnector.vendorsync.vendor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * MongoDB collection {@code vendor_links}: BC vendor id/number ↔ Procore vendor id, per tenant. One document per
 * (tenant, BC vendor), {@code _id = tenantId|bcVendorId}, written whole (single-document writes only, so it behaves
 * the same on a replica set and on mongo-java-server).
 *
 * <pre>
 * { _id: "harbor-ridge|8f3c2a10-…-01", tenantId, bcVendorId: "8f3c2a10-…-01", bcVendorNumber: "V1010",
 *   procoreVendorId: 3968001 (long), contentHash: "…", active: true, deletedInBc: false, syncedAt: ISODate }
 * </pre>
 * Unique index (tenantId, procoreVendorId): one Procore vendor links to one BC vendor.
 */
public final class VendorLinkStore {

    public static final String COLLECTION = "vendor_links";

    private final MongoCollection<Document> links;

    public VendorLinkStore(MongoDatabase database) {
        this.links = database.getCollection(COLLECTION);
    }

    public void createIndexes() {
        links.createIndex(Indexes.ascending("tenantId", "procoreVendorId"), new IndexOptions().unique(true));
        links.createIndex(Indexes.ascending("tenantId", "bcVendorNumber"));
    }

    public Optional<VendorLink> find(String tenantId, UUID bcVendorId) {
        return Optional.ofNullable(links.find(Filters.eq("_id", id(tenantId, bcVendorId))).first())
                .map(VendorLinkStore::toLink);
    }

    public List<VendorLink> all(String tenantId) {
        List<VendorLink> out = new ArrayList<>();
        links.find(Filters.eq("tenantId", tenantId)).forEach(d -> out.add(toLink(d)));
        return out;
    }

    public void save(VendorLink link) {
        Document doc = new Document("_id", id(link.tenantId(), link.bcVendorId()))
                .append("tenantId", link.tenantId())
                .append("bcVendorId", link.bcVendorId().toString())
                .append("bcVendorNumber", link.bcVendorNumber())
                .append("procoreVendorId", link.procoreVendorId())
                .append("contentHash", link.contentHash())
                .append("active", link.active())
                .append("deletedInBc", link.deletedInBc())
                .append("syncedAt", Date.from(link.syncedAt()));
        links.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
    }

    private static String id(String tenantId, UUID bcVendorId) {
        return tenantId + "|" + bcVendorId;
    }

    private static VendorLink toLink(Document d) {
        return new VendorLink(d.getString("tenantId"), UUID.fromString(d.getString("bcVendorId")),
                d.getString("bcVendorNumber"), ((Number) d.get("procoreVendorId")).longValue(),
                d.getString("contentHash"), d.getBoolean("active", true), d.getBoolean("deletedInBc", false),
                d.getDate("syncedAt").toInstant());
    }
}
