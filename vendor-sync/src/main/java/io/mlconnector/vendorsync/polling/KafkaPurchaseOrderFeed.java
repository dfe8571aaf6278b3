package io.mlconnector.vendorsync.polling;

import io.mlconnector.bc.BcPurchaseOrder;
import io.mlconnector.events.BcPurchaseOrderObserved;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes each new or changed BC purchase order to {@code bc.purchase-orders} for subscribers (BC has no
 * webhooks for purchase orders, so this poll is their only change feed). Waits for the acknowledgement: a
 * failed send fails the poll before its watermark moves, so the order is published on the next one.
 */
public final class KafkaPurchaseOrderFeed implements PurchaseOrderFeed {

    private final KafkaTemplate<String, BcPurchaseOrderObserved> kafka;

    public KafkaPurchaseOrderFeed(KafkaTemplate<String, BcPurchaseOrderObserved> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(String tenantId, BcPurchaseOrder order, boolean vendorLinked, Instant observedAt) {
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
        try {
            kafka.send(Topics.BC_PURCHASE_ORDERS, EventKeys.of(tenantId, "purchaseOrder", event.getPurchaseOrderId()),
                    event).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing purchase order " + order.number(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish purchase order " + order.number(), e);
        }
    }
}
