package io.mlconnector.mapping.validation;

/** Reads a fresh snapshot of one tenant's BC reference data (accounts, dimensions with values, vendors). */
@FunctionalInterface
public interface ReferenceDataLoader {
    ReferenceSnapshot load(String tenantId);
}
