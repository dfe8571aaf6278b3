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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Polls BC purchase orders by {@code lastModifiedDateTime} watermark (purchaseOrders are not among the entities
 * BC sends webhooks for) and keeps their latest version in {@link PurchaseOrderStore}, flagging orders whose vendor is not
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

    public Mono<PollResult> poll(Tenant tenant) {
        return state.get(tenant.id(), SyncStateStore.Field.PURCHASE_ORDER_WATERMARK).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(watermark -> {
                    Instant since = watermark.map(w -> w.minus(overlap)).orElse(null);
                    metrics.poll(tenant.id(), "purchaseOrders");
                    return bcClients.forTenant(tenant).purchaseOrders(since).collectList()
                            .flatMap(changed -> handOn(tenant, changed));
                });
    }

    private Mono<PollResult> handOn(Tenant tenant, List<BcPurchaseOrder> changed) {
        Instant now = clock.instant();
        AtomicInteger written = new AtomicInteger();
        Flux<Void> each = Flux.fromIterable(changed).concatMap(po -> vendorLinked(tenant, po).flatMap(linked ->
                orders.hasChanged(tenant.id(), po, linked).flatMap(hasChanged -> !hasChanged ? Mono.<Void>empty()
                        // publish first: if the send fails the order is still "changed" on the next poll and goes out then
                        : Mono.defer(() -> publisher.publish(tenant.id(), po, linked, now))
                                .then(Mono.defer(() -> orders.save(tenant.id(), po, linked, now)))
                                .doOnSuccess(saved -> written.incrementAndGet())
                                .then())));
        Mono<Void> watermark = Mono.defer(() -> changed.stream().map(BcPurchaseOrder::lastModifiedDateTime)
                .filter(Objects::nonNull).max(Comparator.naturalOrder())
                .map(at -> state.advance(tenant.id(), SyncStateStore.Field.PURCHASE_ORDER_WATERMARK, at))
                .orElse(Mono.empty()));
        return each.then(watermark).then(Mono.defer(() -> {
            metrics.purchaseOrdersChanged(tenant.id(), written.get());
            return orders.countWithUnlinkedVendor(tenant.id());
        })).map(unlinked -> {
            PollResult result = new PollResult(tenant.id(), changed.size(), written.get(), unlinked);
            if (written.get() > 0) {
                log.info("tenant {}: {} BC purchase order(s) new or changed ({} read); {} stored order(s) have a vendor"
                                + " not linked to Procore", tenant.id(), written.get(), changed.size(),
                        result.unlinkedVendorOrders());
            }
            return result;
        });
    }

    private Mono<Boolean> vendorLinked(Tenant tenant, BcPurchaseOrder po) {
        if (po.vendorId() == null) {
            return Mono.just(false);
        }
        return links.find(tenant.id(), po.vendorId()).map(l -> !l.deletedInBc()).defaultIfEmpty(false);
    }
}
