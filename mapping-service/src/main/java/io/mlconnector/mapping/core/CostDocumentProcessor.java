package io.mlconnector.mapping.core;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.mapping.core.MappingOutcome.Mapped;
import io.mlconnector.mapping.core.MappingOutcome.Parked;
import io.mlconnector.mapping.core.MappingOutcome.Skipped;
import io.mlconnector.mapping.store.ExceptionKey;
import io.mlconnector.mapping.store.MongoMappingExceptionStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The normal path for one consumed cost document: map it, then publish the posting request, or park it and
 * publish the exception, or skip it. A newer revision that maps or is skipped resolves whatever revision of
 * the same record was parked before. Call it from the Kafka listener thread (it blocks).
 */
public final class CostDocumentProcessor {
    private static final Logger log = LoggerFactory.getLogger(CostDocumentProcessor.class);

    private final CostDocumentMapper mapper;
    private final MongoMappingExceptionStore exceptions;
    private final MappingOutputPort output;
    private final Clock clock;

    public CostDocumentProcessor(CostDocumentMapper mapper, MongoMappingExceptionStore exceptions,
                                 MappingOutputPort output, Clock clock) {
        this.mapper = mapper;
        this.exceptions = exceptions;
        this.output = output;
        this.clock = clock;
    }

    public MappingOutcome process(CostDocument document) {
        MappingOutcome outcome = mapper.map(document);
        ExceptionKey key = new ExceptionKey(document.getTenantId(), document.getSourceType(), document.getSourceId());
        // Java 17: no pattern switch; the sealed interface keeps this list complete.
        if (outcome instanceof Mapped mapped) {
            // Publish first: if it fails the listener retries; resolving first could lose the document.
            output.publishPostingRequest(mapped.request());
            resolveOpen(key, "revision " + document.getContentRevision() + " mapped");
        } else if (outcome instanceof Parked parked) {
            exceptions.park(parked.exception());
            output.publishException(parked.exception());
        } else if (outcome instanceof Skipped skipped) {
            log.info("Not posting {}: {}", key.id(), skipped.reason());
            resolveOpen(key, "revision " + document.getContentRevision() + " skipped: " + skipped.reason());
        }
        return outcome;
    }

    private void resolveOpen(ExceptionKey key, String resolution) {
        exceptions.resolveOpen(key, resolution)
                .ifPresent(resolved -> output.publishException(resolved.toEvent(ExceptionStatus.RESOLVED, clock.instant())));
    }
}
