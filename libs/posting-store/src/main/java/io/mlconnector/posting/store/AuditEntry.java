package io.mlconnector.posting.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit trail. {@code attributes} carry the request and response summary under the names
 * below; {@link AuditTrail} redacts the summary and every attribute before storing them.
 *
 * @param postingKey may be null for events about a source record before it has a posting key
 * @param at         null lets the trail stamp it with its clock
 */
public record AuditEntry(String postingKey, String tenantId, String sourceType, String sourceId, Instant at,
                         AuditStep step, String summary, Map<String, String> attributes) {

    /** Method and path, e.g. {@code POST /v2.0/.../purchaseInvoices} (no query secrets: redacted anyway). */
    public static final String REQUEST = "request";
    public static final String RESPONSE_STATUS = "responseStatus";
    public static final String BC_DOCUMENT_ID = "bcDocumentId";
    public static final String BC_DOCUMENT_NUMBER = "bcDocumentNumber";
    /** BC's {@code request-id} / {@code ms-correlation-x} header, for Microsoft support cases. */
    public static final String BC_CORRELATION_ID = "bcCorrelationId";
    public static final String ERROR_CODE = "errorCode";

    public AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(step, "step");
        summary = summary == null ? "" : summary;
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An entry about a stored posting, stamped by the trail. */
    public static AuditEntry of(PostingRecord posting, AuditStep step, String summary) {
        return new AuditEntry(posting.postingKey(), posting.tenantId(), posting.sourceType(), posting.sourceId(),
                null, step, summary, Map.of());
    }

    public AuditEntry with(String attribute, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(attribute, value);
        return new AuditEntry(postingKey, tenantId, sourceType, sourceId, at, step, summary, copy);
    }
}
