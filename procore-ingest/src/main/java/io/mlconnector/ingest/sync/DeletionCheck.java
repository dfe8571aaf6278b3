package io.mlconnector.ingest.sync;

import io.mlconnector.events.CostDocument;
import io.mlconnector.ingest.publish.ContentRevisions;
import io.mlconnector.ingest.publish.CostDocumentPublisher;
import io.mlconnector.ingest.state.DeletionCheckStore;
import io.mlconnector.ingest.state.PublishedRevisionStore;
import io.mlconnector.procore.ProcoreApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds records deleted in Procore. Most of Procore's list endpoints cannot show a deleted record:
 * {@code filters[include_deleted]} is declared only on the work order and purchase order contract lists (Procore REST
 * reference: List Direct Cost Items, List Requisitions, List Commitment / Prime Change Orders declare no such filter),
 * and an incremental read by {@code updated_at} never returns a record that no longer exists. So, per project and
 * document type, the ids Procore lists now are compared with the records last published as live; an id that is gone
 * is confirmed with one show request (a page shift while listing must not delete a live record), and a record that
 * is really gone (404, or returned with {@code deleted_at}) is published once more, as itself with {@code deleted=true}.
 *
 * <p>Cost: a full read of a list (first pass, {@code full=true}) is itself the listing, so the check is free then;
 * otherwise the ids are listed every {@code interval} (one request per page of {@code per_page} records per project
 * per document type, no per-record calls), plus one show per vanished record. A webhook {@code delete} event
 * confirms its one record at once.
 */
public final class DeletionCheck {

    private static final Logger log = LoggerFactory.getLogger(DeletionCheck.class);

    private final PublishedRevisionStore revisions;
    private final DeletionCheckStore checks;
    private final CostDocumentPublisher publisher;
    private final Duration interval;
    private final Clock clock;

    /** @param interval how often a project's lists are compared outside full reads (e.g. 1 h) */
    public DeletionCheck(PublishedRevisionStore revisions, DeletionCheckStore checks, CostDocumentPublisher publisher,
                         Duration interval, Clock clock) {
        this.revisions = revisions;
        this.checks = checks;
        this.publisher = publisher;
        this.interval = interval;
        this.clock = clock;
    }

    /** Whether the type has ever been checked in the project (never: read it in full, which is the check). */
    Mono<Boolean> everChecked(String tenantId, long projectId, CostDocumentReader reader) {
        return checks.lastChecked(tenantId, projectId, reader.type()).map(Optional::isPresent);
    }

    /**
     * After a pass read one list: compares with what that read listed (a full read), or, when the interval has
     * passed, with a fresh id listing. Publishes the deleted records; answers how many.
     *
     * @param listedByFullRead the ids the pass's own full read returned, or empty when the read was incremental
     */
    Mono<Long> afterRead(ProjectRead read, CostDocumentReader reader, Optional<Set<Long>> listedByFullRead) {
        String tenantId = read.tenantId();
        long projectId = read.project().id();
        Instant now = clock.instant();
        Mono<Optional<Set<Long>>> listed = listedByFullRead.isPresent() ? Mono.just(listedByFullRead)
                : checks.lastChecked(tenantId, projectId, reader.type())
                        .flatMap(last -> last.isPresent() && last.get().plus(interval).isAfter(now)
                                ? Mono.just(Optional.<Set<Long>>empty())
                                : reader.listedIds(read).collect(HashSet<Long>::new, Set::add).map(Optional::of));
        return listed.flatMap(ids -> ids.isEmpty() ? Mono.just(0L)
                : vanished(tenantId, reader, projectId, ids.get())
                        .concatMap(id -> confirm(read, reader, id))
                        .filter(Boolean::booleanValue).count()
                        .flatMap(n -> checks.checked(tenantId, projectId, reader.type(), now).thenReturn(n)));
    }

    private Flux<Long> vanished(String tenantId, CostDocumentReader reader, long projectId, Set<Long> listed) {
        return revisions.liveIds(tenantId, reader.type(), projectId)
                .flatMapMany(live -> Flux.fromIterable(live).filter(id -> !listed.contains(id)).sort());
    }

    /**
     * One record Procore may have deleted: its show answer decides. Found and live: its current version is published
     * if it changed (nothing was deleted). Found with {@code deleted_at} (the converters mark it deleted) or not found
     * (404): published as deleted. Answers whether a new version was published.
     */
    public Mono<Boolean> confirm(ProjectRead read, CostDocumentReader reader, long id) {
        return reader.one(read, id)
                .map(Optional::of)
                .onErrorResume(e -> e instanceof ProcoreApiException p && p.notFound(), e -> Mono.just(Optional.empty()))
                .flatMap(found -> found.map(Mono::just).orElseGet(() -> tombstone(read, reader, id)))
                .flatMap(document -> publisher.publishIfChanged(document)
                        .doOnNext(outcome -> {
                            if (outcome == CostDocumentPublisher.Outcome.PUBLISHED && document.getDeleted()) {
                                log.info("{} {} {} was deleted in Procore; published as deleted", read.tenantId(),
                                        document.getSourceType(), document.getSourceId());
                            }
                        }))
                .map(outcome -> outcome == CostDocumentPublisher.Outcome.PUBLISHED)
                .defaultIfEmpty(false);
    }

    /** The last published version, marked deleted; nothing when that version is not kept (nothing to mark). */
    private Mono<CostDocument> tombstone(ProjectRead read, CostDocumentReader reader, long id) {
        return revisions.lastDocument(read.tenantId(), reader.type(), Long.toString(id))
                .flatMap(last -> last.map(Mono::just).orElseGet(() -> {
                    log.warn("{} {} {} is gone from Procore but its last version is not kept; nothing to mark deleted",
                            read.tenantId(), reader.type(), id);
                    return Mono.empty();
                }))
                .map(last -> ContentRevisions.stamp(CostDocument.newBuilder(last)
                        .setDeleted(true)
                        .setObservedAt(clock.instant())
                        .build()));
    }
}
