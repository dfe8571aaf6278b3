package io.mlconnector.mapping.rules;

import io.mlconnector.events.VendorLink;
import reactor.core.publisher.Mono;

/**
 * Port: the Procore vendor -> BC vendor links vendor-sync publishes (mapping-service's read model of them). Empty
 * when the vendor has no link.
 */
public interface VendorLinkRepository {
    Mono<VendorLink> link(String tenantId, long procoreVendorId);
}
