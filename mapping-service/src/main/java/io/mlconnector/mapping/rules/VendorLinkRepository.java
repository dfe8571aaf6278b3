package io.mlconnector.mapping.rules;

import io.mlconnector.events.VendorLink;
import java.util.Optional;

/** Port: the Procore vendor -> BC vendor links vendor-sync publishes (mapping-service's read model of them). */
public interface VendorLinkRepository {
    Optional<VendorLink> link(String tenantId, long procoreVendorId);
}
