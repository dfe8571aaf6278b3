package io.mlconnector.mapping.api;

/** A vendor link on the API. */
public record VendorLinkJson(long procoreVendorId, String bcVendorNumber) {
}
