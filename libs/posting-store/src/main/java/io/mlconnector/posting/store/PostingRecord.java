package io.mlconnector.posting.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored state of one posting. {@code postingKey} is the idempotency key (derived from tenant, source
 * type, Procore id and content revision); it is also written into the BC document so BC can be searched
 * for it. {@code version} grows with every change and is what compare-and-set updates check.
 *
 * @param contentRevision identifies the postable content of this revision (a content hash or Procore's
 *                        revision marker); a new revision of the same source is a new posting
 * @param documentKind    what goes to BC, e.g. {@code PURCHASE_INVOICE}, {@code PURCHASE_CREDIT_MEMO},
 *                        {@code JOURNAL}; may be null until mapped
 */
public record PostingRecord(String postingKey, String tenantId, String sourceType, String sourceId,
                            String contentRevision, String documentKind, PostingState state, String bcDocumentId,
                            String bcDocumentNumber, int attempts, String lastError, Instant createdAt,
                            Instant updatedAt, long version) {

    public PostingRecord {
        Objects.requireNonNull(postingKey, "postingKey");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(contentRevision, "contentRevision");
        Objects.requireNonNull(state, "state");
    }

    /** A new posting as handed to {@link PostingStateStore#begin(PostingRecord)}; the store sets times and version. */
    public static PostingRecord received(String postingKey, String tenantId, String sourceType, String sourceId,
                                         String contentRevision, String documentKind) {
        return new PostingRecord(postingKey, tenantId, sourceType, sourceId, contentRevision, documentKind,
                PostingState.RECEIVED, null, null, 0, null, null, null, 0L);
    }
}
