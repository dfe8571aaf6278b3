package io.mlconnector.service.kafka;

/** How a consumer treats a failed record: see {@link Failures#TABLE}. */
public enum FailureKind {
    /** The record itself is wrong: straight to the dead-letter topic, no retry. */
    BAD_DATA,
    /** Something outside the record failed (a store, an API, the broker): retried with back-off. */
    TRANSIENT
}
