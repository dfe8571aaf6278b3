package io.mlconnector.ingest.sync;

import io.mlconnector.events.CostDocument;
import io.mlconnector.ingest.metrics.IngestMetrics;
import io.mlconnector.ingest.publish.ContentRevisions;
import io.mlconnector.ingest.publish.CostDocumentPublisher;
import io.mlconnector.ingest.state.WatermarkStore;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.UpdatedSince;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One reconciliation pass over a tenant: discover the company's projects (so a new project is picked up
 * without a restart), then for each project and document type read what changed since the watermark,
 * publish what is new, and move the watermark. Projects are read one after the other: Procore's rate
 * limit is per company, so parallel reads would only queue behind the pacer.
 *
 * <p>The watermark is the instant up to which a list is known complete: {@code max(listed at, newest
 * updated_at seen) − overlap}. Everything updated before it was visible when the list was read (a record
 * committed late, or a clock between us and Procore that is off, stays within the overlap), so the next read
 * starts there. Anchoring on the read time rather than on the newest record is what keeps an idle cycle at one
 * request per list: records older than the overlap are never re-read, however closely their updated_at values
 * cluster (the demo data has many records sharing one timestamp, and anchoring on the newest record re-read
 * about 35 of them, each with its per-record line calls, on every idle cycle). Records changed within the
 * overlap before a read are read once more by the next cycle and absorbed by the content revision.
 */
public final class TenantSync {

    private static final Logger log = LoggerFactory.getLogger(TenantSync.class);
    /** Cost documents of one list in flight to Kafka at once; awaiting each ack in turn costs a linger + round trip each. */
    private static final int PUBLISH_CONCURRENCY = 16;

    private final ProcoreClients clients;
    private final List<CostDocumentReader> readers;
    private final WatermarkStore watermarks;
    private final CostDocumentPublisher publisher;
    private final ProcoreCallCounter calls;
    private final IngestMetrics metrics;
    private final Duration overlap;
    private final Clock clock;
    private final DeletionCheck deletions;

    /**
     * @param overlap how far behind the time of a read its watermark stays, to cover clock skew between us and
     *                Procore and records committed late with an older updated_at; re-reads are absorbed by revision
     */
    public TenantSync(ProcoreClients clients, List<CostDocumentReader> readers, WatermarkStore watermarks,
                      CostDocumentPublisher publisher, ProcoreCallCounter calls, IngestMetrics metrics,
                      Duration overlap, Clock clock, DeletionCheck deletions) {
        this.clients = clients;
        this.readers = readers;
        this.watermarks = watermarks;
        this.publisher = publisher;
        this.calls = calls;
        this.metrics = metrics;
        this.overlap = overlap;
        this.clock = clock;
        this.deletions = deletions;
        ContentRevisions.load(); // its schema file is read here, at wiring time, not on the first read's event loop
    }

    public Mono<SyncReport> sync(Tenant tenant, boolean full) {
        ProcoreClient client = clients.forTenant(tenant);
        SyncReport report = new SyncReport(tenant.id());
        long callsBefore = calls.count(tenant.id());
        Instant observedAt = clock.instant();
        Mono<Void> resetIfFull = full
                ? watermarks.reset(tenant.id()).then()
                : Mono.empty();
        return resetIfFull
                .then(client.vendors(UpdatedSince.everything()).collectMap(ProcoreVendor::id, Function.identity()))
                .flatMapMany(vendors -> {
                    var costTypes = ProjectRead.costTypes(client); // company-wide: one read per pass, when needed
                    return client.projects()
                            .filter(project -> tenant.procore().includesProject(project.id()))
                            .map(project -> new ProjectRead(tenant.id(), client, project, vendors, costTypes, observedAt));
                })
                .concatMap(read -> syncProject(tenant, read, report))
                .then(Mono.fromSupplier(() -> {
                    report.procoreCalls(calls.count(tenant.id()) - callsBefore);
                    log.info("{}", report);
                    return report;
                }));
    }

    private Mono<Void> syncProject(Tenant tenant, ProjectRead read, SyncReport report) {
        report.countProject();
        ProcoreProject project = read.project();
        return Flux.fromIterable(readers)
                .concatMap(reader -> since(tenant, project, reader)
                        .flatMap(since -> {
                            Instant listedAt = clock.instant();
                            Set<Long> listed = ConcurrentHashMap.newKeySet();
                            // sends are pipelined (each awaits the broker's ack); one list holds each record once
                            return reader.changed(read, since)
                                    .doOnNext(document -> listed.add(Long.parseLong(document.getSourceId())))
                                    .flatMapSequential(document -> publish(document, report), PUBLISH_CONCURRENCY)
                                    .reduce(Optional.<Instant>empty(), TenantSync::later)
                                    .flatMap(newest -> advance(tenant, project, reader, completeUpTo(listedAt, newest)))
                                    // a full read listed everything: it is the deletion check, at no extra cost
                                    .then(deletions.afterRead(read, reader,
                                            since.from() == null ? Optional.of(listed) : Optional.empty()))
                                    .doOnNext(deleted -> report.countDeleted(reader.type(), deleted));
                        }))
                .then();
    }

