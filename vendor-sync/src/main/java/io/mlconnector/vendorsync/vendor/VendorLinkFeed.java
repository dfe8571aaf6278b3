package io.mlconnector.vendorsync.vendor;

import io.mlconnector.events.VendorLink;

/** Where vendor-sync announces every link change (Kafka topic {@code vendor.links} in the service). */
public interface VendorLinkFeed {

    /** Publishes the Procore vendor's current link; returns once the broker has it, throws when it could not. */
    void publish(VendorLink link);
}
