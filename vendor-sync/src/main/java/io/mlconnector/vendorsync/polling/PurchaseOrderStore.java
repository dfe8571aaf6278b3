package io.mlconnector.vendorsync.polling;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.bc.BcPurchaseOrder;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.Decimal128;
import reactor.core.publisher.Mono;

/**
 * MongoDB collection {@code bc_purchase_orders}: the latest version of each BC purchase order vendor-sync has
 * polled (BC has no webhooks for purchaseOrders), for reconciliation against Procore commitments.
 * {@code _id = tenantId|purchaseOrderId}; money as Decimal128. Reactive driver: nothing blocks.
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

    /** Whether this version differs from the stored one (new, modified, status or vendor link changed). */
    public Mono<Boolean> hasChanged(String tenantId, BcPurchaseOrder po, boolean vendorLinked) {
        Date modified = po.lastModifiedDateTime() == null ? null : Date.from(po.lastModifiedDateTime());
        return Mono.from(orders.find(Filters.eq("_id", tenantId + "|" + po.id())).first())
                .map(previous -> !Objects.equals(previous.getDate("lastModifiedDateTime"), modified)
                        || !Objects.equals(previous.getString("status"), po.status())
                        || previous.getBoolean("vendorLinked", false) != vendorLinked)
                .defaultIfEmpty(true);
    }

    /** Stores the order when it changed; emits whether it did. */
    public Mono<Boolean> save(String tenantId, BcPurchaseOrder po, boolean vendorLinked, Instant seenAt) {
        return hasChanged(tenantId, po, vendorLinked).flatMap(changed -> changed
                ? replace(tenantId, po, vendorLinked, seenAt).thenReturn(true) : Mono.just(false));
    }

    private Mono<Void> replace(String tenantId, BcPurchaseOrder po, boolean vendorLinked, Instant seenAt) {
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
        return Mono.from(orders.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true))).then();
    }

    public Mono<Long> count(String tenantId) {
        return Mono.from(orders.countDocuments(Filters.eq("tenantId", tenantId)));
    }

    public Mono<Long> countWithUnlinkedVendor(String tenantId) {
        return Mono.from(orders.countDocuments(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.eq("vendorLinked", false))));
    }
}
