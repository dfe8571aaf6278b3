package io.mlconnector.mapping.store;

/**
 * Stored state of a mapping exception. RESOLVING is internal: a re-driver has claimed the document
 * (compare-and-set from PARKED) and is publishing it; it becomes RESOLVED or falls back to PARKED. A claim older
 * than the claim timeout is treated as PARKED again (the claimer crashed; the posting key keeps a second
 * publish harmless).
 */
public enum ExceptionState {
    PARKED, RESOLVING, RESOLVED
}
