package io.mlconnector.vendorsync;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * vendor-sync's meters (Prometheus names in brackets):
 * {@code mlc.vendorsync.vendor.writes} [mlc_vendorsync_vendor_writes_total] {tenant, outcome=created|updated|deactivated|failed},
 * {@code mlc.vendorsync.vendors.handmade} [gauge] {tenant} Procore vendors without origin_id (left alone),
 * {@code mlc.vendorsync.vendors.name.clashes} [gauge] {tenant} BC vendors not created because a hand-made
 * Procore vendor has their name, {@code mlc.vendorsync.vendors.link.conflicts} [gauge] {tenant} BC vendors not created
 * because a Procore vendor of that name is still linked to a BC vendor that no longer exists (a person must link
 * them), {@code mlc.vendorsync.notifications} {tenant, entitySet, changeType},
 * {@code mlc.vendorsync.subscriptions} {tenant, entitySet, action=created|renewed|recreated|adopted},
 * {@code mlc.vendorsync.polls} {tenant, kind=vendors|purchaseOrders},
 * {@code mlc.vendorsync.purchaseorders.changed} {tenant}.
 */
public final class VendorSyncMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();

    public VendorSyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void vendorWrites(String tenantId, String outcome, int count) {
        if (count > 0) {
            registry.counter("mlc.vendorsync.vendor.writes", Tags.of("tenant", tenantId, "outcome", outcome))
                    .increment(count);
        }
    }

    public void handMadeVendors(String tenantId, int count) {
        gauge("mlc.vendorsync.vendors.handmade", tenantId).set(count);
    }

    public void nameClashes(String tenantId, int count) {
        gauge("mlc.vendorsync.vendors.name.clashes", tenantId).set(count);
    }

    public void linkConflicts(String tenantId, int count) {
        gauge("mlc.vendorsync.vendors.link.conflicts", tenantId).set(count);
    }

    public void notification(String tenantId, String entitySet, String changeType) {
        registry.counter("mlc.vendorsync.notifications",
                Tags.of("tenant", tenantId, "entitySet", entitySet, "changeType", changeType)).increment();
    }

    public void subscription(String tenantId, String entitySet, String action) {
        registry.counter("mlc.vendorsync.subscriptions",
                Tags.of("tenant", tenantId, "entitySet", entitySet, "action", action)).increment();
    }

    public void poll(String tenantId, String kind) {
        registry.counter("mlc.vendorsync.polls", Tags.of("tenant", tenantId, "kind", kind)).increment();
    }

    public void purchaseOrdersChanged(String tenantId, int count) {
        registry.counter("mlc.vendorsync.purchaseorders.changed", Tags.of("tenant", tenantId)).increment(count);
    }

    private AtomicInteger gauge(String name, String tenantId) {
        return gauges.computeIfAbsent(name + "|" + tenantId, k -> registry.gauge(name, Tags.of("tenant", tenantId),
                new AtomicInteger()));
    }
}
