package io.mlconnector.service.kafka;

/** Where a record failed: reading its bytes, or handling what they said. */
public enum FailureStage {
    DESERIALIZATION,
    PROCESSING
}
