package io.mlconnector.vendorsync.polling;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.mlconnector.bc.BcPurchaseOrder;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * MongoDB collection {@code bc_purchase_orders}: the latest version of each BC purchase order vendor-sync has
 * polled (BC has no webhooks for purchaseOrders, dynamics-subscriptions), for reconciliation against Procore commitments.
 * {@code _id = tenantId|purchaseOrderId}; money as Decimal128.
 * <pre>
 * { _id, tenantId, purchaseOrderId, number, orderDate: "2026-09-14", vendorId, vendorNumber, vendorName, status,
 *   totalAmountIncludingTax: Decimal128, lastModifiedDateTime: ISODate, vendorLinked: true, seenAt: ISODate }
 * </pre>
 */
public final class PurchaseOrderStore {

    public static final String COLLECTION = "bc_purchase_orders";

    private final MongoCollection<Document> orders;

    public PurchaseOrderStore(MongoDatabase database) {
        this.orders = database.getCollection(COLLECTION);
    }

    /** @return true when this version is new or differs from the stored one */
    /** Whether this version differs from the stored one (new, modified, status or vendor link changed). */
    public boolean hasChanged(String tenantId, BcPurchaseOrder po, boolean vendorLinked) {
        Document previous = orders.find(Filters.eq("_id", tenantId + "|" + po.id())).first();
        Date modified = po.lastModifiedDateTime() == null ? null : Date.from(po.lastModifiedDateTime());
        return previous == null || !Objects.equals(previous.getDate("lastModifiedDateTime"), modified)
                || !Objects.equals(previous.getString("status"), po.status())
                || previous.getBoolean("vendorLinked", false) != vendorLinked;
    }

    /** Stores the order when it changed; returns whether it did. */
    public boolean save(String tenantId, BcPurchaseOrder po, boolean vendorLinked, Instant seenAt) {
        if (!hasChanged(tenantId, po, vendorLinked)) {
            return false;
        }
        String id = tenantId + "|" + po.id();
        Date modified = po.lastModifiedDateTime() == null ? null : Date.from(po.lastModifiedDateTime());
        Document doc = new Document("_id", id)
                .append("tenantId", tenantId)
                .append("purchaseOrderId", po.id().toString())
                .append("number", po.number())
                .append("orderDate", po.orderDate() == null ? null : po.orderDate().toString())
                .append("vendorId", po.vendorId() == null ? null : po.vendorId().toString())
                .append("vendorNumber", po.vendorNumber())
                .append("vendorName", po.vendorName())
                .append("status", po.status())
                .append("totalAmountIncludingTax", po.totalAmountIncludingTax() == null ? null
                        : new Decimal128(po.totalAmountIncludingTax()))
                .append("lastModifiedDateTime", modified)
                .append("vendorLinked", vendorLinked)
                .append("seenAt", Date.from(seenAt));
        orders.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
        return true;
    }

    public long count(String tenantId) {
        return orders.countDocuments(Filters.eq("tenantId", tenantId));
    }

    public long countWithUnlinkedVendor(String tenantId) {
        return orders.countDocuments(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("vendorLinked", false)));
    }
}
