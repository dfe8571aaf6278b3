package io.mlconnector.mapping.api;

/** A vendor link as mapping-service knows it (from vendor-sync's vendor.links). */
public record VendorLinkJson(Long procoreVendorId, String bcVendorId, String bcVendorNumber, String linkedBy,
                             boolean active) {
}
