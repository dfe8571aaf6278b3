package io.mlconnector.mapping.api;

import io.mlconnector.events.CostDocument;
import io.mlconnector.mapping.store.ExceptionReason;
import io.mlconnector.mapping.store.StoredException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A parked (or resolved) document as an accountant reads it. */
public record ExceptionJson(
        String key, String tenantId, String sourceType, String sourceId, String contentRevision, String status,
        List<ExceptionReason> reasons, String projectNumber, String documentNumber, String title, String vendorName,
        LocalDate documentDate, BigDecimal totalAmount, int lineCount,
        Instant firstParkedAt, Instant lastParkedAt, Instant resolvedAt, String resolution, int parkCount) {

    static ExceptionJson of(StoredException stored) {
        CostDocument doc = stored.document();
        return new ExceptionJson(stored.key().id(), stored.key().tenantId(), stored.key().sourceType().name(),
                stored.key().sourceId(), stored.contentRevision(), stored.state().name(), stored.reasons(),
                doc.getProjectNumber(), doc.getNumber(), doc.getTitle(),
                doc.getVendor() == null ? null : doc.getVendor().getName(), doc.getDocumentDate(),
                doc.getTotalAmount(), doc.getLines().size(), stored.firstParkedAt(), stored.lastParkedAt(),
                stored.resolvedAt(), stored.resolution(), stored.parkCount());
    }
}
