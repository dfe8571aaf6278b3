package io.mlconnector.mapping.validation;

import reactor.core.publisher.Mono;

/** Reads a fresh snapshot of one tenant's BC reference data (accounts, dimensions with values, vendors). */
@FunctionalInterface
public interface ReferenceDataLoader {
    Mono<ReferenceSnapshot> load(String tenantId);
}
