package io.mlconnector.vendorsync.polling;

import io.mlconnector.bc.BcVendor;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import io.mlconnector.vendorsync.vendor.VendorSync;
import io.mlconnector.vendorsync.vendor.VendorSyncReport;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
    public Optional<VendorSyncReport> pollIfQuiet(Tenant tenant) {
        if (webhooksEnabled) {
            Instant last = state.get(tenant.id(), SyncStateStore.Field.LAST_NOTIFICATION_AT).orElse(startedAt);
            if (last.isBefore(startedAt)) {
                last = startedAt;
            }
            if (Duration.between(last, clock.instant()).compareTo(silence) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(poll(tenant));
    }

    /** Vendors changed since the watermark (minus an overlap for clock skew; re-reads are written only if changed). */
    public VendorSyncReport poll(Tenant tenant) {
        Instant since = state.get(tenant.id(), SyncStateStore.Field.VENDOR_WATERMARK).map(w -> w.minus(overlap))
                .orElse(null);
        metrics.poll(tenant.id(), "vendors");
        if (since == null) {
            return vendors.reconcile(tenant); // never synced: the full comparison also reports hand-made vendors
        }
        List<BcVendor> changed = bcClients.forTenant(tenant).vendors(since).collectList().block();
        return vendors.upsert(tenant, changed, Trigger.POLL);
    }
}
