package io.mlconnector.vendorsync.polling;

import io.mlconnector.bc.BcPurchaseOrder;
import io.mlconnector.events.BcPurchaseOrderObserved;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import io.mlconnector.vendorsync.KafkaSends;
import java.time.Instant;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes each new or changed BC purchase order to {@code bc.purchase-orders} for subscribers (BC has no
 * webhooks for purchase orders, so this poll is their only change feed). Completes on the acknowledgement: a
 * failed send fails the poll before its watermark moves, so the order is published on the next one.
 */
public final class KafkaPurchaseOrderFeed implements PurchaseOrderFeed {

    private final KafkaTemplate<String, BcPurchaseOrderObserved> kafka;
    private final KafkaSends sends;

    public KafkaPurchaseOrderFeed(KafkaTemplate<String, BcPurchaseOrderObserved> kafka, KafkaSends sends) {
        this.kafka = kafka;
        this.sends = sends;
    }

    @Override
    public Mono<Void> publish(String tenantId, BcPurchaseOrder order, boolean vendorLinked, Instant observedAt) {
        BcPurchaseOrderObserved event = BcPurchaseOrderObserved.newBuilder()
                .setTenantId(tenantId)
                .setPurchaseOrderId(order.id().toString())
                .setNumber(order.number())
                .setOrderDate(order.orderDate())
                .setVendorId(order.vendorId() == null ? null : order.vendorId().toString())
                .setVendorNumber(order.vendorNumber())
                .setVendorName(order.vendorName())
                .setVendorLinkedToProcore(vendorLinked)
                .setStatus(order.status())
                .setTotalAmountIncludingTax((order.totalAmountIncludingTax() == null ? BigDecimal.ZERO
                        : order.totalAmountIncludingTax()).setScale(2, RoundingMode.HALF_UP))
                .setLastModifiedDateTime(order.lastModifiedDateTime())
                .setObservedAt(observedAt)
                .build();
        return sends.send(kafka, Topics.BC_PURCHASE_ORDERS,
                EventKeys.of(tenantId, "purchaseOrder", event.getPurchaseOrderId()), event,
                "purchase order " + order.number());
    }
}
