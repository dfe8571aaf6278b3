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
import reactor.core.publisher.Mono;

/**
 * The normal path for one consumed cost document: map it, then publish the posting request, or park it and
 * publish the exception, or skip it. A newer revision that maps or is skipped resolves whatever revision of
 * the same record was parked before. Non-blocking; the Kafka listener waits for the Mono of its record.
 */
public final class CostDocumentProcessor {
    private static final Logger log = LoggerFactory.getLogger(CostDocumentProcessor.class);

    private final DocumentMapping mapping;
    private final MongoMappingExceptionStore exceptions;
    private final MappingOutputPort output;
    private final Clock clock;

    public CostDocumentProcessor(DocumentMapping mapping, MongoMappingExceptionStore exceptions,
                                 MappingOutputPort output, Clock clock) {
        this.mapping = mapping;
        this.exceptions = exceptions;
        this.output = output;
        this.clock = clock;
    }

    public Mono<MappingOutcome> process(CostDocument document) {
        ExceptionKey key = new ExceptionKey(document.getTenantId(), document.getSourceType(), document.getSourceId());
        return mapping.map(document).flatMap(outcome -> act(document, key, outcome).thenReturn(outcome));
    }

    private Mono<Void> act(CostDocument document, ExceptionKey key, MappingOutcome outcome) {
        // Java 17: no pattern switch; the sealed interface keeps this list complete.
        if (outcome instanceof Mapped mapped) {
            // Publish first: if it fails the listener retries; resolving first could lose the document.
            return output.publishPostingRequest(mapped.request())
                    .then(resolveOpen(key, "revision " + document.getContentRevision() + " mapped"));
        } else if (outcome instanceof Parked parked) {
            return exceptions.park(parked.exception()).then(output.publishException(parked.exception()));
        } else if (outcome instanceof Skipped skipped) {
            log.info("Not posting {}: {}", key.id(), skipped.reason());
            return resolveOpen(key, "revision " + document.getContentRevision() + " skipped: " + skipped.reason());
        }
        return Mono.error(new IllegalStateException("unknown mapping outcome " + outcome));
    }

    private Mono<Void> resolveOpen(ExceptionKey key, String resolution) {
        return exceptions.resolveOpen(key, resolution)
                .flatMap(resolved -> output.publishException(resolved.toEvent(ExceptionStatus.RESOLVED, clock.instant())));
    }
}
