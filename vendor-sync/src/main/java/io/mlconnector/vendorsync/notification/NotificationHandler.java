package io.mlconnector.vendorsync.notification;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcVendor;
import io.mlconnector.events.BcNotification;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import io.mlconnector.vendorsync.polling.SyncStateStore;
import io.mlconnector.vendorsync.vendor.VendorSync;
import io.mlconnector.vendorsync.vendor.VendorSyncReport;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.Trigger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One BC notification (already checked by the gateway: clientState matched the tenant) → a fetch of what
 * changed. BC notifications carry only a pointer
 * (https://learn.microsoft.com/dynamics365/business-central/dev-itpro/api-reference/v2.0/dynamic-api-webhooks): created/updated → GET the vendor and upsert it;
 * deleted → the Procore vendor becomes inactive; collection → page the vendors changed since the filter's time
 * (or reconcile everything when BC sent no filter). Re-delivered notifications are harmless: the upsert compares
 * content hashes and writes nothing when nothing changed.
 */
public final class NotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(NotificationHandler.class);

    private final TenantRegistry tenants;
    private final BcClients bcClients;
    private final VendorSync vendors;
    private final SyncStateStore state;
    private final VendorSyncMetrics metrics;
    private final Clock clock;

    public NotificationHandler(TenantRegistry tenants, BcClients bcClients, VendorSync vendors, SyncStateStore state,
                               VendorSyncMetrics metrics, Clock clock) {
        this.tenants = tenants;
        this.bcClients = bcClients;
        this.vendors = vendors;
        this.state = state;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @return what the vendor sync did; empty when the notification needs nothing from vendor-sync. Completes once
     *         everything it changed is stored (the listener commits the offset after that).
     */
    public Mono<VendorSyncReport> handle(BcNotification n) {
        Optional<Tenant> tenant = tenants.byId(n.getTenantId());
        Optional<BcResource> resource = BcResource.parse(n.getResource());
        if (tenant.isEmpty() || resource.isEmpty()) {
            log.warn("BC notification ignored: tenant '{}' unknown or resource '{}' not understood", n.getTenantId(),
                    n.getResource());
            return Mono.empty();
        }
        Tenant t = tenant.get();
        BcResource r = resource.get();
        return state.advance(t.id(), SyncStateStore.Field.LAST_NOTIFICATION_AT, clock.instant())
                .then(Mono.defer(() -> act(n, t, r)));
    }

    private Mono<VendorSyncReport> act(BcNotification n, Tenant t, BcResource r) {
        metrics.notification(t.id(), r.entitySet(), n.getChangeType());
        if (!r.companyId().equals(t.bc().companyId())) {
            log.warn("tenant {}: BC notification for company {} ignored (the tenant's company is {})", t.id(),
                    r.companyId(), t.bc().companyId());
            return Mono.empty();
        }
        if (!"vendors".equals(r.entitySet())) {
            log.debug("tenant {}: {} {} needs nothing from vendor-sync", t.id(), r.entitySet(), n.getChangeType());
            return Mono.empty();
        }
        BcClient bc = bcClients.forTenant(t);
        return switch (n.getChangeType()) {
            case "created", "updated" -> r.entityId() == null ? changedSince(t, bc, r) : fetchAndUpsert(t, bc, r);
            case "deleted" -> r.entityId() == null ? vendors.reconcile(t)
                    : vendors.deactivate(t, r.entityId(), Trigger.NOTIFICATION);
            case "collection" -> changedSince(t, bc, r);
            default -> {
                log.warn("tenant {}: unknown BC changeType '{}' for {}", t.id(), n.getChangeType(), n.getResource());
                yield vendors.reconcile(t);
            }
        };
    }

    private Mono<VendorSyncReport> fetchAndUpsert(Tenant t, BcClient bc, BcResource r) {
        return bc.vendor(r.entityId())
                .map(Optional::of)
                // deleted again before we fetched it: the delete notification follows, act on it now
                .onErrorResume(BcApiException.class, e -> e.status() == 404 ? Mono.just(Optional.<BcVendor>empty())
                        : Mono.error(e))
                .flatMap(vendor -> vendor.isPresent()
                        ? vendors.upsert(t, List.of(vendor.get()), Trigger.NOTIFICATION)
                        : vendors.deactivate(t, r.entityId(), Trigger.NOTIFICATION));
    }

    /** A collection notification: BC folded many changes into "changed since t" (no t = everything). */
    private Mono<VendorSyncReport> changedSince(Tenant t, BcClient bc, BcResource r) {
        if (r.since() == null) {
            return vendors.reconcile(t);
        }
        return bc.vendors(r.since()).collectList()
                .flatMap(changed -> vendors.upsert(t, changed, Trigger.NOTIFICATION));
    }
}
