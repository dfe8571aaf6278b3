package io.mlconnector.posting.store;

/** What happened in one audit entry. */
public enum AuditStep {
    /** The posting request arrived (a new key, or a duplicate delivery of a known one). */
    RECEIVED,
    MAPPED,
    /** Looked in BC for a document carrying the posting key (crash healing, duplicate check). */
    BC_LOOKUP,
    DRAFT_CREATED,
    POST_REQUESTED,
    POSTED,
    PARKED,
    FAILED,
    /** A try failed and another is scheduled. */
    RETRY_SCHEDULED,
    /** Re-driven after a fix, or replayed by an operator. */
    REPLAYED,
    /** The source changed in Procore after this posting was posted. */
    CHANGED_AFTER_POSTING,
    /** Anything else worth keeping (a person's note, a skipped duplicate). */
    NOTE
}
