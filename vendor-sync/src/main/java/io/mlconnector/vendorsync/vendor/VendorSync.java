package io.mlconnector.vendorsync.vendor;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcVendor;
import io.mlconnector.bc.FailureKind;
import io.mlconnector.events.VendorLinkOrigin;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.VendorWrite;
import io.mlconnector.schemas.Topics;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import io.mlconnector.vendorsync.polling.SyncStateStore;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Linked;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Reason;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Refused;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.HandMadeVendor;
import io.mlconnector.vendorsync.vendor.VendorSyncReport.LinkConflict;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * BC vendors → Procore company vendors, by origin_id (= BC vendor id), through Procore's bulk sync endpoint; and
 * the only writer of the vendor links ({@link VendorLinkStore}), each change published on {@code vendor.links}.
 *
 * <p>Entry points: {@link #reconcile} (all BC vendors against both Procore vendor lists; writes only rows whose
 * content differs, so an idle run writes nothing), {@link #upsert} (the vendors a notification or poll named;
 * compared against the link store's content hash, so a duplicate notification writes nothing), {@link #deactivate}
 * (a vendor deleted in BC) and {@link #link} (a person links a Procore vendor to a BC vendor). Procore vendors
 * without origin_id were made by hand: never written unless a person links them, always reported. Runs of one
 * tenant are serialised so a reconciliation and a notification never write the same vendor at once.
 *
 * <p>A BC vendor is never created a second time in Procore under a name Procore already has: a hand-made vendor of
 * that name is a name clash; a vendor of that name still linked to a BC vendor that no longer exists (the vendor
 * was deleted and re-created in BC) is a link conflict, re-linked only when the tenant opted in
 * ({@code vendorSync.relinkRecreatedVendors}).
 *
 * <p>Every entry point returns a Mono that blocks nothing: the API clients and the stores (reactive MongoDB driver)
 * are composed into one flow, which may continue on an event loop. Callers that must wait (the Kafka listener
 * before its offset commit, the scheduler between ticks) block on their own threads.
 */
public final class VendorSync {

    private static final Logger log = LoggerFactory.getLogger(VendorSync.class);

    private final BcClients bcClients;
    private final ProcoreClients procoreClients;
    private final VendorLinkStore links;
    private final VendorLinkFeed feed;
    private final SyncStateStore state;
    private final VendorSyncMetrics metrics;
    private final Clock clock;
    private final OneAtATime perTenant = new OneAtATime();
    private final Map<String, VendorSyncReport> lastReconciliation = new ConcurrentHashMap<>();
    private final Map<String, Map<UUID, LinkConflict>> openConflicts = new ConcurrentHashMap<>();

    public VendorSync(BcClients bcClients, ProcoreClients procoreClients, VendorLinkStore links, VendorLinkFeed feed,
                      SyncStateStore state, VendorSyncMetrics metrics, Clock clock) {
        this.bcClients = bcClients;
        this.procoreClients = procoreClients;
        this.links = links;
        this.feed = feed;
        this.state = state;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Full reconciliation: every BC vendor, compared with what Procore has now. */
    public Mono<VendorSyncReport> reconcile(Tenant tenant) {
        return perTenant.run(tenant.id(), publishPending(tenant)
                .then(bcClients.forTenant(tenant).vendors(null).collectList())
                .flatMap(bcVendors -> ProcoreDirectory.read(procore(tenant))
                        .flatMap(directory -> reconcile(tenant, bcVendors, directory))));
    }

    private Mono<VendorSyncReport> reconcile(Tenant tenant, List<BcVendor> bcVendors, ProcoreDirectory directory) {
        Plan plan = new Plan(bcVendors.stream().map(BcVendor::id).collect(Collectors.toSet()));
        return adoptLegacyLinks(tenant, bcVendors, directory, plan)
                .thenMany(Flux.fromIterable(bcVendors))
                .concatMap(v -> planAgainstDirectory(tenant, v, directory, plan))
                .then(Mono.defer(() -> planOrphans(tenant, bcVendors, directory, plan)))
                .then(Mono.defer(() -> apply(tenant, Trigger.RECONCILIATION, bcVendors.size(), plan,
                        handMade(directory))))
                .flatMap(report -> {
                    Map<UUID, LinkConflict> conflicts = new ConcurrentHashMap<>();
                    report.linkConflicts().forEach(c -> conflicts.put(c.bcVendorId(), c));
                    openConflicts.put(tenant.id(), conflicts);
                    metrics.handMadeVendors(tenant.id(), report.handMade().size());
                    metrics.nameClashes(tenant.id(), report.nameClashes().size());
                    metrics.linkConflicts(tenant.id(), conflicts.size());
                    if (!report.handMade().isEmpty()) {
                        log.info("tenant {}: {} Procore vendor(s) have no origin_id and are left alone: {}", tenant.id(),
                                report.handMade().size(), report.handMade().stream()
                                        .map(h -> h.procoreVendorId() + " " + h.name()).toList());
                    }
                    return advanceWatermark(tenant, bcVendors).then(Mono.fromSupplier(() -> {
                        lastReconciliation.put(tenant.id(), report);
                        return report;
                    }));
                });
    }

    /**
     * The named BC vendors (from a notification or a poll). Vendors already linked are compared with the
     * stored content hash; only when one is unknown is Procore's vendor list read (to find it or a name clash).
     */
    public Mono<VendorSyncReport> upsert(Tenant tenant, List<BcVendor> bcVendors, Trigger trigger) {
        return perTenant.run(tenant.id(), Mono.defer(() -> {
            Plan plan = new Plan(null);
            List<BcVendor> unknown = new ArrayList<>();
            return Flux.fromIterable(bcVendors)
                    .concatMap(v -> optional(links.find(tenant.id(), v.id()).filter(l -> !l.deletedInBc()))
                            .doOnNext(link -> {
                                VendorContent content = VendorContent.from(v);
                                if (link.isEmpty()) {
                                    unknown.add(v);
                                } else if (content.hash().equals(link.get().contentHash())) {
                                    plan.unchanged++;
                                } else {
                                    plan.writes.add(new PlannedWrite(v, content, link.get().procoreVendorId(),
                                            Kind.UPDATE, null));
                                }
                            }))
                    .then(Mono.defer(() -> unknown.isEmpty() ? Mono.<Void>empty()
                            : ProcoreDirectory.read(procore(tenant)).flatMap(directory -> Flux.fromIterable(unknown)
                                    .concatMap(v -> planAgainstDirectory(tenant, v, directory, plan)).then())))
                    .then(Mono.defer(() -> apply(tenant, trigger, bcVendors.size(), plan, List.of())))
                    .flatMap(report -> {
                        rememberConflicts(tenant, report.linkConflicts());
                        return advanceWatermark(tenant, bcVendors).thenReturn(report);
                    });
        }));
    }

    /** A vendor deleted in BC: its Procore vendor becomes inactive (Procore vendors are deactivated, not deleted). */
    public Mono<VendorSyncReport> deactivate(Tenant tenant, UUID bcVendorId, Trigger trigger) {
        return perTenant.run(tenant.id(), Mono.defer(() -> {
            Plan plan = new Plan(null);
            return optional(links.find(tenant.id(), bcVendorId)).flatMap(link -> {
                if (link.isPresent()) {
                    if (link.get().deletedInBc() && !link.get().active()) {
                        plan.unchanged++; // a re-delivered delete
                    } else {
                        plan.deactivations.add(new PlannedDeactivation(bcVendorId, link.get().bcVendorNumber(),
                                link.get().procoreVendorId()));
                    }
                    return Mono.<Void>empty();
                }
                return ProcoreDirectory.read(procore(tenant)).doOnNext(directory -> directory
                        .withOriginId(bcVendorId.toString())
                        .filter(ProcoreVendor::isActive)
                        .ifPresent(p -> plan.deactivations.add(new PlannedDeactivation(bcVendorId, p.originCode(),
                                p.id())))).then();
            }).then(Mono.defer(() -> apply(tenant, trigger, 0, plan, List.of())));
        }));
    }

    /**
     * A person links a Procore vendor to a BC vendor (by number): the Procore vendor gets the BC vendor's origin_id
     * and content (BC is the master of a linked vendor), the link is stored and published, and mapping-service
     * re-drives the documents that waited for it. Linking a vendor that is already linked to another BC vendor
     * moves the link. Refused, with words, when either vendor is unknown or another Procore vendor already stands
     * for that BC vendor (Procore keeps one origin_id per vendor).
     */
    public Mono<LinkRequestOutcome> link(Tenant tenant, long procoreVendorId, String bcVendorNumber) {
        String number = bcVendorNumber == null ? "" : bcVendorNumber.strip().toUpperCase(Locale.ROOT);
        return perTenant.run(tenant.id(), bcClients.forTenant(tenant).vendors(null).collectList()
                .flatMap(bcVendors -> {
                    Optional<BcVendor> bcVendor = bcVendors.stream()
                            .filter(v -> v.number() != null && v.number().strip().equalsIgnoreCase(number)).findFirst();
                    if (bcVendor.isEmpty()) {
                        return Mono.just(new Refused(Reason.UNKNOWN_BC_VENDOR, "BC vendor '" + number + "' does not"
                                + " exist in Business Central. Check the vendor number (No.) in Business Central's"
                                + " Vendors list and send the link again."));
                    }
                    return ProcoreDirectory.read(procore(tenant))
                            .flatMap(directory -> link(tenant, procoreVendorId, bcVendor.get(), directory));
                }));
    }

    private Mono<LinkRequestOutcome> link(Tenant tenant, long procoreVendorId, BcVendor b, ProcoreDirectory directory) {
        Optional<ProcoreVendor> procoreVendor = directory.withId(procoreVendorId);
        if (procoreVendor.isEmpty()) {
            return Mono.just(new Refused(Reason.UNKNOWN_PROCORE_VENDOR, "Procore vendor " + procoreVendorId + " is not"
                    + " in the company's vendor directory (active or inactive). Check the vendor id in Procore's"
                    + " company Directory and send the link again."));
        }
        VendorContent content = VendorContent.from(b);
        Optional<ProcoreVendor> holder = directory.withOriginId(content.originId());
        if (holder.isPresent() && holder.get().id() != procoreVendorId) {
            return Mono.just(new Refused(Reason.BC_VENDOR_LINKED_ELSEWHERE, "BC vendor " + b.number() + " ("
                    + b.displayName() + ") is already linked to Procore vendor " + holder.get().id() + " ("
                    + holder.get().name() + "); Procore keeps one origin_id per vendor, so one BC vendor is"
                    + " linked to one Procore vendor. Put the documents on Procore vendor " + holder.get().id()
                    + ", or first link that vendor to another BC vendor."));
        }
        boolean changed = holder.isEmpty() || content.differsFrom(VendorContent.of(procoreVendor.get()));
        return optional(links.findByProcoreVendor(tenant.id(), procoreVendorId)).flatMap(before -> {
            Optional<String> previous = before.filter(l -> !l.bcVendorId().equals(b.id()))
                    .map(LinkedVendor::bcVendorNumber);
            Mono<LinkRequestOutcome> linked = links.find(tenant.id(), b.id())
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("the link of Procore vendor "
                            + procoreVendorId + " to BC vendor " + b.number() + " was not stored")))
                    .map(link -> {
                        resolveConflicts(tenant, b.id(), procoreVendorId);
                        log.info("tenant {}: Procore vendor {} linked to BC vendor {} by hand{}", tenant.id(),
                                procoreVendorId, b.number(), previous.map(p -> " (was " + p + ")").orElse(""));
                        return new Linked(link, previous, changed || previous.isPresent());
                    });
            if (!changed) {
                return saveAndPublish(new LinkedVendor(tenant.id(), b.id(), b.number(), procoreVendorId, content.hash(),
                        content.active(), false, VendorLinkOrigin.MANUAL, clock.instant())).then(linked);
            }
            Plan plan = new Plan(null);
            plan.writes.add(new PlannedWrite(b, content, procoreVendorId, Kind.UPDATE, VendorLinkOrigin.MANUAL));
            return apply(tenant, Trigger.MANUAL_LINK, 1, plan, List.of()).flatMap(report -> report.failures().isEmpty()
                    ? linked
                    : Mono.just(new Refused(Reason.PROCORE_REFUSED, "Procore refused to update vendor "
                            + procoreVendorId + ": " + report.failures().stream().map(RowFailure::reason)
                            .collect(Collectors.joining("; ")) + ". Nothing was linked; correct the vendor in"
                            + " Procore or Business Central and send the link again.")));
        });
    }

    /** Every current link of the tenant, by Procore vendor id. */
    public Flux<LinkedVendor> links(String tenantId) {
        return links.all(tenantId).sort(Comparator.comparingLong(LinkedVendor::procoreVendorId));
    }

    /** Link conflicts waiting for a person (found by the last reconciliation or a notification since). */
    public List<LinkConflict> linkConflicts(String tenantId) {
        return List.copyOf(openConflicts.getOrDefault(tenantId, Map.of()).values());
    }

    /** The last full reconciliation's report per tenant (served by the report endpoint). */
    public Optional<VendorSyncReport> lastReconciliation(String tenantId) {
        return Optional.ofNullable(lastReconciliation.get(tenantId));
    }

    // ---------------------------------------------------------------- planning

    private enum Kind { CREATE, UPDATE }

    /** {@code linkedBy} null: keep how the pair was linked (SYNCED for a new pair). */
    private record PlannedWrite(BcVendor bc, VendorContent content, Long procoreVendorId, Kind kind,
                                VendorLinkOrigin linkedBy) {
    }

    private record PlannedDeactivation(UUID bcVendorId, String bcVendorNumber, long procoreVendorId) {
    }

    private static final class Plan {
        /** Every BC vendor id when the whole list was read (reconciliation); null when only some were. */
        final Set<UUID> bcVendorIds;
        final List<PlannedWrite> writes = new ArrayList<>();
        final List<PlannedDeactivation> deactivations = new ArrayList<>();
        final List<NameClash> clashes = new ArrayList<>();
        final List<LinkConflict> conflicts = new ArrayList<>();
        final Set<UUID> planned = new HashSet<>();
        int unchanged;
        int relinked;

        Plan(Set<UUID> bcVendorIds) {
            this.bcVendorIds = bcVendorIds;
        }

        boolean writes(long procoreVendorId) {
            return writes.stream().anyMatch(w -> w.procoreVendorId() != null && w.procoreVendorId() == procoreVendorId);
        }
    }

    /**
     * Links mapping-service stored in this collection before vendor-sync owned it (Procore vendor → BC vendor number):
     * taken over as manual links, so an upgrade loses none of the accountants' work.
     */
    private Mono<Void> adoptLegacyLinks(Tenant tenant, List<BcVendor> bcVendors, ProcoreDirectory directory,
                                        Plan plan) {
        return links.legacyLinks(tenant.id()).collectList().flatMapMany(Flux::fromIterable).concatMap(legacy -> {
            Optional<BcVendor> b = bcVendors.stream().filter(v -> v.number() != null
                    && v.number().strip().equalsIgnoreCase(legacy.bcVendorNumber().strip())).findFirst();
            Optional<ProcoreVendor> p = directory.withId(legacy.procoreVendorId());
            if (b.isEmpty() || p.isEmpty()) {
                log.warn("tenant {}: an earlier manual link of Procore vendor {} to BC vendor {} cannot be kept: {}"
                                + " no longer exists. Link the Procore vendor again through vendor-sync's API.",
                        tenant.id(), legacy.procoreVendorId(), legacy.bcVendorNumber(),
                        b.isEmpty() ? "the BC vendor" : "the Procore vendor");
                return links.removeLegacy(legacy);
            }
            VendorContent content = VendorContent.from(b.get());
            Optional<ProcoreVendor> holder = directory.withOriginId(content.originId());
            if (holder.isPresent() && holder.get().id() != legacy.procoreVendorId()) {
                log.warn("tenant {}: an earlier manual link of Procore vendor {} to BC vendor {} cannot be kept: Procore"
                                + " vendor {} already stands for that BC vendor. Put the documents on Procore vendor {}.",
                        tenant.id(), legacy.procoreVendorId(), legacy.bcVendorNumber(), holder.get().id(),
                        holder.get().id());
                return links.removeLegacy(legacy);
            }
            if (holder.isEmpty() || content.differsFrom(VendorContent.of(p.get()))) {
                plan.writes.add(new PlannedWrite(b.get(), content, legacy.procoreVendorId(), Kind.UPDATE,
                        VendorLinkOrigin.MANUAL));
                plan.planned.add(b.get().id());
            }
            // else: Procore already carries the link; the pass below records it and replaces the legacy document
            return Mono.<Void>empty();
        }).then();
    }

    private Mono<Void> planAgainstDirectory(Tenant tenant, BcVendor v, ProcoreDirectory directory, Plan plan) {
        if (!plan.planned.add(v.id())) {
            return Mono.empty(); // already planned (an adopted legacy link)
        }
        VendorContent content = VendorContent.from(v);
        Optional<ProcoreVendor> current = directory.withOriginId(content.originId());
        if (current.isPresent()) {
            if (content.differsFrom(VendorContent.of(current.get()))) {
                plan.writes.add(new PlannedWrite(v, content, current.get().id(), Kind.UPDATE, null));
                return Mono.empty();
            }
            plan.unchanged++;
            return recordLinkIfChanged(tenant, v, content, current.get().id());
        }
        Optional<ProcoreVendor> sameName = directory.handMadeNamed(content.name());
        if (sameName.isPresent()) {
            // never overwrite or duplicate a vendor a person made: report it and let them link it
            plan.clashes.add(new NameClash(v.id(), v.number(), v.displayName(), sameName.get().id()));
            log.warn("tenant {}: BC vendor {} '{}' not created in Procore: hand-made Procore vendor {} has that name"
                    + " (link them: PUT /vendor-sync/tenants/{}/vendor-links/{} with {{\"bcVendorNumber\":\"{}\"}})",
                    tenant.id(), v.number(), v.displayName(), sameName.get().id(), tenant.id(), sameName.get().id(),
                    v.number());
            return Mono.empty();
        }
        return Flux.fromIterable(directory.linkedNamed(content.name()))
                .filter(p -> !plan.writes(p.id()))
                .concatMap(p -> linkedToVanishedBcVendor(tenant, p, plan).filter(Boolean::booleanValue).map(gone -> p))
                .collectList()
                .doOnNext(orphanedSameName -> planAgainstOrphans(tenant, v, content, orphanedSameName, plan))
                .then();
    }

    /** No Procore vendor stands for {@code v}: create it, unless vendors of its name are linked to vanished ones. */
    private void planAgainstOrphans(Tenant tenant, BcVendor v, VendorContent content,
                                    List<ProcoreVendor> orphanedSameName, Plan plan) {
        if (orphanedSameName.size() == 1 && tenant.vendorSync().relinkRecreatedVendors()) {
            ProcoreVendor p = orphanedSameName.get(0);
            plan.writes.add(new PlannedWrite(v, content, p.id(), Kind.UPDATE, VendorLinkOrigin.RELINKED));
            plan.relinked++;
            log.info("tenant {}: Procore vendor {} '{}' was linked to BC vendor id {}, which no longer exists; re-linked"
                    + " to BC vendor {} of the same name (vendorSync.relinkRecreatedVendors)", tenant.id(), p.id(),
                    p.name(), p.originId(), v.number());
            return;
        }
        if (!orphanedSameName.isEmpty()) {
            LinkConflict conflict = conflict(tenant, v, orphanedSameName);
            plan.conflicts.add(conflict);
            log.warn("tenant {}: {}", tenant.id(), conflict.message());
            return;
        }
        plan.writes.add(new PlannedWrite(v, content, null, Kind.CREATE, null));
    }

    /** The Procore vendor's origin_id is a BC vendor id, and BC no longer has that vendor. */
    private Mono<Boolean> linkedToVanishedBcVendor(Tenant tenant, ProcoreVendor p, Plan plan) {
        UUID origin;
        try {
            origin = UUID.fromString(p.originId().strip());
        } catch (IllegalArgumentException notABcId) {
            return Mono.just(false); // another integration's origin_id: not ours to judge
        }
        if (plan.bcVendorIds != null) {
            return Mono.just(!plan.bcVendorIds.contains(origin));
        }
        return bcClients.forTenant(tenant).vendor(origin).thenReturn(false)
                .onErrorResume(BcApiException.class, e -> e.kind() == FailureKind.NOT_FOUND
                        ? Mono.just(true) : Mono.error(e));
    }

    private static LinkConflict conflict(Tenant tenant, BcVendor v, List<ProcoreVendor> sameName) {
        List<Long> ids = sameName.stream().map(ProcoreVendor::id).toList();
        List<String> stale = sameName.stream().map(ProcoreVendor::originId).toList();
        String what = sameName.size() == 1
                ? "Procore vendor " + ids.get(0) + " '" + sameName.get(0).name() + "' has the same name and is still"
                        + " linked to BC vendor id " + stale.get(0) + ", which no longer exists in Business Central"
                : "Procore vendors " + ids + " have the same name and are still linked to BC vendors that no longer"
                        + " exist in Business Central (ids " + stale + ")";
        String todo = sameName.size() == 1
                ? "If they are the same vendor, link them: PUT /vendor-sync/tenants/" + tenant.id() + "/vendor-links/"
                        + ids.get(0) + " with {\"bcVendorNumber\":\"" + v.number() + "\"} (or set"
                        + " vendorSync.relinkRecreatedVendors for this tenant to let vendor-sync do so). If they are"
                        + " different vendors, rename one of them."
                : "Link the right one: PUT /vendor-sync/tenants/" + tenant.id() + "/vendor-links/<Procore vendor id>"
                        + " with {\"bcVendorNumber\":\"" + v.number() + "\"}, or rename the others.";
        return new LinkConflict(v.id(), v.number(), v.displayName(), ids, stale, "BC vendor " + v.number() + " '"
                + v.displayName() + "' was not created in Procore: " + what + ". " + todo);
    }

    /** Linked Procore vendors whose BC vendor is gone (deleted in BC): deactivate. Unlinked ones are not ours. */
    private Mono<Void> planOrphans(Tenant tenant, List<BcVendor> bcVendors, ProcoreDirectory directory, Plan plan) {
        Set<UUID> inBc = bcVendors.stream().map(BcVendor::id).collect(Collectors.toCollection(HashSet::new));
        return links.all(tenant.id()).collectList().doOnNext(all -> {
            for (LinkedVendor link : all) {
                if (inBc.contains(link.bcVendorId()) || plan.writes(link.procoreVendorId())) {
                    continue; // still in BC, or re-linked to another BC vendor in this run
                }
                boolean activeInProcore = directory.withOriginId(link.bcVendorId().toString())
                        .map(ProcoreVendor::isActive).orElse(false);
                if (activeInProcore) {
                    plan.deactivations.add(new PlannedDeactivation(link.bcVendorId(), link.bcVendorNumber(),
                            link.procoreVendorId()));
                }
            }
        }).then();
    }

    private Mono<Void> recordLinkIfChanged(Tenant tenant, BcVendor v, VendorContent content, long procoreVendorId) {
        return optional(links.find(tenant.id(), v.id())).flatMap(existing -> {
            boolean same = existing.filter(l -> l.procoreVendorId() == procoreVendorId
                    && content.hash().equals(l.contentHash()) && Objects.equals(l.bcVendorNumber(), v.number())
                    && l.active() == content.active() && !l.deletedInBc()).isPresent();
            return same ? Mono.<Void>empty() : saveAndPublish(new LinkedVendor(tenant.id(), v.id(), v.number(),
                    procoreVendorId, content.hash(), content.active(), false, linkedBy(existing, procoreVendorId, null),
                    clock.instant()));
        });
    }

    private static VendorLinkOrigin linkedBy(Optional<LinkedVendor> existing, long procoreVendorId,
                                             VendorLinkOrigin requested) {
        if (requested != null) {
            return requested;
        }
        return existing.filter(l -> l.procoreVendorId() == procoreVendorId).map(LinkedVendor::linkedBy)
                .orElse(VendorLinkOrigin.SYNCED);
    }

    // ---------------------------------------------------------------- applying

    private Mono<VendorSyncReport> apply(Tenant tenant, Trigger trigger, int read, Plan plan,
                                         List<HandMadeVendor> handMade) {
        List<VendorWrite> rows = new ArrayList<>();
        plan.writes.forEach(w -> rows.add(w.content().toWrite(w.procoreVendorId())));
        plan.deactivations.forEach(d -> rows.add(VendorContent.deactivation(d.procoreVendorId())));
        Applied applied = new Applied();
        Mono<Void> written = rows.isEmpty() ? Mono.empty() : procore(tenant).syncVendors(rows).flatMap(result -> {
            Map<String, ProcoreVendor> byOrigin = result.entities().stream().filter(e -> e.originId() != null)
                    .collect(Collectors.toMap(e -> e.originId().toLowerCase(Locale.ROOT), e -> e, (a, b) -> b));
            Map<Long, ProcoreVendor> byId = result.entities().stream()
                    .collect(Collectors.toMap(ProcoreVendor::id, e -> e, (a, b) -> b));
            result.errors().forEach(e -> applied.failures.add(new RowFailure(null, e.id(),
                    (e.originId() == null ? "" : "origin_id " + e.originId() + ": ") + e.errors())));
            Flux<Void> writes = Flux.fromIterable(plan.writes).concatMap(w -> {
                ProcoreVendor saved = byOrigin.get(w.content().originId());
                if (saved == null) {
                    return Mono.<Void>empty(); // refused: listed among the errors
                }
                return optional(links.find(tenant.id(), w.bc().id()))
                        .flatMap(existing -> saveAndPublish(new LinkedVendor(tenant.id(), w.bc().id(),
                                w.bc().number(), saved.id(), w.content().hash(), w.content().active(), false,
                                linkedBy(existing, saved.id(), w.linkedBy()), clock.instant())))
                        .then(Mono.fromRunnable(() -> {
                            if (w.kind() == Kind.CREATE) {
                                applied.created++;
                            } else {
                                applied.updated++;
                            }
                        }));
            });
            Flux<Void> deactivations = Flux.fromIterable(plan.deactivations).concatMap(d -> {
                ProcoreVendor saved = byId.get(d.procoreVendorId());
                if (saved == null || saved.isActive()) {
                    return Mono.<Void>empty();
                }
                return optional(links.find(tenant.id(), d.bcVendorId()))
                        .flatMap(existing -> saveAndPublish(new LinkedVendor(tenant.id(), d.bcVendorId(),
                                d.bcVendorNumber(), saved.id(), null, false, true,
                                linkedBy(existing, saved.id(), null), clock.instant())))
                        .then(Mono.fromRunnable(() -> applied.deactivated++));
            });
            return writes.thenMany(deactivations).then();
        });
        return written.then(Mono.fromSupplier(() -> report(tenant, trigger, read, plan, handMade, applied)));
    }

    /** What {@link #apply} did; filled in order by one flow, read once it completed. */
    private static final class Applied {
        final List<RowFailure> failures = new ArrayList<>();
        int created;
        int updated;
        int deactivated;
    }

    private VendorSyncReport report(Tenant tenant, Trigger trigger, int read, Plan plan, List<HandMadeVendor> handMade,
                                    Applied applied) {
        List<RowFailure> failures = applied.failures;
        metrics.vendorWrites(tenant.id(), "created", applied.created);
        metrics.vendorWrites(tenant.id(), "updated", applied.updated);
        metrics.vendorWrites(tenant.id(), "deactivated", applied.deactivated);
        metrics.vendorWrites(tenant.id(), "failed", failures.size());
        failures.forEach(f -> log.warn("tenant {}: Procore refused vendor row {}: {}", tenant.id(),
                f.procoreVendorId(), f.reason()));
        VendorSyncReport report = new VendorSyncReport(tenant.id(), trigger, read, applied.created, applied.updated,
                applied.deactivated, plan.unchanged, handMade, plan.clashes, failures, clock.instant(), plan.conflicts,
                plan.relinked);
        if (report.writes() > 0 || !failures.isEmpty() || trigger == Trigger.RECONCILIATION) {
            log.info("tenant {} vendor sync ({}): read {}, created {}, updated {} (re-linked {}), deactivated {},"
                            + " unchanged {}, hand-made {}, name clashes {}, link conflicts {}, failures {}", tenant.id(),
                    trigger, read, applied.created, applied.updated, plan.relinked, applied.deactivated,
                    plan.unchanged, handMade.size(), plan.clashes.size(), plan.conflicts.size(), failures.size());
        }
        return report;
    }

    // ---------------------------------------------------------------- links out

    private Mono<Void> saveAndPublish(LinkedVendor link) {
        return links.save(link).then(publish(link));
    }

    /** A failed publish is logged, not failed: the link is saved unpublished and goes out with the next run. */
    private Mono<Void> publish(LinkedVendor link) {
        return Mono.defer(() -> feed.publish(link.toEvent()))
                .then(Mono.defer(() -> links.markPublished(link)))
                .onErrorResume(RuntimeException.class, e -> {
                    log.warn("tenant {}: the link of Procore vendor {} to BC vendor {} is saved but not yet published"
                                    + " ({}); the next reconciliation publishes it", link.tenantId(),
                            link.procoreVendorId(), link.bcVendorNumber(), e.getMessage());
                    return Mono.empty();
                });
    }

    /** Links saved while the broker was unreachable. */
    private Mono<Void> publishPending(Tenant tenant) {
        return links.unpublished(tenant.id()).collectList().flatMap(pending -> {
            if (pending.isEmpty()) {
                return Mono.<Void>empty();
            }
            log.info("tenant {}: publishing {} vendor link(s) not yet on {}", tenant.id(), pending.size(),
                    Topics.VENDOR_LINKS);
            return Flux.fromIterable(pending).concatMap(this::publish).then();
        });
    }

    private void rememberConflicts(Tenant tenant, List<LinkConflict> found) {
        Map<UUID, LinkConflict> open = openConflicts.computeIfAbsent(tenant.id(), t -> new ConcurrentHashMap<>());
        found.forEach(c -> open.put(c.bcVendorId(), c));
        metrics.linkConflicts(tenant.id(), open.size());
    }

    private void resolveConflicts(Tenant tenant, UUID bcVendorId, long procoreVendorId) {
        Map<UUID, LinkConflict> open = openConflicts.get(tenant.id());
        if (open != null) {
            open.values().removeIf(c -> c.bcVendorId().equals(bcVendorId) || c.procoreVendorIds().contains(procoreVendorId));
            metrics.linkConflicts(tenant.id(), open.size());
        }
    }

    private static List<HandMadeVendor> handMade(ProcoreDirectory directory) {
        return directory.handMade().stream()
                .map(v -> new HandMadeVendor(v.id(), v.name(), v.isActive()))
                .sorted(Comparator.comparingLong(HandMadeVendor::procoreVendorId))
                .toList();
    }

    private Mono<Void> advanceWatermark(Tenant tenant, List<BcVendor> vendors) {
        return vendors.stream().map(BcVendor::lastModifiedDateTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(at -> state.advance(tenant.id(), SyncStateStore.Field.VENDOR_WATERMARK, at))
                .orElse(Mono.empty());
    }

    /** A Mono that may be empty, as a Mono of an Optional (so the flow goes on either way). */
    private static <T> Mono<Optional<T>> optional(Mono<T> value) {
        return value.map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private ProcoreClient procore(Tenant tenant) {
        return procoreClients.forTenant(tenant);
    }
}
