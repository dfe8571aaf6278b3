package io.mlconnector.vendorsync.vendor;

import io.mlconnector.events.VendorLink;
import io.mlconnector.events.VendorLinkOrigin;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * vendor-sync's record of one BC vendor and the Procore company vendor it is synced to: the link itself (published
 * as {@link VendorLink} on {@code vendor.links}) plus what vendor-sync needs to write only what changed.
 *
 * @param contentHash {@link VendorContent#hash()} of what Procore was last brought to (null after a BC delete or a
 *                    manual link that has not been written yet)
 * @param active      whether the Procore vendor is active (false: blocked "All" or deleted in BC)
 * @param deletedInBc the BC vendor no longer exists
 * @param linkedBy    how the link came about (kept when vendor-sync later re-syncs the pair)
 */
public record LinkedVendor(String tenantId, UUID bcVendorId, String bcVendorNumber, long procoreVendorId,
                           String contentHash, boolean active, boolean deletedInBc, VendorLinkOrigin linkedBy,
                           Instant syncedAt) {

    public LinkedVendor {
        linkedBy = linkedBy == null ? VendorLinkOrigin.SYNCED : linkedBy;
    }

    /** The published contract for this link. */
    public VendorLink toEvent() {
        return VendorLink.newBuilder()
                .setTenantId(tenantId)
                .setProcoreVendorId(procoreVendorId)
                .setBcVendorId(bcVendorId.toString().toLowerCase(Locale.ROOT))
                .setBcVendorNumber(bcVendorNumber)
                .setLinkedBy(linkedBy)
                .setActive(active && !deletedInBc)
                .setChangedAt(syncedAt)
                .build();
    }
}
