package io.mlconnector.vendorsync.vendor;

import java.time.Instant;
import java.util.UUID;

/**
 * One BC vendor and the Procore company vendor it is synced to.
 *
 * @param contentHash {@link VendorContent#hash()} of what Procore was last brought to (null after a BC delete)
 * @param active      whether the Procore vendor is active (false: blocked "All" or deleted in BC)
 * @param deletedInBc the BC vendor no longer exists
 */
public record VendorLink(String tenantId, UUID bcVendorId, String bcVendorNumber, long procoreVendorId,
                         String contentHash, boolean active, boolean deletedInBc, Instant syncedAt) {
}
