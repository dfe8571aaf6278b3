package io.mlconnector.mapping.core;

import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.events.MappingException;
import io.mlconnector.mapping.core.MappingOutcome.Mapped;
import io.mlconnector.mapping.core.MappingOutcome.Parked;
import io.mlconnector.mapping.core.MappingOutcome.Skipped;
import io.mlconnector.mapping.store.ExceptionKey;
import io.mlconnector.mapping.store.ExceptionReason;
import io.mlconnector.mapping.store.MongoMappingExceptionStore;
import io.mlconnector.mapping.store.StoredException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-maps parked documents after the mapping changed (rules, vendor links, BC reference data) or on request.
 *
 * <p>Each document is claimed with a compare-and-set (PARKED -> RESOLVING for its revision) before it is
 * mapped, so concurrent re-drives (two replicas, an API call racing a rule change) publish it once. A document
 * that now maps is published, then marked RESOLVED; if publishing fails the claim is released and it stays
 * PARKED. A crash between publish and resolve leaves a stale claim that a later re-drive picks up again:
 * the posting request is then published twice with the same posting key, which the poster deduplicates.
 * Non-blocking: every step is a Mono, and a re-drive whose subscriber goes away (cancel) gives its claim back too.
 */
public final class ExceptionRedriver {
    private static final Logger log = LoggerFactory.getLogger(ExceptionRedriver.class);

    private final DocumentMapping mapping;
    private final MongoMappingExceptionStore exceptions;
    private final MappingOutputPort output;
    private final Clock clock;

    public ExceptionRedriver(DocumentMapping mapping, MongoMappingExceptionStore exceptions,
                             MappingOutputPort output, Clock clock) {
        this.mapping = mapping;
        this.exceptions = exceptions;
        this.output = output;
        this.clock = clock;
    }

    /** Re-map every PARKED document of the tenant, one after the other. */
    public Mono<RedriveReport> redriveTenant(String tenantId) {
        return Mono.defer(() -> {
            Tally tally = new Tally();
            // read the list first: no cursor stays open while documents are re-mapped and published
            return exceptions.redrivable(tenantId).collectList()
                    .flatMapMany(Flux::fromIterable)
                    .concatMap(parked -> redrive(parked, tally))
                    .then(Mono.fromSupplier(() -> {
                        RedriveReport report = tally.report();
                        if (!report.resolved().isEmpty() || !report.failed().isEmpty()) {
                            log.info("Re-drive of tenant {}: {} resolved, {} skipped, {} still parked, {} failed",
                                    tenantId, report.resolved().size(), report.skipped().size(),
                                    report.stillParked().size(), report.failed().size());
                        }
                        return report;
                    }));
        });
    }

    /** Re-map one document; empty when no such exception exists. */
    public Mono<RedriveReport> redriveOne(ExceptionKey key) {
        return exceptions.find(key).flatMap(found -> {
            Tally tally = new Tally();
            return redrive(found, tally).then(Mono.fromSupplier(tally::report));
        });
    }

    /**
     * Claim, map, settle. Every path that does not settle the claim gives it back (an error, a Kafka send that timed
     * out, a subscriber that went away), so the document is PARKED again at once, not hidden in RESOLVING until the
     * claim times out. A cancel that comes while the claim itself is being written releases it once it is written.
     */
    private Mono<Void> redrive(StoredException parked, Tally tally) {
        String id = parked.key().id();
        Mono<Boolean> claim = exceptions.claim(parked.key(), parked.contentRevision()).cache();
        return claim
                .doOnCancel(() -> claim.filter(Boolean::booleanValue)
                        .flatMap(claimed -> releaseClaim(parked)).subscribe())
                .flatMap(claimed -> {
                    if (!claimed) {
                        tally.notClaimed.add(id); // resolved already, being re-driven elsewhere, or a newer revision arrived
                        return Mono.<Void>empty();
                    }
                    return Mono.usingWhen(Mono.just(parked), claimedDocument -> settle(claimedDocument, tally),
                                    claimedDocument -> Mono.empty(),
                                    (claimedDocument, error) -> releaseClaim(claimedDocument),
                                    this::releaseClaim)
                            .onErrorResume(e -> {
                                log.warn("Re-drive of {} failed; it stays parked: {}", id, e.toString());
                                tally.failed.add(id);
                                return Mono.empty();
                            });
                });
    }

    /** Maps the claimed document again and settles its claim: RESOLVED, or PARKED with this attempt's reasons. */
    private Mono<Void> settle(StoredException parked, Tally tally) {
        String id = parked.key().id();
        return mapping.map(parked.document()).flatMap(outcome -> {
            if (outcome instanceof Mapped mapped) {
                return output.publishPostingRequest(mapped.request())
                        .then(resolve(parked, "mapped on re-drive", tally.resolved));
            } else if (outcome instanceof Skipped skipped) {
                return resolve(parked, "skipped on re-drive: " + skipped.reason(), tally.skipped);
            } else if (outcome instanceof Parked stillParked) {
                List<ExceptionReason> reasons = reasons(stillParked.exception());
                return exceptions.release(parked.key(), parked.contentRevision(), Optional.of(reasons))
                        .then(Mono.defer(() -> {
                            tally.stillParked.add(id);
                            return reasons.equals(parked.reasons()) ? Mono.<Void>empty()
                                    : output.publishException(stillParked.exception()); // reasons changed: tell subscribers
                        }));
            }
            return Mono.error(new IllegalStateException("unknown mapping outcome " + outcome));
        });
    }

    private Mono<Void> releaseClaim(StoredException parked) {
        return exceptions.release(parked.key(), parked.contentRevision(), Optional.empty())
                .onErrorResume(e -> {
                    log.error("Could not give back the re-drive claim of {}; it is re-driven again after the claim"
                            + " timeout: {}", parked.key().id(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> resolve(StoredException parked, String resolution, List<String> bucket) {
        return exceptions.resolveClaimed(parked.key(), parked.contentRevision(), resolution)
                .flatMap(resolved -> output.publishException(resolved.toEvent(ExceptionStatus.RESOLVED, clock.instant()))
                        .then(Mono.fromRunnable(() -> bucket.add(parked.key().id()))));
    }

    private static List<ExceptionReason> reasons(MappingException exception) {
        return exception.getReasons().stream()
                .map(r -> new ExceptionReason(r.getCode(), r.getMessage(), r.getLineId()))
                .toList();
    }

    private static final class Tally {
        final List<String> resolved = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final List<String> stillParked = new ArrayList<>();
        final List<String> notClaimed = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        RedriveReport report() {
            return new RedriveReport(resolved, skipped, stillParked, notClaimed, failed);
        }
    }
}
