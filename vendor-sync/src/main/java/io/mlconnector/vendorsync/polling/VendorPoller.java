package io.mlconnector.vendorsync.polling;

import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import io.mlconnector.vendorsync.vendor.VendorSync;
import io.mlconnector.vendorsync.vendor.VendorSyncReport;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Vendors by {@code lastModifiedDateTime} when notifications are not coming: always when webhooks are switched
 * off, otherwise when no notification arrived for {@code silence} (BC may have dropped the subscription, the
 * gateway may be unreachable). With no changes, a poll is one BC GET that returns nothing.
 */
public final class VendorPoller {

    private final BcClients bcClients;
    private final VendorSync vendors;
    private final SyncStateStore state;
    private final VendorSyncMetrics metrics;
    private final boolean webhooksEnabled;
    private final Duration silence;
    private final Duration overlap;
    private final Clock clock;
    private final Instant startedAt;

    public VendorPoller(BcClients bcClients, VendorSync vendors, SyncStateStore state, VendorSyncMetrics metrics,
                        boolean webhooksEnabled, Duration silence, Duration overlap, Clock clock) {
        this.bcClients = bcClients;
        this.vendors = vendors;
        this.state = state;
        this.metrics = metrics;
        this.webhooksEnabled = webhooksEnabled;
        this.silence = silence;
        this.overlap = overlap;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Polls if notifications are off or silent; empty when notifications are flowing. */
    public Mono<VendorSyncReport> pollIfQuiet(Tenant tenant) {
        if (!webhooksEnabled) {
            return poll(tenant);
        }
        return state.get(tenant.id(), SyncStateStore.Field.LAST_NOTIFICATION_AT).defaultIfEmpty(startedAt)
                .flatMap(lastNotification -> {
                    Instant last = lastNotification.isBefore(startedAt) ? startedAt : lastNotification;
                    if (Duration.between(last, clock.instant()).compareTo(silence) < 0) {
                        return Mono.empty();
                    }
                    return poll(tenant);
                });
    }

    /** Vendors changed since the watermark (minus an overlap for clock skew; re-reads are written only if changed). */
    public Mono<VendorSyncReport> poll(Tenant tenant) {
        return state.get(tenant.id(), SyncStateStore.Field.VENDOR_WATERMARK).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(watermark -> {
                    metrics.poll(tenant.id(), "vendors");
                    if (watermark.isEmpty()) {
                        // never synced: the full comparison also reports hand-made vendors
                        return vendors.reconcile(tenant);
                    }
                    return bcClients.forTenant(tenant).vendors(watermark.get().minus(overlap)).collectList()
                            .flatMap(changed -> vendors.upsert(tenant, changed, Trigger.POLL));
                });
    }
}
