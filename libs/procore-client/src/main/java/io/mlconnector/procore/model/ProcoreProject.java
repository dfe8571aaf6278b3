package io.mlconnector.procore.model;

import java.time.Instant;

/** A project (v1.1 shape); {@code projectNumber} is the BC PROJECT dimension value. */
public record ProcoreProject(long id, String name, String projectNumber, boolean active, String originId, Instant updatedAt) {
}
