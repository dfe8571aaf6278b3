package io.mlconnector.vendorsync.polling;

import io.mlconnector.bc.BcPurchaseOrder;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import io.mlconnector.vendorsync.vendor.VendorLinkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls BC purchase orders by {@code lastModifiedDateTime} watermark (purchaseOrders are not webhook-enabled,
 * dynamics-subscriptions) and keeps their latest version in {@link PurchaseOrderStore}, flagging orders whose vendor is not
 * linked to a Procore vendor; each new or changed order is published to {@code bc.purchase-orders}.
 */
public final class PurchaseOrderPoller {

    private static final Logger log = LoggerFactory.getLogger(PurchaseOrderPoller.class);

    public record PollResult(String tenantId, int read, int changed, long unlinkedVendorOrders) {
    }

    private final BcClients bcClients;
    private final PurchaseOrderStore orders;
    private final PurchaseOrderFeed publisher;
    private final VendorLinkStore links;
    private final SyncStateStore state;
    private final VendorSyncMetrics metrics;
    private final Duration overlap;
    private final Clock clock;

    public PurchaseOrderPoller(BcClients bcClients, PurchaseOrderStore orders, PurchaseOrderFeed publisher,
                               VendorLinkStore links, SyncStateStore state, VendorSyncMetrics metrics, Duration overlap,
                               Clock clock) {
        this.bcClients = bcClients;
        this.orders = orders;
        this.publisher = publisher;
        this.links = links;
        this.state = state;
        this.metrics = metrics;
        this.overlap = overlap;
        this.clock = clock;
    }

    public PollResult poll(Tenant tenant) {
        Instant since = state.get(tenant.id(), SyncStateStore.Field.PURCHASE_ORDER_WATERMARK)
                .map(w -> w.minus(overlap)).orElse(null);
        metrics.poll(tenant.id(), "purchaseOrders");
        List<BcPurchaseOrder> changed = bcClients.forTenant(tenant).purchaseOrders(since).collectList().block();
        Instant now = clock.instant();
        int written = 0;
        for (BcPurchaseOrder po : changed) {
            boolean linked = po.vendorId() != null && links.find(tenant.id(), po.vendorId())
                    .filter(l -> !l.deletedInBc()).isPresent();
            // publish first: if the send fails the order is still "changed" on the next poll and goes out then
            if (orders.hasChanged(tenant.id(), po, linked)) {
                publisher.publish(tenant.id(), po, linked, now);
                orders.save(tenant.id(), po, linked, now);
                written++;
            }
        }
        changed.stream().map(BcPurchaseOrder::lastModifiedDateTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .ifPresent(at -> state.advance(tenant.id(), SyncStateStore.Field.PURCHASE_ORDER_WATERMARK, at));
        metrics.purchaseOrdersChanged(tenant.id(), written);
        PollResult result = new PollResult(tenant.id(), changed.size(), written, orders.countWithUnlinkedVendor(tenant.id()));
        if (written > 0) {
            log.info("tenant {}: {} BC purchase order(s) new or changed ({} read); {} stored order(s) have a vendor"
                    + " not linked to Procore", tenant.id(), written, changed.size(), result.unlinkedVendorOrders());
        }
        return result;
    }
}
