package io.mlconnector.procore.model;

import java.time.Instant;

/** A project cost code; {@code fullCode} (e.g. "03-300") is what the mapping and BC dimension use. */
public record CostCode(long id, String fullCode, String name, Instant updatedAt) {
}
