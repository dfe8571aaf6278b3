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

/**
 * Re-maps parked documents after the mapping changed (rules, vendor links, BC reference data) or on request.
 *
 * <p>Each document is claimed with a compare-and-set (PARKED -> RESOLVING for its revision) before it is
 * mapped, so concurrent re-drives (two replicas, an API call racing a rule change) publish it once. A document
 * that now maps is published, then marked RESOLVED; if publishing fails the claim is released and it stays
 * PARKED. A crash between publish and resolve leaves a stale claim that a later re-drive picks up again:
 * the posting request is then published twice with the same posting key, which the poster deduplicates.
 */
public final class ExceptionRedriver {
    private static final Logger log = LoggerFactory.getLogger(ExceptionRedriver.class);

    private final CostDocumentMapper mapper;
    private final MongoMappingExceptionStore exceptions;
    private final MappingOutputPort output;
    private final Clock clock;

    public ExceptionRedriver(CostDocumentMapper mapper, MongoMappingExceptionStore exceptions,
                             MappingOutputPort output, Clock clock) {
        this.mapper = mapper;
        this.exceptions = exceptions;
        this.output = output;
        this.clock = clock;
    }

    /** Re-map every PARKED document of the tenant. */
    public RedriveReport redriveTenant(String tenantId) {
        Tally tally = new Tally();
        for (StoredException parked : exceptions.redrivable(tenantId)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // stopped (shutdown): claim nothing more; what is left stays PARKED for the next re-drive
            }
            redrive(parked, tally);
        }
        RedriveReport report = tally.report();
        if (!report.resolved().isEmpty() || !report.failed().isEmpty()) {
            log.info("Re-drive of tenant {}: {} resolved, {} skipped, {} still parked, {} failed", tenantId,
                    report.resolved().size(), report.skipped().size(), report.stillParked().size(), report.failed().size());
        }
        return report;
    }

    /** Re-map one document; empty when no such exception exists. */
    public Optional<RedriveReport> redriveOne(ExceptionKey key) {
        Optional<StoredException> found = exceptions.find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tally tally = new Tally();
        redrive(found.get(), tally);
        return Optional.of(tally.report());
    }

    private void redrive(StoredException parked, Tally tally) {
        String id = parked.key().id();
        if (!exceptions.claim(parked.key(), parked.contentRevision())) {
            tally.notClaimed.add(id); // resolved already, being re-driven elsewhere, or a newer revision arrived
            return;
        }
        boolean settled = false;
        try {
            MappingOutcome outcome = mapper.map(parked.document());
            if (outcome instanceof Mapped mapped) {
                output.publishPostingRequest(mapped.request());
                resolve(parked, "mapped on re-drive", tally.resolved);
                settled = true;
            } else if (outcome instanceof Skipped skipped) {
                resolve(parked, "skipped on re-drive: " + skipped.reason(), tally.skipped);
                settled = true;
            } else if (outcome instanceof Parked stillParked) {
                List<ExceptionReason> reasons = reasons(stillParked.exception());
                exceptions.release(parked.key(), parked.contentRevision(), Optional.of(reasons));
                settled = true;
                tally.stillParked.add(id);
                if (!reasons.equals(parked.reasons())) {
                    output.publishException(stillParked.exception()); // the reasons changed: tell subscribers
                }
            }
        } catch (RuntimeException e) {
            log.warn("Re-drive of {} failed; it stays parked: {}", id, e.toString());
            tally.failed.add(id);
        } finally {
            if (!settled) {
                releaseClaim(parked);
            }
        }
    }

    /**
     * Every path that did not settle the claim gives it back (an error, a Kafka send that timed out, a thread
     * interrupted because its caller went away), so the document is PARKED again at once, not hidden in RESOLVING
     * until the claim times out. The interrupt flag is put aside for the store call: the MongoDB driver refuses to
     * work on an interrupted thread.
     */
    private void releaseClaim(StoredException parked) {
        boolean interrupted = Thread.interrupted();
        try {
            exceptions.release(parked.key(), parked.contentRevision(), Optional.empty());
        } catch (RuntimeException e) {
            log.error("Could not give back the re-drive claim of {}; it is re-driven again after the claim timeout: {}",
                    parked.key().id(), e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void resolve(StoredException parked, String resolution, List<String> bucket) {
        exceptions.resolveClaimed(parked.key(), parked.contentRevision(), resolution).ifPresent(resolved -> {
            output.publishException(resolved.toEvent(ExceptionStatus.RESOLVED, clock.instant()));
            bucket.add(parked.key().id());
        });
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
