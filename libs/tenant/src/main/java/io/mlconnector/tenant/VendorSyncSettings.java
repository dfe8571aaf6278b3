package io.mlconnector.tenant;

/**
 * What vendor-sync may decide on its own for this tenant ({@code "vendorSync"} in the tenants file).
 *
 * @param relinkRecreatedVendors when a Procore vendor's origin_id names a BC vendor that no longer exists and BC has
 *                               exactly one vendor of the same name, re-point the Procore vendor to it. Off by
 *                               default: vendor-sync then reports a link conflict for a person to resolve, and never
 *                               creates a second Procore vendor of that name.
 */
public record VendorSyncSettings(boolean relinkRecreatedVendors) {

    public static VendorSyncSettings defaults() {
        return new VendorSyncSettings(false);
    }
}
