package io.mlconnector.mapping.core;

import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingRequest;
import reactor.core.publisher.Mono;

/**
 * Where mapping results go: bc.posting-requests and mapping.exceptions, keyed tenantId|sourceType|sourceId. Each
 * Mono completes when the broker acknowledged the record and fails when it did not: the caller then does not resolve
 * (the listener retries, the re-driver leaves the exception parked) instead of losing it.
 */
public interface MappingOutputPort {
    Mono<Void> publishPostingRequest(PostingRequest request);

    Mono<Void> publishException(MappingException exception);
}
