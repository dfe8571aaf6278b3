package io.mlconnector.vendorsync.vendor;

import io.mlconnector.events.VendorLink;
import reactor.core.publisher.Mono;

/** Where vendor-sync announces every link change (Kafka topic {@code vendor.links} in the service). */
public interface VendorLinkFeed {

    /** Publishes the Procore vendor's current link; completes once the broker has it, fails when it could not. */
    Mono<Void> publish(VendorLink link);
}
