package io.mlconnector.vendorsync.polling;

import io.mlconnector.bc.BcPurchaseOrder;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where new or changed BC purchase orders go for subscribers: {@link KafkaPurchaseOrderFeed} in the service. */
public interface PurchaseOrderFeed {

    /** Must fail when the order could not be handed on, so the poll does not record it as done. */
    Mono<Void> publish(String tenantId, BcPurchaseOrder order, boolean vendorLinked, Instant observedAt);
}
