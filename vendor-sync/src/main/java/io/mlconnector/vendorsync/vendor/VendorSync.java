package io.mlconnector.vendorsync.vendor;

import io.mlconnector.bc.BcVendor;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.VendorSyncResult;
import io.mlconnector.procore.model.VendorWrite;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import io.mlconnector.vendorsync.polling.SyncStateStore;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.HandMadeVendor;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.NameClash;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.RowFailure;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.Trigger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BC vendors → Procore company vendors, by origin_id (= BC vendor id), through Procore's bulk sync endpoint.
 *
 * <p>Three entry points: {@link #reconcile} (all BC vendors against both Procore vendor lists; writes only rows
 * whose content differs, so an idle run writes nothing), {@link #upsert} (the vendors a notification or poll
 * named; compared against the link store's content hash, so a duplicate notification writes nothing) and
 * {@link #deactivate} (a vendor deleted in BC). Procore vendors without origin_id were made by hand: never
 * written, always reported. Runs of one tenant are serialised so a reconciliation and a notification never
 * write the same vendor at once.
 *
 * <p>Runs on scheduler and Kafka listener threads and blocks on the clients there (never on an event loop).
 */
public final class VendorSync {

    private static final Logger log = LoggerFactory.getLogger(VendorSync.class);

    private final BcClients bcClients;
    private final ProcoreClients procoreClients;
    private final VendorLinkStore links;
    private final SyncStateStore state;
    private final VendorSyncMetrics metrics;
    private final Clock clock;
    private final Map<String, Object> tenantLocks = new ConcurrentHashMap<>();
    private final Map<String, VendorSyncReport> lastReconciliation = new ConcurrentHashMap<>();

    public VendorSync(BcClients bcClients, ProcoreClients procoreClients, VendorLinkStore links, SyncStateStore state,
                      VendorSyncMetrics metrics, Clock clock) {
        this.bcClients = bcClients;
        this.procoreClients = procoreClients;
        this.links = links;
        this.state = state;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Full reconciliation: every BC vendor, compared with what Procore has now. */
    public VendorSyncReport reconcile(Tenant tenant) {
        synchronized (lock(tenant)) {
            List<BcVendor> bcVendors = bcClients.forTenant(tenant).vendors(null).collectList().block();
            ProcoreDirectory directory = ProcoreDirectory.read(procore(tenant)).block();
            Plan plan = new Plan();
            bcVendors.forEach(v -> planAgainstDirectory(tenant, v, directory, plan));
            planOrphans(tenant, bcVendors, directory, plan);
            VendorSyncReport report = apply(tenant, Trigger.RECONCILIATION, bcVendors.size(), plan,
                    handMade(directory));
            metrics.handMadeVendors(tenant.id(), report.handMade().size());
            metrics.nameClashes(tenant.id(), report.nameClashes().size());
            if (!report.handMade().isEmpty()) {
                log.info("tenant {}: {} Procore vendor(s) have no origin_id and are left alone: {}", tenant.id(),
                        report.handMade().size(), report.handMade().stream()
                                .map(h -> h.procoreVendorId() + " " + h.name()).toList());
            }
            advanceWatermark(tenant, bcVendors);
            lastReconciliation.put(tenant.id(), report);
            return report;
        }
    }

    /**
     * The named BC vendors (from a notification or a poll). Vendors already linked are compared with the
     * stored content hash; only when one is unknown is Procore's vendor list read (to find it or a name clash).
     */
    public VendorSyncReport upsert(Tenant tenant, List<BcVendor> bcVendors, Trigger trigger) {
        synchronized (lock(tenant)) {
            Plan plan = new Plan();
            List<BcVendor> unknown = new ArrayList<>();
            for (BcVendor v : bcVendors) {
                Optional<VendorLink> link = links.find(tenant.id(), v.id()).filter(l -> !l.deletedInBc());
                VendorContent content = VendorContent.from(v);
                if (link.isEmpty()) {
                    unknown.add(v);
                } else if (content.hash().equals(link.get().contentHash())) {
                    plan.unchanged++;
                } else {
                    plan.writes.add(new PlannedWrite(v, content, link.get().procoreVendorId(), Kind.UPDATE));
                }
            }
            if (!unknown.isEmpty()) {
                ProcoreDirectory directory = ProcoreDirectory.read(procore(tenant)).block();
                unknown.forEach(v -> planAgainstDirectory(tenant, v, directory, plan));
            }
            VendorSyncReport report = apply(tenant, trigger, bcVendors.size(), plan, List.of());
            advanceWatermark(tenant, bcVendors);
            return report;
        }
    }

    /** A vendor deleted in BC: its Procore vendor becomes inactive (Procore vendors are deactivated, not deleted). */
    public VendorSyncReport deactivate(Tenant tenant, UUID bcVendorId, Trigger trigger) {
        synchronized (lock(tenant)) {
            Plan plan = new Plan();
            Optional<VendorLink> link = links.find(tenant.id(), bcVendorId);
            if (link.isPresent()) {
                if (link.get().deletedInBc() && !link.get().active()) {
                    plan.unchanged++; // a re-delivered delete
                } else {
                    plan.deactivations.add(new PlannedDeactivation(bcVendorId, link.get().bcVendorNumber(),
                            link.get().procoreVendorId()));
                }
            } else {
                ProcoreDirectory.read(procore(tenant)).block().withOriginId(bcVendorId.toString())
                        .filter(ProcoreVendor::isActive)
                        .ifPresent(p -> plan.deactivations.add(new PlannedDeactivation(bcVendorId, p.originCode(), p.id())));
            }
            return apply(tenant, trigger, 0, plan, List.of());
        }
    }

    /** The last full reconciliation's report per tenant (served by the report endpoint). */
    public Optional<VendorSyncReport> lastReconciliation(String tenantId) {
        return Optional.ofNullable(lastReconciliation.get(tenantId));
    }

    // ---------------------------------------------------------------- planning

    private enum Kind { CREATE, UPDATE }

    private record PlannedWrite(BcVendor bc, VendorContent content, Long procoreVendorId, Kind kind) {
    }

    private record PlannedDeactivation(UUID bcVendorId, String bcVendorNumber, long procoreVendorId) {
    }

    private static final class Plan {
        final List<PlannedWrite> writes = new ArrayList<>();
        final List<PlannedDeactivation> deactivations = new ArrayList<>();
        final List<NameClash> clashes = new ArrayList<>();
        int unchanged;
    }

    private void planAgainstDirectory(Tenant tenant, BcVendor v, ProcoreDirectory directory, Plan plan) {
        VendorContent content = VendorContent.from(v);
        Optional<ProcoreVendor> current = directory.withOriginId(content.originId());
        if (current.isPresent()) {
            if (content.differsFrom(VendorContent.of(current.get()))) {
                plan.writes.add(new PlannedWrite(v, content, current.get().id(), Kind.UPDATE));
            } else {
                plan.unchanged++;
                recordLinkIfChanged(tenant, v, content, current.get().id());
            }
            return;
        }
        Optional<ProcoreVendor> sameName = directory.handMadeNamed(content.name());
        if (sameName.isPresent()) {
            // never overwrite or duplicate a vendor a person made: report it and let them link it
            plan.clashes.add(new NameClash(v.id(), v.number(), v.displayName(), sameName.get().id()));
            log.warn("tenant {}: BC vendor {} '{}' not created in Procore: hand-made Procore vendor {} has that name"
                    + " (set its origin_id to {} to link them)", tenant.id(), v.number(), v.displayName(),
                    sameName.get().id(), content.originId());
            return;
        }
        plan.writes.add(new PlannedWrite(v, content, null, Kind.CREATE));
    }

    /** Linked Procore vendors whose BC vendor is gone (deleted in BC): deactivate. Unlinked ones are not ours. */
    private void planOrphans(Tenant tenant, List<BcVendor> bcVendors, ProcoreDirectory directory, Plan plan) {
        Set<UUID> inBc = bcVendors.stream().map(BcVendor::id).collect(Collectors.toCollection(HashSet::new));
        for (VendorLink link : links.all(tenant.id())) {
            if (inBc.contains(link.bcVendorId())) {
                continue;
            }
            boolean activeInProcore = directory.withOriginId(link.bcVendorId().toString())
                    .map(ProcoreVendor::isActive).orElse(false);
            if (activeInProcore) {
                plan.deactivations.add(new PlannedDeactivation(link.bcVendorId(), link.bcVendorNumber(),
                        link.procoreVendorId()));
            }
        }
    }

    private void recordLinkIfChanged(Tenant tenant, BcVendor v, VendorContent content, long procoreVendorId) {
        Optional<VendorLink> existing = links.find(tenant.id(), v.id());
        boolean same = existing.filter(l -> l.procoreVendorId() == procoreVendorId
                && content.hash().equals(l.contentHash()) && Objects.equals(l.bcVendorNumber(), v.number())
                && !l.deletedInBc()).isPresent();
        if (!same) {
            links.save(new VendorLink(tenant.id(), v.id(), v.number(), procoreVendorId, content.hash(),
                    content.active(), false, clock.instant()));
        }
    }

    // ---------------------------------------------------------------- applying

    private VendorSyncReport apply(Tenant tenant, Trigger trigger, int read, Plan plan, List<HandMadeVendor> handMade) {
        List<VendorWrite> rows = new ArrayList<>();
        plan.writes.forEach(w -> rows.add(w.content().toWrite(w.procoreVendorId())));
        plan.deactivations.forEach(d -> rows.add(VendorContent.deactivation(d.procoreVendorId())));
        int created = 0;
        int updated = 0;
        int deactivated = 0;
        List<RowFailure> failures = new ArrayList<>();
        if (!rows.isEmpty()) {
            VendorSyncResult result = procore(tenant).syncVendors(rows).block();
            Map<String, ProcoreVendor> byOrigin = result.entities().stream().filter(e -> e.originId() != null)
                    .collect(Collectors.toMap(e -> e.originId().toLowerCase(Locale.ROOT), e -> e, (a, b) -> b));
            Map<Long, ProcoreVendor> byId = result.entities().stream()
                    .collect(Collectors.toMap(ProcoreVendor::id, e -> e, (a, b) -> b));
            result.errors().forEach(e -> failures.add(new RowFailure(null, e.id(),
                    (e.originId() == null ? "" : "origin_id " + e.originId() + ": ") + e.errors())));
            for (PlannedWrite w : plan.writes) {
                ProcoreVendor saved = byOrigin.get(w.content().originId());
                if (saved == null) {
                    continue; // refused: listed among the errors
                }
                links.save(new VendorLink(tenant.id(), w.bc().id(), w.bc().number(), saved.id(), w.content().hash(),
                        w.content().active(), false, clock.instant()));
                if (w.kind() == Kind.CREATE) {
                    created++;
                } else {
                    updated++;
                }
            }
            for (PlannedDeactivation d : plan.deactivations) {
                ProcoreVendor saved = byId.get(d.procoreVendorId());
                if (saved != null && !saved.isActive()) {
                    links.save(new VendorLink(tenant.id(), d.bcVendorId(), d.bcVendorNumber(), saved.id(), null,
                            false, true, clock.instant()));
                    deactivated++;
                }
            }
        }
        metrics.vendorWrites(tenant.id(), "created", created);
        metrics.vendorWrites(tenant.id(), "updated", updated);
        metrics.vendorWrites(tenant.id(), "deactivated", deactivated);
        metrics.vendorWrites(tenant.id(), "failed", failures.size());
        failures.forEach(f -> log.warn("tenant {}: Procore refused vendor row {}: {}", tenant.id(),
                f.procoreVendorId(), f.reason()));
        VendorSyncReport report = new VendorSyncReport(tenant.id(), trigger, read, created, updated, deactivated,
                plan.unchanged, handMade, plan.clashes, failures, clock.instant());
        if (report.writes() > 0 || !failures.isEmpty() || trigger == Trigger.RECONCILIATION) {
            log.info("tenant {} vendor sync ({}): read {}, created {}, updated {}, deactivated {}, unchanged {},"
                            + " hand-made {}, name clashes {}, failures {}", tenant.id(), trigger, read, created,
                    updated, deactivated, plan.unchanged, handMade.size(), plan.clashes.size(), failures.size());
        }
        return report;
    }

    private static List<HandMadeVendor> handMade(ProcoreDirectory directory) {
        return directory.handMade().stream()
                .map(v -> new HandMadeVendor(v.id(), v.name(), v.isActive()))
                .sorted(Comparator.comparingLong(HandMadeVendor::procoreVendorId))
                .toList();
    }

    private void advanceWatermark(Tenant tenant, List<BcVendor> vendors) {
        vendors.stream().map(BcVendor::lastModifiedDateTime).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .ifPresent(at -> state.advance(tenant.id(), SyncStateStore.Field.VENDOR_WATERMARK, at));
    }

    private ProcoreClient procore(Tenant tenant) {
        return procoreClients.forTenant(tenant);
    }

    private Object lock(Tenant tenant) {
        return tenantLocks.computeIfAbsent(tenant.id(), id -> new Object());
    }
}
