package io.mlconnector.mapping.rules;

import java.util.Optional;

/** Port: explicit Procore vendor -> BC vendor links. */
public interface VendorLinkRepository {
    Optional<VendorLink> link(String tenantId, long procoreVendorId);
}
