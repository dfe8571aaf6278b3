package io.mlconnector.mapping.core;

import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingRequest;

/**
 * Where mapping results go: bc.posting-requests and mapping.exceptions, keyed tenantId|sourceType|sourceId.
 * The lead wires it to Kafka. Implementations should be synchronous (send and wait for the ack) so that a
 * failure surfaces to the caller: the re-driver then leaves the exception parked instead of losing it.
 */
public interface MappingOutputPort {
    void publishPostingRequest(PostingRequest request);

    void publishException(MappingException exception);
}
