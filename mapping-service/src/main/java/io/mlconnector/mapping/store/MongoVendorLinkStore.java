package io.mlconnector.mapping.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.mlconnector.mapping.rules.VendorLink;
import io.mlconnector.mapping.rules.VendorLinkRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Collection {@code vendor_links}: one document per tenantId|procoreVendorId. */
public final class MongoVendorLinkStore implements VendorLinkRepository {
    public static final String COLLECTION = "vendor_links";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public MongoVendorLinkStore(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
        collection.createIndex(Indexes.ascending("tenantId"), new IndexOptions().name("tenant"));
    }

    @Override
    public Optional<VendorLink> link(String tenantId, long procoreVendorId) {
        return Optional.ofNullable(collection.find(eq("_id", id(tenantId, procoreVendorId))).first())
                .map(MongoVendorLinkStore::read);
    }

    public List<VendorLink> list(String tenantId) {
        List<VendorLink> links = new ArrayList<>();
        collection.find(eq("tenantId", tenantId)).sort(Sorts.ascending("procoreVendorId"))
                .forEach(doc -> links.add(read(doc)));
        return links;
    }

    public void put(String tenantId, VendorLink link) {
        collection.replaceOne(eq("_id", id(tenantId, link.procoreVendorId())),
                new Document("_id", id(tenantId, link.procoreVendorId()))
                        .append("tenantId", tenantId)
                        .append("procoreVendorId", link.procoreVendorId())
                        .append("bcVendorNumber", link.bcVendorNumber())
                        .append("updatedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    public boolean delete(String tenantId, long procoreVendorId) {
        return collection.deleteOne(eq("_id", id(tenantId, procoreVendorId))).getDeletedCount() == 1;
    }

    private static String id(String tenantId, long procoreVendorId) {
        return tenantId + "|" + procoreVendorId;
    }

    private static VendorLink read(Document doc) {
        return new VendorLink(doc.get("procoreVendorId", Number.class).longValue(), doc.getString("bcVendorNumber"));
    }
}