    /**
     * From the watermark; everything when there is none, or when the type was never compared for deletions in the
     * project (a store from before the deletion check: the full read records every record's project once).
     * {@code withDeleted} is sent only where the list declares {@code filters[include_deleted]} (the commitments).
     */
    private Mono<UpdatedSince> since(Tenant tenant, ProcoreProject project, CostDocumentReader reader) {
        return deletions.everChecked(tenant.id(), project.id(), reader)
                .flatMap(checked -> watermarks.get(tenant.id(), project.id(), reader.type())
                        .map(mark -> mark.filter(m -> checked)
                                .map(m -> UpdatedSince.since(m).withDeleted())
                                .orElse(UpdatedSince.everything().withDeleted())));
    }

    /**
     * Where the next read of a list starts. A record stamped later than our clock proves Procore's clock is at
     * least there, so the later of the two is "now" for Procore.
     */
    private Instant completeUpTo(Instant listedAt, Optional<Instant> newest) {
        Instant procoreNow = newest.filter(n -> n.isAfter(listedAt)).orElse(listedAt);
        return procoreNow.minus(overlap);
    }

    private Mono<CostDocument> publish(CostDocument document, SyncReport report) {
        report.countRead(document);
        metrics.documentRead(document.getTenantId(), document.getSourceType());
        return publisher.publishIfChanged(document)
                .doOnNext(outcome -> {
                    if (outcome == CostDocumentPublisher.Outcome.PUBLISHED) {
                        report.countPublished(document.getSourceType());
                        metrics.documentPublished(document.getTenantId(), document.getSourceType());
                    }
                })
                .thenReturn(document);
    }

    private static Optional<Instant> later(Optional<Instant> newest, CostDocument document) {
        Instant updated = document.getSourceUpdatedAt();
        if (updated == null) {
            return newest;
        }
        return newest.isPresent() && newest.get().isAfter(updated) ? newest : Optional.of(updated);
    }

    private Mono<Void> advance(Tenant tenant, ProcoreProject project, CostDocumentReader reader, Instant mark) {
        return watermarks.advance(tenant.id(), project.id(), reader.type(), mark);
    }

    /**
     * Webhook path: fetch one record by id and publish it if its content changed. A project the tenant does
     * not sync is ignored (the webhook scope can be wider than the tenant's project list).
     */
    public Mono<Boolean> syncOne(Tenant tenant, CostDocumentReader reader, long projectId, long recordId) {
        if (!tenant.procore().includesProject(projectId)) {
            return Mono.just(false);
        }
        ProcoreClient client = clients.forTenant(tenant);
        Instant observedAt = clock.instant();
        return client.projects().filter(p -> p.id() == projectId).next()
                .zipWith(client.vendors(UpdatedSince.everything()).collectMap(ProcoreVendor::id, Function.identity()))
                .flatMap(t -> reader.one(new ProjectRead(tenant.id(), client, t.getT1(), t.getT2(), observedAt), recordId))
                .doOnNext(document -> metrics.documentRead(document.getTenantId(), document.getSourceType()))
                .flatMap(document -> publisher.publishIfChanged(document)
                        .doOnNext(outcome -> {
                            if (outcome == CostDocumentPublisher.Outcome.PUBLISHED) {
                                metrics.documentPublished(document.getTenantId(), document.getSourceType());
                            }
                        }))
                .map(outcome -> outcome == CostDocumentPublisher.Outcome.PUBLISHED);
    }

    /**
     * Webhook path for a {@code delete} event: the named record is confirmed gone (404 or {@code deleted_at}) and
     * published once as deleted; if it is still there, its current version is published if it changed.
     */
    public Mono<Boolean> syncDeleted(Tenant tenant, CostDocumentReader reader, long projectId, long recordId) {
        if (!tenant.procore().includesProject(projectId)) {
            return Mono.just(false);
        }
        ProcoreClient client = clients.forTenant(tenant);
        Instant observedAt = clock.instant();
        return client.projects().filter(p -> p.id() == projectId).next()
                .zipWith(client.vendors(UpdatedSince.everything()).collectMap(ProcoreVendor::id, Function.identity()))
                .flatMap(t -> deletions.confirm(new ProjectRead(tenant.id(), client, t.getT1(), t.getT2(), observedAt),
                        reader, recordId))
                .defaultIfEmpty(false);
    }

    public static Map<String, CostDocumentReader> byType(List<CostDocumentReader> readers) {
        return readers.stream().collect(java.util.stream.Collectors.toMap(r -> r.type().name(), Function.identity()));
    }
}
