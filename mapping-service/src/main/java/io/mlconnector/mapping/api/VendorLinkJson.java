package io.mlconnector.mapping.api;

/** A vendor link on the API; in a PUT body only bcVendorNumber is needed (the id is in the path). */
public record VendorLinkJson(Long procoreVendorId, String bcVendorNumber) {
}
