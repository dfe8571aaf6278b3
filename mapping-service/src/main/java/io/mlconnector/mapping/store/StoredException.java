package io.mlconnector.mapping.store;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.MappingProblem;
import java.time.Instant;
import java.util.List;

/** A mapping exception as stored: the latest parked revision of the document and why it parked. */
public record StoredException(
        ExceptionKey key,
        String contentRevision,
        ExceptionState state,
        List<ExceptionReason> reasons,
        CostDocument document,
        Instant firstParkedAt,
        Instant lastParkedAt,
        Instant resolvedAt,
        String resolution,
        int parkCount) {

    public MappingException toEvent(ExceptionStatus status, Instant at) {
        return MappingException.newBuilder()
                .setTenantId(key.tenantId())
                .setSourceType(key.sourceType())
                .setSourceId(key.sourceId())
                .setContentRevision(contentRevision)
                .setStatus(status)
                .setReasons(reasons.stream().map(r -> new MappingProblem(r.code(), r.message(), r.lineId())).toList())
                .setDocument(document)
                .setRaisedAt(at)
                .build();
    }
}
